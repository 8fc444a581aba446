/// One roaring-style container, read in place from the index (``PostingContainer``) or
/// held in memory (``OrdinalSet``'s): the set algebra is written once, generically, over
/// both, so a tag's postings are intersected straight from the memory map without copying.
protocol OrdinalContainer {
    /// The high 16 bits of the members' ordinals.
    var key: Int { get }
    /// The number of members.
    var count: Int { get }
    /// Whether the members are a 1,024-word bitset (else a sorted array of low halves).
    var isBitset: Bool { get }
    /// The `i`th smallest low half (array containers).
    func value(at i: Int) -> UInt16
    /// Word `w` of the bitset (bitset containers).
    func word(at w: Int) -> UInt64
}

extension OrdinalContainer {
    /// Whether `low` is a member.
    ///
    /// - Complexity: O(1) for a bitset, O(log n) for an array of n members.
    @inline(__always) func has(_ low: UInt16) -> Bool {
        if isBitset { return word(at: Int(low >> 6)) & (1 << UInt64(low & 63)) != 0 }
        let i = lowerBound(of: low, from: 0)
        return i < count && value(at: i) == low
    }

    /// The first position `>= from` whose value is `>= low` (array containers), by
    /// galloping: doubling steps, then binary search in the last step's range. Cheap when the
    /// answer is close to `from`, which is what a merge with a much smaller array asks for.
    ///
    /// - Complexity: O(log d), where d is the distance from `from` to the answer.
    func lowerBound(of low: UInt16, from: Int) -> Int {
        var lo = from
        var step = 1
        var hi = from
        while hi < count && value(at: hi) < low {
            lo = hi + 1
            hi += step
            step *= 2
        }
        hi = min(hi, count)
        while lo < hi {
            let mid = (lo + hi) / 2
            if value(at: mid) < low { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The members as 1,024 bitset words (copied or built).
    var bitsetWords: [UInt64] {
        if isBitset { return (0..<OrdinalSet.wordCount).map(word(at:)) }
        var words = [UInt64](repeating: 0, count: OrdinalSet.wordCount)
        for i in 0..<count {
            let v = value(at: i)
            words[Int(v >> 6)] |= 1 << UInt64(v & 63)
        }
        return words
    }
}

extension OrdinalSet.Container: OrdinalContainer {
    @inline(__always) func value(at i: Int) -> UInt16 { values[i] }
    @inline(__always) func word(at w: Int) -> UInt64 { words[w] }

    func contains(_ low: UInt16) -> Bool { has(low) }

    /// A copy of any container.
    init<C: OrdinalContainer>(copying other: C) {
        if other.isBitset {
            self.init(key: other.key, words: other.bitsetWords, count: other.count)
        } else {
            self.init(key: other.key, values: (0..<other.count).map(other.value(at:)))
        }
    }
}

extension PostingContainer: OrdinalContainer {
    var isBitset: Bool { kind == .bitset }
}
