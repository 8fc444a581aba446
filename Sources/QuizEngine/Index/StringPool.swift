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
    /// Open addressing with linear probing: string id + 1, or 0 for an empty slot.
    private var slots: [UInt32]
    private var hashes: [UInt64] = []
    private var mask: Int

    init(expectedCount: Int) {
        var capacity = 1024
        while capacity < expectedCount * 2 { capacity *= 2 }
        slots = [UInt32](repeating: 0, count: capacity)
        mask = capacity - 1
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
            var slot = Int(truncatingIfNeeded: h) & mask
            while true {
                let entry = slots[slot]
                if entry == 0 { break }
                let id = Int(entry - 1)
                if hashes[id] == h && Self.equals(strings[id], UnsafeRawBufferPointer(text)) { return UInt32(id) }
                slot = (slot + 1) & mask
            }
            let id = UInt32(count)
            strings.append(string)
            hashes.append(h)
            byteCount += text.count
            slots[slot] = id + 1
            if count * 2 > slots.count { grow() }
            return id
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

    private mutating func grow() {
        var larger = [UInt32](repeating: 0, count: slots.count * 2)
        let largerMask = larger.count - 1
        for id in 0..<count {
            var slot = Int(truncatingIfNeeded: hashes[id]) & largerMask
            while larger[slot] != 0 { slot = (slot + 1) & largerMask }
            larger[slot] = UInt32(id + 1)
        }
        slots = larger
        mask = largerMask
    }
}
