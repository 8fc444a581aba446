/// The questions carrying one tag, as stored in the index: roaring-style containers, one per
/// block of 65,536 ordinals that has members.
///
/// A container with at most 4,096 members is a sorted array of the low 16 bits of its
/// ordinals; a denser one is a bitset of 65,536 bits (8 KiB). Set algebra works container by
/// container: intersect arrays by merging, bitsets by `&` of words, an array with a bitset
/// by probing (Chambi, Lemire, Kaser and Godin, "Better bitmap performance with Roaring
/// bitmaps", 2016).
///
///     if let sorting = try index.postings(forTag: "sorting") {
///         for ordinal in sorting {
///             print(try index.key(at: ordinal))
///         }
///     }
///
/// Reading is in place; the list keeps its index alive.
public struct PostingList: Sequence, Sendable {
    let index: QuestionIndex
    let firstContainer: Int
    let containerCount: Int

    /// The number of questions in the list.
    public let count: Int

    /// Whether the list is empty.
    public var isEmpty: Bool { count == 0 }

    /// The containers, in ascending order of ``PostingContainer/key``.
    public var containers: Containers { Containers(list: self) }

    /// The containers of a posting list.
    public struct Containers: RandomAccessCollection, Sendable {
        let list: PostingList
        public var startIndex: Int { 0 }
        public var endIndex: Int { list.containerCount }
        public subscript(position: Int) -> PostingContainer {
            precondition(position >= 0 && position < list.containerCount, "container index out of range")
            return PostingContainer(index: list.index, record: list.firstContainer + position)
        }
    }

    /// Whether the question at `ordinal` is in the list.
    ///
    /// - Complexity: O(log c + log 4096), where c is the number of containers.
    public func contains(_ ordinal: Int) -> Bool {
        guard ordinal >= 0, ordinal < index.count else { return false }
        let key = ordinal >> 16
        var lo = 0
        var hi = containerCount
        while lo < hi {
            let mid = (lo + hi) / 2
            let c = containers[mid]
            if c.key == key { return c.contains(UInt16(truncatingIfNeeded: ordinal)) }
            if c.key < key { lo = mid + 1 } else { hi = mid }
        }
        return false
    }

    /// The ordinals, ascending.
    public var ordinals: [Int] { Array(self) }

    public func makeIterator() -> Iterator { Iterator(list: self) }

    public var underestimatedCount: Int { count }

    /// Iterates the ordinals of a posting list in ascending order.
    public struct Iterator: IteratorProtocol {
        let list: PostingList
        var container = 0
        var position = 0
        var word: UInt64 = 0
        var current: PostingContainer?

        init(list: PostingList) { self.list = list }

        public mutating func next() -> Int? {
            while container < list.containerCount {
                let c = current ?? list.containers[container]
                current = c
                let base = c.key << 16
                switch c.kind {
                case .array:
                    if position < c.count {
                        defer { position += 1 }
                        return base + Int(c.value(at: position))
                    }
                case .bitset:
                    while word == 0 && position < IndexFormat.bitsetBytes / 8 {
                        word = c.word(at: position)
                        position += 1
                    }
                    if word != 0 {
                        let bit = word.trailingZeroBitCount
                        word &= word - 1
                        return base + (position - 1) * 64 + bit
                    }
                }
                container += 1
                position = 0
                word = 0
                current = nil
            }
            return nil
        }
    }
}

/// One container of a ``PostingList``: the members whose ordinals share the high 16 bits
/// ``key``.
public struct PostingContainer: Sendable {
    /// How the members are stored.
    public enum Kind: Sendable, Hashable {
        /// A sorted array of low 16-bit halves (at most 4,096 of them).
        case array
        /// A bitset of 65,536 bits, as 1,024 little-endian 64-bit words.
        case bitset
    }

    let index: QuestionIndex
    let payload: Int

    /// The high 16 bits of the members' ordinals: members lie in `key << 16 ..< (key + 1) << 16`.
    public let key: Int
    public let kind: Kind
    /// The number of members.
    public let count: Int

    init(index: QuestionIndex, record: Int) {
        self.index = index
        let r = index.reader.containerRecord(record)
        key = Int(r.u16(ContainerField.key))
        kind = r.u8(ContainerField.kind) == IndexFormat.containerArray ? .array : .bitset
        count = Int(r.u32(ContainerField.cardinality))
        payload = index.layout.postings + Int(r.u32(ContainerField.payload))
    }

    /// The `i`th smallest member's low half (array containers).
    @inline(__always) func value(at i: Int) -> UInt16 { index.base.u16(payload + 2 * i) }

    /// Word `w` of the bitset (bitset containers).
    @inline(__always) func word(at w: Int) -> UInt64 { index.base.u64(payload + 8 * w) }

    /// Whether `low` (the low 16 bits of an ordinal with this container's key) is a member.
    public func contains(_ low: UInt16) -> Bool {
        switch kind {
        case .bitset:
            return word(at: Int(low >> 6)) & (1 << UInt64(low & 63)) != 0
        case .array:
            var lo = 0
            var hi = count
            while lo < hi {
                let mid = (lo + hi) / 2
                let v = value(at: mid)
                if v == low { return true }
                if v < low { lo = mid + 1 } else { hi = mid }
            }
            return false
        }
    }

    /// The members' low halves, ascending (for either kind).
    public var values: [UInt16] {
        switch kind {
        case .array:
            return (0..<count).map(value(at:))
        case .bitset:
            var out: [UInt16] = []
            out.reserveCapacity(count)
            for w in 0..<(IndexFormat.bitsetBytes / 8) {
                var bits = word(at: w)
                while bits != 0 {
                    out.append(UInt16(w * 64 + bits.trailingZeroBitCount))
                    bits &= bits - 1
                }
            }
            return out
        }
    }

    /// The members as 1,024 words of a 65,536-bit set (for either kind).
    public var bitsetWords: [UInt64] {
        switch kind {
        case .bitset:
            return (0..<(IndexFormat.bitsetBytes / 8)).map(word(at:))
        case .array:
            var words = [UInt64](repeating: 0, count: IndexFormat.bitsetBytes / 8)
            for i in 0..<count {
                let v = value(at: i)
                words[Int(v >> 6)] |= 1 << UInt64(v & 63)
            }
            return words
        }
    }
}
