extension MutableCollection where Self: RandomAccessCollection, Element == Int {
    /// Sorts the integers in place with counting sort, in ascending order.
    ///
    /// Counting sort never compares two elements: it counts how often each value
    /// between the minimum and the maximum occurs, turns the counts into starting
    /// positions and places every element at its position. That makes it linear when
    /// the range of values k = max − min + 1 is not much larger than n. Negative values
    /// are fine: values are counted relative to the minimum.
    ///
    ///     var numbers = [3, -1, 2, -1, 0]
    ///     numbers.countingSort()
    ///     print(numbers)
    ///     // Prints "[-1, -1, 0, 2, 3]"
    ///
    /// - Complexity: O(n + k) time in every case; O(n + k) extra space. n is the length
    ///   of the collection, k = max − min + 1.
    @inlinable
    public mutating func countingSort() {
        var probe = NoOpProbe()
        countingSort(probe: &probe)
    }

    /// Sorts the integers with counting sort, reporting every step to `probe`.
    ///
    /// Integers equal by key are equal, so instead of moving elements through a scratch
    /// array, pass 2 writes each value `count[v]` times in increasing order: the same
    /// writes, at the same offsets, as ``countingSort(byKey:)`` makes, without the scratch.
    ///
    /// Passes: 2 (after counting; after writing back).
    @inlinable
    public mutating func countingSort<Probe: SortProbe>(probe: inout Probe) {
        let done: Void? = withContiguousMutableStorageIfAvailable { buffer in
            _countingSortIntsImpl(&buffer, probe: &probe)
        }
        if done == nil { _countingSortIntsImpl(&self, probe: &probe) }
    }
}

@inlinable
func _countingSortIntsImpl<C: MutableCollection & RandomAccessCollection, P: SortProbe>(
    _ a: inout C, probe: inout P
) where C.Element == Int {
    let n = a.count
    guard n > 1, let (lower, upper) = _keyRange(a, key: { $0 }) else { return }
    let span = UInt(bitPattern: upper &- lower)
    if span >= _countingSortMaxSpan(n) {
        _radixSortImpl(&a, key: { $0 }, radix: 256, probe: &probe)
        return
    }
    var counts = [Int](repeating: 0, count: Int(span) + 1)
    counts.withUnsafeMutableBufferPointer { counts in
        for e in a { counts[e &- lower] += 1 }
        probe.passBoundary()
        var i = 0
        for v in 0..<counts.count {
            let value = lower &+ v
            for _ in 0..<counts[v] {
                a[_offset: i] = value
                probe.write(i)
                i += 1
            }
        }
    }
    probe.passBoundary()
}

extension MutableCollection where Self: RandomAccessCollection {
    /// Sorts the collection in place with counting sort on an integer key.
    ///
    /// Pass 1 counts the keys (`count[key - min] += 1`) and leaves the collection
    /// unchanged; pass 2 turns the counts into starting positions, places each element,
    /// in the original order, at the next position of its key in a scratch array
    /// (which keeps equal keys in order: the sort is stable) and writes the scratch
    /// array back, one write per element.
    ///
    /// When the key range k is larger than both 65,536 and 4n, a count table would cost
    /// more than the sort itself, so the collection is sorted with ``radixSort(byKey:)``
    /// instead (also stable, O(n) extra space).
    ///
    ///     var words = ["pear", "fig", "apple", "kiwi"]
    ///     words.countingSort(byKey: \.count)
    ///     print(words)
    ///     // Prints "["fig", "pear", "kiwi", "apple"]"
    ///
    /// - Parameter key: The integer key to sort by; called 2n times.
    /// - Throws: Rethrows an error thrown by `key`; the collection is then unchanged.
    /// - Complexity: O(n + k) time; O(n + k) extra space. n is the length of the
    ///   collection, k = max key − min key + 1.
    @inlinable
    public mutating func countingSort(byKey key: (Element) throws -> Int) rethrows {
        var probe = NoOpProbe()
        try countingSort(byKey: key, probe: &probe)
    }

    /// Sorts the collection with counting sort, reporting every step to `probe`.
    ///
    /// Passes: 2 (after counting; after writing back).
    @inlinable
    public mutating func countingSort<Probe: SortProbe>(
        byKey key: (Element) throws -> Int, probe: inout Probe
    ) rethrows {
        let done: Void? = try withContiguousMutableStorageIfAvailable { buffer in
            try _countingSortImpl(&buffer, key: key, probe: &probe)
        }
        if done == nil { try _countingSortImpl(&self, key: key, probe: &probe) }
    }
}

/// The smallest and largest key, or nil for an empty collection.
@inlinable
func _keyRange<C: Collection>(
    _ a: C, key: (C.Element) throws -> Int
) rethrows -> (min: Int, max: Int)? {
    var iterator = a.makeIterator()
    guard let first = iterator.next() else { return nil }
    var lower = try key(first)
    var upper = lower
    while let e = iterator.next() {
        let k = try key(e)
        if k < lower { lower = k } else if k > upper { upper = k }
    }
    return (lower, upper)
}

/// The largest key range counting sort tables for `n` elements before it hands over
/// to radix sort.
@inlinable
func _countingSortMaxSpan(_ n: Int) -> UInt {
    UInt(Swift.max(1 << 16, n.multipliedReportingOverflow(by: 4).overflow ? Int.max : 4 * n))
}

@inlinable
func _countingSortImpl<C: MutableCollection & RandomAccessCollection, P: SortProbe>(
    _ a: inout C, key: (C.Element) throws -> Int, probe: inout P
) rethrows {
    let n = a.count
    guard n > 1, let (lower, upper) = try _keyRange(a, key: key) else { return }
    let span = UInt(bitPattern: upper &- lower)  // k - 1, exact even across the Int range
    if span >= _countingSortMaxSpan(n) {
        try _radixSortImpl(&a, key: key, radix: 256, probe: &probe)
        return
    }
    // Pass 1: count[v] = how many keys equal lower + v.
    var counts = [Int](repeating: 0, count: Int(span) + 1)
    try counts.withUnsafeMutableBufferPointer { counts in
        for e in a { counts[try key(e) &- lower] += 1 }
    }
    probe.passBoundary()
    // Pass 2: next[v] = where the next element with key lower + v goes.
    var next = 0
    for v in counts.indices {
        let c = counts[v]
        counts[v] = next
        next += c
    }
    var scratch = Array(a)
    try scratch.withUnsafeMutableBufferPointer { out in
        try counts.withUnsafeMutableBufferPointer { next in
            for e in a {
                let v = try key(e) &- lower
                out[next[v]] = e
                next[v] += 1
            }
        }
    }
    scratch.withUnsafeBufferPointer { scratch in
        for i in 0..<n {
            a[_offset: i] = scratch[i]
            probe.write(i)
        }
    }
    probe.passBoundary()
}
