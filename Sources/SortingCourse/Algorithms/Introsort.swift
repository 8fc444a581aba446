extension MutableCollection where Self: RandomAccessCollection, Element: Comparable {
    /// Sorts the collection in place with introsort, in ascending order.
    ///
    /// Introsort (David Musser, "Introspective Sorting and Selection Algorithms", 1997)
    /// is quicksort that watches itself: ranges of 16 or fewer elements are finished by
    /// insertion sort, and a range that is still being partitioned after 2⌊log₂ n⌋
    /// levels is handed to heap sort, so the worst case stays O(n log n). It is not
    /// stable.
    ///
    ///     var numbers = [5, 2, 4, 6, 1, 3]
    ///     numbers.introsort()
    ///     print(numbers)
    ///     // Prints "[1, 2, 3, 4, 5, 6]"
    ///
    /// - Complexity: O(n log n) comparisons on average and in the worst case, O(n) for a
    ///   sorted collection of 16 or fewer elements; O(log n) extra space. n is the
    ///   length of the collection.
    @inlinable
    public mutating func introsort() {
        introsort(by: <)
    }
}

extension MutableCollection where Self: RandomAccessCollection {
    /// Sorts the collection in place with introsort, using the given predicate as the
    /// comparison between elements.
    ///
    /// While a range has more than 16 elements it is partitioned with Hoare's scheme
    /// and the pivot rule of ``quicksortHoare(by:)`` (left part first); when
    /// the depth limit 2⌊log₂ n⌋ is spent the range is heap-sorted instead; ranges of 16
    /// or fewer elements are insertion-sorted. A collection of at most 16 elements is
    /// therefore sorted exactly as ``insertionSort(by:)`` sorts it.
    ///
    ///     var numbers = [5, 2, 4, 6, 1, 3]
    ///     numbers.introsort(by: >)
    ///     print(numbers)
    ///     // Prints "[6, 5, 4, 3, 2, 1]"
    ///
    /// - Parameter areInIncreasingOrder: A predicate that returns `true` if its first
    ///   argument should be ordered before its second argument (a strict weak ordering).
    /// - Throws: Rethrows an error thrown by `areInIncreasingOrder`; the collection is
    ///   then a permutation of its elements.
    /// - Complexity: O(n log n) in the worst case; O(log n) extra space. n is the length
    ///   of the collection.
    @inlinable
    public mutating func introsort(
        by areInIncreasingOrder: (Element, Element) throws -> Bool
    ) rethrows {
        var probe = NoOpProbe()
        try introsort(by: areInIncreasingOrder, probe: &probe)
    }

    /// Sorts the collection with introsort, reporting every step to `probe`.
    ///
    /// Passes: one per partition, one per element inserted by the final insertion
    /// sorts, and heap sort's passes for a range handed to it. For n ≤ 16 these are
    /// exactly insertion sort's n - 1 passes.
    @inlinable
    public mutating func introsort<Probe: SortProbe>(
        by areInIncreasingOrder: (Element, Element) throws -> Bool, probe: inout Probe
    ) rethrows {
        let done: Void? = try withContiguousMutableStorageIfAvailable { buffer in
            try _introsortImpl(&buffer, by: areInIncreasingOrder, probe: &probe)
        }
        if done == nil { try _introsortImpl(&self, by: areInIncreasingOrder, probe: &probe) }
    }
}

/// Ranges of at most this many elements are finished by insertion sort.
@inlinable @inline(__always)
var _introsortInsertionThreshold: Int { 16 }

@inlinable
func _introsortImpl<C: MutableCollection & RandomAccessCollection, P: SortProbe>(
    _ a: inout C, by areInIncreasingOrder: (C.Element, C.Element) throws -> Bool,
    probe: inout P
) rethrows {
    let n = a.count
    guard n > 1 else { return }
    let depthLimit = 2 * (Int.bitWidth - 1 - n.leadingZeroBitCount)
    // Pending ranges lo..<hi with the depth budget left; left part pushed last.
    var pending = [(lo: 0, hi: n, depth: depthLimit)]
    while let (lo, hi, depth) = pending.popLast() {
        if hi - lo <= _introsortInsertionThreshold {
            try _insertionSortImpl(&a, lo: lo, hi: hi, by: areInIncreasingOrder, probe: &probe)
        } else if depth == 0 {
            try _heapSortImpl(&a, lo: lo, hi: hi, by: areInIncreasingOrder, probe: &probe)
        } else {
            let p = try _hoarePartition(&a, lo: lo, hi: hi - 1, by: areInIncreasingOrder, probe: &probe)
            probe.passBoundary()
            pending.append((p + 1, hi, depth - 1))
            pending.append((lo, p, depth - 1))
        }
    }
}
