// Set algebra over roaring-style containers (Chambi, Lemire, Kaser and Godin, "Better
// bitmap performance with Roaring bitmaps", 2016): sets are matched container by container on
// their keys, and each pair of containers is combined by the cheapest method for its kinds.

/// A sequence of containers in ascending key order: an index posting list's or an
/// ``OrdinalSet``'s.
protocol ContainerSequence {
    associatedtype Part: OrdinalContainer
    associatedtype Parts: RandomAccessCollection<Part> where Parts.Index == Int
    var containerList: Parts { get }
}

extension PostingList: ContainerSequence {
    var containerList: PostingList.Containers { containers }
}

extension OrdinalSet: ContainerSequence {
    var containerList: [Container] { containers }
}

extension OrdinalSet {
    /// The members of both `a` and `b`.
    ///
    /// - Complexity: O(ca + cb) to match keys, plus per matched pair: O(m + n) for two
    ///   arrays of similar size, O(m log(n/m)) by galloping when one is much smaller,
    ///   O(m) for an array with a bitset, 1,024 word ANDs for two bitsets.
    static func intersection<A: ContainerSequence, B: ContainerSequence>(_ a: A, _ b: B) -> OrdinalSet {
        let x = a.containerList
        let y = b.containerList
        var result: [Container] = []
        var i = 0
        var j = 0
        while i < x.count && j < y.count {
            let kx = x[i].key
            let ky = y[j].key
            if kx < ky {
                i += 1
            } else if ky < kx {
                j += 1
            } else {
                if let c = intersect(x[i], y[j]) { result.append(c) }
                i += 1
                j += 1
            }
        }
        return OrdinalSet(containers: result)
    }

    /// The members of `a`, of `b` or of both.
    ///
    /// - Complexity: O(ca + cb) to match keys, plus O(m + n) per pair of arrays and 1,024
    ///   word ORs per pair involving a bitset.
    static func union<A: ContainerSequence, B: ContainerSequence>(_ a: A, _ b: B) -> OrdinalSet {
        let x = a.containerList
        let y = b.containerList
        var result: [Container] = []
        var i = 0
        var j = 0
        while i < x.count || j < y.count {
            if j == y.count || (i < x.count && x[i].key < y[j].key) {
                result.append(Container(copying: x[i]))
                i += 1
            } else if i == x.count || y[j].key < x[i].key {
                result.append(Container(copying: y[j]))
                j += 1
            } else {
                result.append(unite(x[i], y[j]))
                i += 1
                j += 1
            }
        }
        return OrdinalSet(containers: result)
    }

    /// The members of `a` that are not in `b`.
    ///
    /// - Complexity: O(ca + cb) to match keys, plus O(m) per array of `a` (merging or
    ///   probing) and 1,024 word operations per bitset of `a`; never proportional to `b`'s
    ///   containers without a partner in `a`.
    static func difference<A: ContainerSequence, B: ContainerSequence>(_ a: A, _ b: B) -> OrdinalSet {
        let x = a.containerList
        let y = b.containerList
        var result: [Container] = []
        var j = 0
        for i in 0..<x.count {
            let key = x[i].key
            while j < y.count && y[j].key < key { j += 1 }
            if j < y.count && y[j].key == key {
                if let c = subtract(x[i], y[j]) { result.append(c) }
            } else {
                result.append(Container(copying: x[i]))
            }
        }
        return OrdinalSet(containers: result)
    }

    // MARK: Containers

    private static func intersect<X: OrdinalContainer, Y: OrdinalContainer>(_ x: X, _ y: Y) -> Container? {
        switch (x.isBitset, y.isBitset) {
        case (true, true):
            var words = [UInt64](repeating: 0, count: wordCount)
            var count = 0
            for w in 0..<wordCount {
                let word = x.word(at: w) & y.word(at: w)
                words[w] = word
                count += word.nonzeroBitCount
            }
            return count == 0 ? nil : Container(key: x.key, words: words, count: count)
        case (false, true):
            return probe(x, keepingMembersOf: y, want: true)
        case (true, false):
            return probe(y, keepingMembersOf: x, want: true)
        case (false, false):
            return x.count <= y.count ? intersectArrays(small: x, large: y) : intersectArrays(small: y, large: x)
        }
    }

    /// Intersects two arrays: a linear merge when their sizes are close, galloping through
    /// the larger one when the smaller is at least 32 times smaller.
    private static func intersectArrays<X: OrdinalContainer, Y: OrdinalContainer>(small: X, large: Y) -> Container? {
        var values: [UInt16] = []
        values.reserveCapacity(small.count)
        var j = 0
        if small.count * 32 < large.count {
            for i in 0..<small.count {
                let v = small.value(at: i)
                j = large.lowerBound(of: v, from: j)
                if j == large.count { break }
                if large.value(at: j) == v { values.append(v) }
            }
        } else {
            var i = 0
            while i < small.count && j < large.count {
                let a = small.value(at: i)
                let b = large.value(at: j)
                if a < b {
                    i += 1
                } else if b < a {
                    j += 1
                } else {
                    values.append(a)
                    i += 1
                    j += 1
                }
            }
        }
        return values.isEmpty ? nil : Container(key: small.key, values: values)
    }

    /// The values of array `x` that are (`want`) or are not (`!want`) members of `y`.
    private static func probe<X: OrdinalContainer, Y: OrdinalContainer>(
        _ x: X, keepingMembersOf y: Y, want: Bool
    ) -> Container? {
        var values: [UInt16] = []
        values.reserveCapacity(x.count)
        if y.isBitset {
            for i in 0..<x.count {
                let v = x.value(at: i)
                if (y.word(at: Int(v >> 6)) & (1 << UInt64(v & 63)) != 0) == want { values.append(v) }
            }
        } else {
            var j = 0
            for i in 0..<x.count {
                let v = x.value(at: i)
                j = y.lowerBound(of: v, from: j)
                if (j < y.count && y.value(at: j) == v) == want { values.append(v) }
            }
        }
        return values.isEmpty ? nil : Container(key: x.key, values: values)
    }

    private static func unite<X: OrdinalContainer, Y: OrdinalContainer>(_ x: X, _ y: Y) -> Container {
        if !x.isBitset && !y.isBitset && x.count + y.count <= arrayLimit {
            var values: [UInt16] = []
            values.reserveCapacity(x.count + y.count)
            var i = 0
            var j = 0
            while i < x.count || j < y.count {
                if j == y.count || (i < x.count && x.value(at: i) < y.value(at: j)) {
                    values.append(x.value(at: i))
                    i += 1
                } else if i == x.count || y.value(at: j) < x.value(at: i) {
                    values.append(y.value(at: j))
                    j += 1
                } else {
                    values.append(x.value(at: i))
                    i += 1
                    j += 1
                }
            }
            return Container(key: x.key, values: values)
        }
        // Start from the bitset side, then OR the other in.
        return x.isBitset || !y.isBitset
            ? include(y, into: x.bitsetWords, key: x.key) : include(x, into: y.bitsetWords, key: x.key)
    }

    private static func include<Y: OrdinalContainer>(_ other: Y, into words: [UInt64], key: Int) -> Container {
        var words = words
        if other.isBitset {
            for w in 0..<wordCount { words[w] |= other.word(at: w) }
        } else {
            for i in 0..<other.count {
                let v = other.value(at: i)
                words[Int(v >> 6)] |= 1 << UInt64(v & 63)
            }
        }
        let count = words.reduce(0) { $0 + $1.nonzeroBitCount }
        return Container(key: key, words: words, count: count)
    }

    private static func subtract<X: OrdinalContainer, Y: OrdinalContainer>(_ x: X, _ y: Y) -> Container? {
        guard x.isBitset else { return probe(x, keepingMembersOf: y, want: false) }
        var words = x.bitsetWords
        var count = x.count
        if y.isBitset {
            count = 0
            for w in 0..<wordCount {
                words[w] &= ~y.word(at: w)
                count += words[w].nonzeroBitCount
            }
        } else {
            for i in 0..<y.count {
                let v = y.value(at: i)
                let mask: UInt64 = 1 << UInt64(v & 63)
                if words[Int(v >> 6)] & mask != 0 {
                    words[Int(v >> 6)] &= ~mask
                    count -= 1
                }
            }
        }
        return count == 0 ? nil : Container(key: x.key, words: words, count: count)
    }
}
