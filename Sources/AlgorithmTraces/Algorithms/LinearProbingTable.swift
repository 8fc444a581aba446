/// An open-addressing hash table of integer keys with linear probing and the hash function
/// `h(k) = k mod m` (the non-negative remainder, so `-3 mod 7 = 4`), `m` slots.
///
/// A key goes to slot `h(k)`; when that slot holds another key, to the next one, wrapping
/// from slot `m - 1` to slot 0, until a free slot (or the key itself) turns up.
///
///     var table = LinearProbingTable<Int>(slotCount: 7)
///     print([15, 22, 8, 3].map { table.insert($0) })
///     // Prints "[Optional(1), Optional(2), Optional(3), Optional(4)]"
public struct LinearProbingTable<Key: BinaryInteger> {
    /// The slots; `nil` when empty.
    public var slots: [Key?] { storage }

    @usableFromInline var storage: [Key?]

    /// An empty table of `slotCount` slots.
    ///
    /// - Precondition: `slotCount >= 1`.
    public init(slotCount: Int) {
        precondition(slotCount >= 1, "a hash table needs a slot")
        storage = Array(repeating: nil, count: slotCount)
    }

    /// `h(key) = key mod m`, in `0..<m`.
    @inlinable
    public func home(of key: Key) -> Int {
        let m = Key(storage.count)
        let remainder = key % m
        return Int(remainder < 0 ? remainder + m : remainder)
    }

    /// Inserts `key` and returns its slot; a key already present keeps its slot. Returns nil,
    /// leaving the table as it was, when the table is full.
    ///
    /// - Complexity: O(m) in the worst case; O(1) expected at a load factor bounded below 1
    ///   with keys that hash evenly.
    @inlinable
    public mutating func insert(_ key: Key) -> Int? {
        var probe = NoOpStepProbe<Key>()
        return insert(key, probe: &probe)
    }

    /// `insert`, reporting `.collide(slot:)` for each slot passed over and `.place(slot:)`.
    @inlinable
    public mutating func insert<Probe: StepProbe>(_ key: Key, probe: inout Probe) -> Int?
    where Probe.Value == Key {
        var slot = home(of: key)
        for _ in 0..<storage.count {
            switch storage[slot] {
            case nil:
                storage[slot] = key
                probe.record(.place(slot: slot), storage)
                return slot
            case key?:
                probe.record(.place(slot: slot), storage)
                return slot
            default:
                probe.record(.collide(slot: slot), storage)
                slot = slot + 1 == storage.count ? 0 : slot + 1
            }
        }
        return nil
    }

    /// The slot holding `key`, or nil.
    ///
    /// - Complexity: O(m) in the worst case.
    public func slot(of key: Key) -> Int? {
        var slot = home(of: key)
        for _ in 0..<storage.count {
            guard let stored = storage[slot] else { return nil }
            if stored == key { return slot }
            slot = slot + 1 == storage.count ? 0 : slot + 1
        }
        return nil
    }
}
