/// The deduplicated strings of an index being written, numbered in order of first use.
///
/// First-use order is deterministic because the writer visits the set in its canonical
/// order; the hash table below decides only where a string is looked up, never its number.
/// Each distinct string is copied once into a ``ByteArena``, so the runs of questions the
/// writer reads from can be let go as it goes.
struct StringPool: @unchecked Sendable {
    // @unchecked: every record is in the arena, which `owners` keeps alive and which is never
    // written again where a record was placed.

    /// Every distinct string's record in the arena (its length, then its bytes), in id order.
    private(set) var records: [UnsafeRawPointer] = []
    private var slots: ProbeSlots
    /// The low half of each string's hash, so a probe compares bytes only when they agree (the
    /// table's slots come from the low bits too, so a rehash needs no more).
    private var hashes: [UInt32] = []
    private let arena = ByteArena()
    /// What keeps the records alive (the arena), for those who keep pointers to them.
    var owners: [AnyObject] { [arena] }

    init(expectedCount: Int) {
        slots = ProbeSlots(expectedCount: expectedCount)
        records.reserveCapacity(expectedCount)
        hashes.reserveCapacity(expectedCount)
    }

    /// The number of distinct strings.
    var count: Int { records.count }

    /// The UTF-8 bytes of string `id`.
    func text(_ id: Int) -> UnsafeRawBufferPointer { ByteArena.bytes(of: records[id]) }

    /// The id of `string`, copying its bytes into the pool if it is new.
    ///
    /// - Complexity: O(n) expected in the string's length.
    mutating func intern(_ string: String) -> UInt32 {
        var copy = string
        return copy.withUTF8 { text in intern(UnsafeRawBufferPointer(text)) }
    }

    /// The id of the bytes `text`, copying them into the pool if they are new.
    ///
    /// - Complexity: O(n) expected in the text's length.
    mutating func intern(_ text: UnsafeRawBufferPointer) -> UInt32 {
        let h = TokenTable.hash(text)
        var slot = slots.start(h)
        while let id = slots[slot] {
            if hashes[id] == UInt32(truncatingIfNeeded: h) && Self.equals(self.text(id), text) { return UInt32(id) }
            slot = slots.next(slot)
        }
        let id = count
        records.append(arena.record(text))
        hashes.append(UInt32(truncatingIfNeeded: h))
        slots.insert(id, at: slot, count: count) { UInt64(hashes[$0]) }
        return UInt32(id)
    }

    /// Calls `body` with the UTF-8 bytes of string `id`.
    func withBytes<R>(_ id: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        body(text(id))
    }

    private static func equals(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        guard a.count == b.count else { return false }
        guard let x = a.baseAddress, let y = b.baseAddress else { return true }
        return CLibrary.compareBytes(x, y, count: a.count) == 0
    }
}
