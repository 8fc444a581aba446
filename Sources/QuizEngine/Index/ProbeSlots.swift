/// The slots of an open-addressing hash table with linear probing, as the index writer's
/// string pool and token table use them: each holds an id + 1, or 0 when empty; the size is a
/// power of two, doubled whenever the table is more than half full.
struct ProbeSlots {
    private var slots: [UInt32]
    private var mask: Int

    init(expectedCount: Int) {
        var capacity = 1024
        while capacity < expectedCount * 2 { capacity *= 2 }
        slots = [UInt32](repeating: 0, count: capacity)
        mask = capacity - 1
    }

    /// Where probing for `hash` starts.
    @inline(__always)
    func start(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash) & mask }

    /// The slot probed after `slot`.
    @inline(__always)
    func next(_ slot: Int) -> Int { (slot + 1) & mask }

    /// The id in `slot`, or nil when it is empty.
    @inline(__always)
    subscript(slot: Int) -> Int? {
        let entry = slots[slot]
        return entry == 0 ? nil : Int(entry - 1)
    }

    /// Puts `id` into the empty `slot`; when that fills more than half the table, doubles it
    /// and places ids `0 ..< count` again by `hash(id)`.
    ///
    /// - Complexity: O(1) amortised.
    mutating func insert(_ id: Int, at slot: Int, count: Int, hash: (Int) -> UInt64) {
        slots[slot] = UInt32(id + 1)
        guard count * 2 > slots.count else { return }
        var larger = [UInt32](repeating: 0, count: slots.count * 2)
        let largerMask = larger.count - 1
        for existing in 0..<count {
            var slot = Int(truncatingIfNeeded: hash(existing)) & largerMask
            while larger[slot] != 0 { slot = (slot + 1) & largerMask }
            larger[slot] = UInt32(existing + 1)
        }
        slots = larger
        mask = largerMask
    }
}
