/// A set of question ordinals, stored like the index's posting lists: roaring-style
/// containers, one per block of 65,536 ordinals that has members, each a sorted array of
/// low 16-bit halves (at most 4,096 of them) or a 65,536-bit bitset.
///
/// It is what evaluating a ``TagExpression`` produces. Its size is proportional to the
/// matches, never to the whole index, and it answers "the ordinal of rank r" from container
/// cardinalities without listing the members, which is what sampling needs.
///
///     let set = OrdinalSet([3, 70_000, 5])
///     print(Array(set), set.ordinal(atRank: 2))
///     // Prints "[3, 5, 70000] 70000"
public struct OrdinalSet: Sequence, Sendable, Hashable {
    /// The members sharing the high 16 bits ``key``. Exactly one of `values` and `words` is
    /// in use: `values` (sorted, unique) when `count <= 4_096`, else the 1,024 `words`.
    struct Container: Sendable, Hashable {
        var key: Int
        var count: Int
        var values: [UInt16]
        var words: [UInt64]

        var isBitset: Bool { !words.isEmpty }

        init(key: Int, values: [UInt16]) {
            self.key = key
            count = values.count
            self.values = values
            words = []
        }

        /// A container from bitset words holding `count` members, in canonical form.
        init(key: Int, words: [UInt64], count: Int) {
            self.key = key
            self.count = count
            if count > OrdinalSet.arrayLimit {
                values = []
                self.words = words
            } else {
                values = OrdinalSet.values(ofWords: words, count: count)
                self.words = []
            }
        }
    }

    /// The most members an array container holds; denser blocks are bitsets.
    static let arrayLimit = 4_096
    /// Words in a bitset container (65,536 bits).
    static let wordCount = 1_024

    /// The containers, in ascending order of key, none empty.
    private(set) var containers: [Container]

    /// The number of ordinals in the set.
    public private(set) var count: Int

    /// Whether the set is empty.
    public var isEmpty: Bool { count == 0 }

    /// The empty set.
    public init() {
        containers = []
        count = 0
    }

    /// The set of the given ordinals (any order; repeats are ignored).
    ///
    /// - Precondition: every ordinal is in `0..<2^32`.
    /// - Complexity: O(n log n) for n ordinals.
    public init<S: Sequence>(_ ordinals: S) where S.Element == Int {
        var sorted = Array(ordinals)
        sorted.sort()
        var containers: [Container] = []
        var i = 0
        while i < sorted.count {
            let key = sorted[i] >> 16
            precondition(sorted[i] >= 0 && key <= Int(UInt16.max), "ordinal out of range")
            var values: [UInt16] = []
            while i < sorted.count, sorted[i] >> 16 == key {
                let low = UInt16(truncatingIfNeeded: sorted[i])
                if values.last != low { values.append(low) }
                i += 1
            }
            containers.append(Self.container(key: key, sortedValues: values))
        }
        self.init(containers: containers)
    }

    init(containers: [Container]) {
        self.containers = containers
        count = containers.reduce(0) { $0 + $1.count }
    }

    /// A copy of an index posting list.
    ///
    /// - Complexity: O(p) for p postings (bitsets copy 1,024 words).
    init(_ list: PostingList) {
        self.init(containers: list.containers.map(Container.init(copying:)))
    }

    /// Every ordinal in `0..<n`: the complement's universe.
    ///
    /// - Complexity: O(n / 64).
    static func universe(count n: Int) -> OrdinalSet {
        var containers: [Container] = []
        var start = 0
        while start < n {
            let size = Swift.min(65_536, n - start)
            var words = [UInt64](repeating: .max, count: wordCount)
            if size < 65_536 {
                let full = size / 64
                for w in full..<wordCount { words[w] = 0 }
                if size % 64 != 0 { words[full] = (1 << UInt64(size % 64)) - 1 }
            }
            containers.append(Container(key: start >> 16, words: words, count: size))
            start += 65_536
        }
        return OrdinalSet(containers: containers)
    }

    /// An array or bitset container of sorted, unique low halves, in canonical form.
    static func container(key: Int, sortedValues values: [UInt16]) -> Container {
        guard values.count > arrayLimit else { return Container(key: key, values: values) }
        var words = [UInt64](repeating: 0, count: wordCount)
        for v in values { words[Int(v >> 6)] |= 1 << UInt64(v & 63) }
        return Container(key: key, words: words, count: values.count)
    }

    /// The low halves of the set bits of `words`, ascending.
    static func values(ofWords words: [UInt64], count: Int) -> [UInt16] {
        var values: [UInt16] = []
        values.reserveCapacity(count)
        for (w, word) in words.enumerated() {
            var bits = word
            while bits != 0 {
                values.append(UInt16(w * 64 + bits.trailingZeroBitCount))
                bits &= bits - 1
            }
        }
        return values
    }

    // MARK: Queries

    /// Whether `ordinal` is in the set.
    ///
    /// - Complexity: O(log c + log 4096) for c containers.
    public func contains(_ ordinal: Int) -> Bool {
        guard ordinal >= 0 else { return false }
        let key = ordinal >> 16
        var lo = 0
        var hi = containers.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if containers[mid].key == key { return containers[mid].contains(UInt16(truncatingIfNeeded: ordinal)) }
            if containers[mid].key < key { lo = mid + 1 } else { hi = mid }
        }
        return false
    }

    /// The member with `rank` members below it (the `rank`th smallest, from 0).
    ///
    /// - Precondition: `0 <= rank < count`.
    /// - Complexity: O(c + 1024) for c containers.
    public func ordinal(atRank rank: Int) -> Int {
        ordinals(atSortedRanks: [rank])[0]
    }

    /// The members with the given ranks, in one pass over the containers.
    ///
    /// - Precondition: `ranks` is ascending and every rank is in `0..<count`.
    /// - Complexity: O(c + k + 1024 · b), for c containers, k ranks and b bitset containers
    ///   holding a rank; never proportional to ``count``.
    func ordinals(atSortedRanks ranks: [Int]) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(ranks.count)
        var c = 0
        var before = 0  // members in containers[0..<c]
        var cursor = BitsetCursor()
        for rank in ranks {
            precondition(rank >= 0 && rank < count, "rank out of range")
            while rank >= before + containers[c].count {
                before += containers[c].count
                c += 1
                cursor = BitsetCursor()
            }
            let container = containers[c]
            let local = rank - before
            let low = container.isBitset ? cursor.select(local, in: container) : Int(container.values[local])
            result.append(container.key << 16 + low)
        }
        return result
    }

    /// The members for which `isIncluded` is true.
    ///
    /// - Complexity: O(n) calls of `isIncluded`, for n members.
    func filter(_ isIncluded: (Int) -> Bool) -> OrdinalSet {
        var kept: [Container] = []
        for container in containers {
            let base = container.key << 16
            if container.isBitset {
                var words = container.words
                var count = container.count
                for w in 0..<words.count {
                    var bits = words[w]
                    while bits != 0 {
                        let bit = bits.trailingZeroBitCount
                        bits &= bits - 1
                        if !isIncluded(base + w * 64 + bit) {
                            words[w] &= ~(1 << UInt64(bit))
                            count -= 1
                        }
                    }
                }
                if count > 0 { kept.append(Container(key: container.key, words: words, count: count)) }
            } else {
                let values = container.values.filter { isIncluded(base + Int($0)) }
                if !values.isEmpty { kept.append(Container(key: container.key, values: values)) }
            }
        }
        return OrdinalSet(containers: kept)
    }

    // MARK: Iteration

    public func makeIterator() -> Iterator { Iterator(set: self) }

    public var underestimatedCount: Int { count }

    /// Iterates the members in ascending order.
    public struct Iterator: IteratorProtocol {
        let set: OrdinalSet
        var container = 0
        var position = 0
        var word: UInt64 = 0

        public mutating func next() -> Int? {
            while container < set.containers.count {
                let c = set.containers[container]
                let base = c.key << 16
                if c.isBitset {
                    while word == 0 && position < c.words.count {
                        word = c.words[position]
                        position += 1
                    }
                    if word != 0 {
                        let bit = word.trailingZeroBitCount
                        word &= word - 1
                        return base + (position - 1) * 64 + bit
                    }
                } else if position < c.values.count {
                    defer { position += 1 }
                    return base + Int(c.values[position])
                }
                container += 1
                position = 0
                word = 0
            }
            return nil
        }
    }
}

/// Walks a bitset container's words forward, so successive ascending selections in one
/// container cost O(1024 + k) together rather than O(1024) each.
struct BitsetCursor {
    private var word = 0
    private var before = 0  // set bits in words[0..<word]

    /// The low half of the member of local rank `rank`; ranks must not decrease between calls.
    mutating func select<C: OrdinalContainer>(_ rank: Int, in container: C) -> Int {
        var bits = container.word(at: word)
        while rank >= before + bits.nonzeroBitCount {
            before += bits.nonzeroBitCount
            word += 1
            bits = container.word(at: word)
        }
        for _ in 0..<(rank - before) { bits &= bits - 1 }
        return word * 64 + bits.trailingZeroBitCount
    }
}
