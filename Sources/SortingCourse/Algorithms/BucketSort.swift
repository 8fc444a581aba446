extension MutableCollection where Self: RandomAccessCollection, Element == Int {
    /// Sorts the integers in place with bucket sort, in ascending order.
    ///
    /// Bucket sort divides the range between the minimum and the maximum into n equal
    /// buckets, distributes the values into them and insertion-sorts each bucket. For
    /// evenly spread values every bucket holds about one value, so the sort runs in
    /// linear time; when most values fall into one bucket it degrades to insertion sort.
    ///
    ///     var numbers = [29, 3, 17, 8, 25, 11]
    ///     numbers.bucketSort()
    ///     print(numbers)
    ///     // Prints "[3, 8, 11, 17, 25, 29]"
    ///
    /// - Complexity: O(n) on average for evenly spread values, O(n²) in the worst case;
    ///   O(n) extra space. n is the length of the collection.
    @inlinable
    public mutating func bucketSort() {
        bucketSort(byKey: { $0 })
    }
}

extension MutableCollection where Self: RandomAccessCollection {
    /// Sorts the collection in place with bucket sort on an integer key.
    ///
    /// With n elements and keys in `min...max`, the element with key `x` goes to bucket
    /// `⌊(x − min) · n / (max − min + 1)⌋` (computed exactly, without overflow). Pass 1
    /// scatters the elements into the buckets, keeping their order within a bucket,
    /// and writes them back bucket by bucket; pass 2 insertion-sorts each bucket in
    /// place by key. Both steps keep equal keys in order: the sort is stable.
    ///
    ///     var words = ["pear", "fig", "apple", "kiwi"]
    ///     words.bucketSort(byKey: \.count)
    ///     print(words)
    ///     // Prints "["fig", "pear", "kiwi", "apple"]"
    ///
    /// - Parameter key: The integer key to sort by.
    /// - Throws: Rethrows an error thrown by `key`; the collection is then a
    ///   permutation of its elements.
    /// - Complexity: O(n) on average for evenly spread keys, O(n²) in the worst case;
    ///   O(n) extra space. n is the length of the collection.
    @inlinable
    public mutating func bucketSort(byKey key: (Element) throws -> Int) rethrows {
        var probe = NoOpProbe()
        try bucketSort(byKey: key, probe: &probe)
    }

    /// Sorts the collection with bucket sort, reporting every step to `probe`.
    ///
    /// Passes: 2 (after scattering and writing back; after sorting every bucket).
    @inlinable
    public mutating func bucketSort<Probe: SortProbe>(
        byKey key: (Element) throws -> Int, probe: inout Probe
    ) rethrows {
        let done: Void? = try withContiguousMutableStorageIfAvailable { buffer in
            try _bucketSortImpl(&buffer, key: key, probe: &probe)
        }
        if done == nil { try _bucketSortImpl(&self, key: key, probe: &probe) }
    }
}

/// The bucket of the key offset `u = key - min` among `n` buckets over a range of
/// `span + 1` keys: ⌊u · n / (span + 1)⌋, exact for every `Int` range.
@inlinable @inline(__always)
func _bucket(_ u: UInt, span: UInt, n: Int) -> Int {
    let product = u.multipliedFullWidth(by: UInt(n))
    if span == .max { return Int(product.high) }  // span + 1 == 2^64
    return Int((span + 1).dividingFullWidth(product).quotient)
}

@inlinable
func _bucketSortImpl<C: MutableCollection & RandomAccessCollection, P: SortProbe>(
    _ a: inout C, key: (C.Element) throws -> Int, probe: inout P
) rethrows {
    let n = a.count
    guard n > 1, let (lower, upper) = try _keyRange(a, key: key) else { return }
    let span = UInt(bitPattern: upper &- lower)
    // Pass 1: scatter into buckets (a stable counting sort on the bucket number).
    var starts = [Int](repeating: 0, count: n + 1)
    var scratch = Array(a)
    try starts.withUnsafeMutableBufferPointer { starts in
        for e in a {
            starts[_bucket(UInt(bitPattern: try key(e) &- lower), span: span, n: n) + 1] += 1
        }
        for b in 0..<n { starts[b + 1] += starts[b] }
        // starts[b] is now where bucket b begins; use a copy as the fill cursor.
        var next = Array(starts[0..<n])
        try scratch.withUnsafeMutableBufferPointer { out in
            for e in a {
                let b = _bucket(UInt(bitPattern: try key(e) &- lower), span: span, n: n)
                out[next[b]] = e
                next[b] += 1
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
    // Pass 2: insertion-sort every bucket in place.
    for b in 0..<n where starts[b + 1] - starts[b] > 1 {
        try _insertionSortImpl(
            &a, lo: starts[b], hi: starts[b + 1], by: { try key($0) < key($1) }, probe: &probe,
            passes: false)
    }
    probe.passBoundary()
}
