/// The deduplicated strings of an index being written, numbered in order of first use.
///
/// First-use order is deterministic because the writer visits the set in its canonical
/// order; the hash table below decides only where a string is looked up, never its number.
/// The pool keeps the `String`s themselves (already held by the question set), not a copy
/// of their bytes: the compressed pool is written from them directly.
struct StringPool {
    /// Every distinct string, in id order.
    private(set) var strings: [String] = []
    /// The total UTF-8 size of the distinct strings.
    private(set) var byteCount = 0
    private var slots: ProbeSlots
    /// Each string's hash, so a probe compares bytes only when the hashes agree.
    private var hashes: [UInt64] = []

    init(expectedCount: Int) {
        slots = ProbeSlots(expectedCount: expectedCount)
        strings.reserveCapacity(expectedCount)
        hashes.reserveCapacity(expectedCount)
    }

    /// The number of distinct strings.
    var count: Int { strings.count }

    /// The id of `string`, adding it if it is new.
    ///
    /// - Complexity: O(n) expected in the string's length.
    mutating func intern(_ string: String) -> UInt32 {
        var copy = string
        return copy.withUTF8 { text in
            let h = TokenTable.hash(UnsafeRawBufferPointer(text))
            var slot = slots.start(h)
            while let id = slots[slot] {
                if hashes[id] == h && Self.equals(strings[id], UnsafeRawBufferPointer(text)) { return UInt32(id) }
                slot = slots.next(slot)
            }
            let id = count
            strings.append(string)
            hashes.append(h)
            byteCount += text.count
            slots.insert(id, at: slot, count: count) { hashes[$0] }
            return UInt32(id)
        }
    }

    /// Calls `body` with the UTF-8 bytes of string `id`.
    func withBytes<R>(_ id: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        var string = strings[id]
        return string.withUTF8 { body(UnsafeRawBufferPointer($0)) }
    }

    private static func equals(_ string: String, _ text: UnsafeRawBufferPointer) -> Bool {
        var string = string
        return string.withUTF8 { own in
            guard own.count == text.count else { return false }
            guard let a = own.baseAddress, let b = text.baseAddress else { return true }
            return CLibrary.compareBytes(a, b, count: text.count) == 0
        }
    }
}
