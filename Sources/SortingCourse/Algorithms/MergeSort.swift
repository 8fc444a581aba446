extension MutableCollection where Self: RandomAccessCollection, Element: Comparable {
    /// Sorts the collection in place with top-down merge sort, in ascending order.
    ///
    /// Merge sort splits the collection in halves, sorts each half recursively and
    /// merges the two sorted halves. It is stable and its O(n log n) bound holds for
    /// every input, at the price of a scratch buffer.
    ///
    ///     var numbers = [5, 2, 4, 6, 1, 3]
    ///     numbers.mergeSort()
    ///     print(numbers)
    ///     // Prints "[1, 2, 3, 4, 5, 6]"
    ///
    /// - Complexity: O(n log n) comparisons in every case (at most n⌈log₂ n⌉); O(n)
    ///   extra space. n is the length of the collection.
    @inlinable
    public mutating func mergeSort() {
        mergeSort(by: <)
    }
}

extension MutableCollection where Self: RandomAccessCollection {
    /// Sorts the collection in place with top-down merge sort, using the given
    /// predicate as the comparison between elements.
    ///
    /// A range `lo..<hi` of two or more elements is split at `mid = lo + (hi - lo) / 2`
    /// (the left half gets the smaller part when the length is odd), both halves are
    /// sorted, left first, and then merged. One scratch buffer of n/2 elements is
    /// allocated for the whole sort. On equal keys the merge takes the left element
    /// first, so the sort is stable.
    ///
    ///     var pairs = [(2, "a"), (1, "b"), (2, "c"), (1, "d")]
    ///     pairs.mergeSort(by: { $0.0 < $1.0 })
    ///     print(pairs.map(\.1))
    ///     // Prints "["b", "d", "a", "c"]"
    ///
    /// - Parameter areInIncreasingOrder: A predicate that returns `true` if its first
    ///   argument should be ordered before its second argument (a strict weak ordering).
    /// - Throws: Rethrows an error thrown by `areInIncreasingOrder`; the merge in
    ///   progress first moves its buffered elements back, so the collection is then a
    ///   permutation of its elements.
    /// - Complexity: O(n log n) comparisons in every case; O(n) extra space. n is the
    ///   length of the collection.
    @inlinable
    public mutating func mergeSort(
        by areInIncreasingOrder: (Element, Element) throws -> Bool
    ) rethrows {
        var probe = NoOpProbe()
        try mergeSort(by: areInIncreasingOrder, probe: &probe)
    }

    /// Sorts the collection with top-down merge sort, reporting every step to `probe`.
    ///
    /// Passes: one per completed merge (n - 1 in all), in the order the recursion
    /// finishes them.
    @inlinable
    public mutating func mergeSort<Probe: SortProbe>(
        by areInIncreasingOrder: (Element, Element) throws -> Bool, probe: inout Probe
    ) rethrows {
        let n = count
        guard n > 1 else { return }
        let scratch = UnsafeMutablePointer<Element>.allocate(capacity: n / 2)
        defer { scratch.deallocate() }
        let done: Void? = try withContiguousMutableStorageIfAvailable { buffer in
            try _mergeSortImpl(&buffer, lo: 0, hi: n, scratch: scratch, by: areInIncreasingOrder, probe: &probe)
        }
        if done == nil {
            try _mergeSortImpl(&self, lo: 0, hi: n, scratch: scratch, by: areInIncreasingOrder, probe: &probe)
        }
    }
}

@inlinable
func _mergeSortImpl<C: MutableCollection & RandomAccessCollection, P: SortProbe>(
    _ a: inout C, lo: Int, hi: Int, scratch: UnsafeMutablePointer<C.Element>,
    by areInIncreasingOrder: (C.Element, C.Element) throws -> Bool, probe: inout P
) rethrows {
    guard hi - lo > 1 else { return }
    let mid = lo + (hi - lo) / 2
    try _mergeSortImpl(&a, lo: lo, hi: mid, scratch: scratch, by: areInIncreasingOrder, probe: &probe)
    try _mergeSortImpl(&a, lo: mid, hi: hi, scratch: scratch, by: areInIncreasingOrder, probe: &probe)
    try _mergeImpl(&a, lo: lo, mid: mid, hi: hi, scratch: scratch, by: areInIncreasingOrder, probe: &probe)
    probe.passBoundary()
}

/// Merges the sorted runs `a[lo..<mid]` and `a[mid..<hi]` into `a[lo..<hi]`.
///
/// The left run is moved into `scratch[0..<mid-lo]` first; the right run stays in place.
/// Then, with `i` the next buffered element, `j` the next right-run element and `k` the
/// next output slot:
///
///     scratch:  0          i              mid-lo
///               +----------+---------------+
///               |  merged  | left, pending |
///               +----------+---------------+
///     a:        lo                k              j              hi
///               +-----------------+--------------+--------------+
///               |  merged output  |  free slots  | right,pending|
///               +-----------------+--------------+--------------+
///
/// The free slots always number exactly the pending left elements (`j - k == mid-lo - i`),
/// so the output never overruns the right run. Each step writes the smaller head into
/// `a[k]`, the left one on ties (stability). When the right run is exhausted the rest of
/// the buffer is moved into the free slots; when the left one is, the right remainder is
/// already in place. The final move-back also runs if the predicate throws.
///
/// Probe: a comparison reports the right head's offset `j` and the left head's original
/// offset `lo + i`; every store into `a` is a write.
@inlinable
func _mergeImpl<C: MutableCollection & RandomAccessCollection, P: SortProbe>(
    _ a: inout C, lo: Int, mid: Int, hi: Int, scratch: UnsafeMutablePointer<C.Element>,
    by areInIncreasingOrder: (C.Element, C.Element) throws -> Bool, probe: inout P
) rethrows {
    let leftCount = mid - lo
    for t in 0..<leftCount {
        (scratch + t).initialize(to: a[_offset: lo + t])
    }
    var i = 0
    var j = mid
    var k = lo
    defer {
        while i < leftCount {
            a[_offset: k] = (scratch + i).move()
            probe.write(k)
            i += 1
            k += 1
        }
    }
    while i < leftCount && j < hi {
        probe.compare(j, lo + i)
        if try areInIncreasingOrder(a[_offset: j], scratch[i]) {
            a[_offset: k] = a[_offset: j]
            j += 1
        } else {
            a[_offset: k] = (scratch + i).move()
            i += 1
        }
        probe.write(k)
        k += 1
    }
}
