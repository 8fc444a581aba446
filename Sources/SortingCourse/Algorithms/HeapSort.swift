extension MutableCollection where Self: RandomAccessCollection, Element: Comparable {
    /// Sorts the collection in place with heap sort, in ascending order.
    ///
    /// Heap sort arranges the collection as a binary max-heap, then repeatedly swaps
    /// the root (the largest element) to the end and restores the heap on the rest.
    /// It guarantees O(n log n) with O(1) extra space, which is why introsort falls
    /// back to it. It is not stable.
    ///
    ///     var numbers = [5, 2, 4, 6, 1, 3]
    ///     numbers.heapSort()
    ///     print(numbers)
    ///     // Prints "[1, 2, 3, 4, 5, 6]"
    ///
    /// - Complexity: O(n log n) comparisons on average and in the worst case (O(n) when
    ///   all keys are equal); O(1) extra space. n is the length of the collection.
    @inlinable
    public mutating func heapSort() {
        heapSort(by: <)
    }
}

extension MutableCollection where Self: RandomAccessCollection {
    /// Sorts the collection in place with heap sort, using the given predicate as the
    /// comparison between elements.
    ///
    /// The heap lives in the collection itself: the children of offset `r` are `2r + 1`
    /// and `2r + 2`. The max-heap is built bottom-up (Floyd, 1964) by sifting down every
    /// parent from `n/2 - 1` to 0; then, for `end` from n - 1 down to 1, `a[0]` is swapped
    /// with `a[end]` and sifted down within `a[0..<end]`. A sift-down compares the two
    /// children (`a[c] < a[c+1]` picks the right one), then the parent with the larger
    /// child, and swaps them while the parent is smaller (J. W. J. Williams, 1964).
    ///
    ///     var numbers = [5, 2, 4, 6, 1, 3]
    ///     numbers.heapSort(by: >)
    ///     print(numbers)
    ///     // Prints "[6, 5, 4, 3, 2, 1]"
    ///
    /// - Parameter areInIncreasingOrder: A predicate that returns `true` if its first
    ///   argument should be ordered before its second argument (a strict weak ordering).
    /// - Throws: Rethrows an error thrown by `areInIncreasingOrder`; the collection is
    ///   then a permutation of its elements (the algorithm only swaps).
    /// - Complexity: O(n log n) in the worst case; O(1) extra space. n is the length of
    ///   the collection.
    @inlinable
    public mutating func heapSort(
        by areInIncreasingOrder: (Element, Element) throws -> Bool
    ) rethrows {
        var probe = NoOpProbe()
        try heapSort(by: areInIncreasingOrder, probe: &probe)
    }

    /// Sorts the collection with heap sort, reporting every step to `probe`.
    ///
    /// Passes: pass 1 builds the heap; then one pass per extraction (n in all).
    @inlinable
    public mutating func heapSort<Probe: SortProbe>(
        by areInIncreasingOrder: (Element, Element) throws -> Bool, probe: inout Probe
    ) rethrows {
        let done: Void? = try withContiguousMutableStorageIfAvailable { buffer in
            try _heapSortImpl(&buffer, lo: 0, hi: buffer.count, by: areInIncreasingOrder, probe: &probe)
        }
        if done == nil {
            try _heapSortImpl(&self, lo: 0, hi: count, by: areInIncreasingOrder, probe: &probe)
        }
    }
}

/// Heap sort of `a[lo..<hi]` (the heap's offset `r` is `a[lo + r]`). Shared with introsort.
@inlinable
func _heapSortImpl<C: MutableCollection & RandomAccessCollection, P: SortProbe>(
    _ a: inout C, lo: Int, hi: Int,
    by areInIncreasingOrder: (C.Element, C.Element) throws -> Bool, probe: inout P
) rethrows {
    let n = hi - lo
    guard n > 1 else { return }
    var parent = n / 2 - 1
    while parent >= 0 {
        try _siftDownImpl(&a, lo: lo, root: parent, count: n, by: areInIncreasingOrder, probe: &probe)
        parent -= 1
    }
    probe.passBoundary()
    // Invariant: a[lo..<lo+end] is a max-heap, a[lo+end..<hi] the largest elements, sorted.
    var end = n - 1
    while end > 0 {
        a._swapAt(lo, lo + end)
        probe.swap(lo, lo + end)
        try _siftDownImpl(&a, lo: lo, root: 0, count: end, by: areInIncreasingOrder, probe: &probe)
        probe.passBoundary()
        end -= 1
    }
}

/// Moves the element at heap offset `root` down until neither child is larger.
@inlinable
func _siftDownImpl<C: MutableCollection & RandomAccessCollection, P: SortProbe>(
    _ a: inout C, lo: Int, root: Int, count: Int,
    by areInIncreasingOrder: (C.Element, C.Element) throws -> Bool, probe: inout P
) rethrows {
    var root = root
    while true {
        var child = 2 * root + 1
        if child >= count { return }
        if child + 1 < count {
            probe.compare(lo + child, lo + child + 1)
            if try areInIncreasingOrder(a[_offset: lo + child], a[_offset: lo + child + 1]) {
                child += 1
            }
        }
        probe.compare(lo + root, lo + child)
        guard try areInIncreasingOrder(a[_offset: lo + root], a[_offset: lo + child]) else { return }
        a._swapAt(lo + root, lo + child)
        probe.swap(lo + root, lo + child)
        root = child
    }
}
