extension MutableCollection where Self: RandomAccessCollection, Element: Comparable {
    /// Sorts the collection in place with quicksort using Lomuto's partition, in
    /// ascending order.
    ///
    /// Quicksort picks a pivot, partitions the range into the elements less than the
    /// pivot and the rest with the pivot between them, and sorts both sides. Lomuto's
    /// partition is the simplest to follow by hand. The sort is not stable, and many
    /// equal keys make it quadratic (every equal key lands on the same side).
    ///
    ///     var numbers = [5, 2, 4, 6, 1, 3]
    ///     numbers.quicksortLomuto()
    ///     print(numbers)
    ///     // Prints "[1, 2, 3, 4, 5, 6]"
    ///
    /// - Complexity: O(n log n) comparisons on average and at best, O(n²) in the worst
    ///   case; O(log n) extra space on average (O(n) in the worst case). n is the length
    ///   of the collection.
    @inlinable
    public mutating func quicksortLomuto() {
        quicksortLomuto(by: <)
    }
}

extension MutableCollection where Self: RandomAccessCollection {
    /// Sorts the collection in place with quicksort using Lomuto's partition, using
    /// the given predicate as the comparison between elements.
    ///
    /// For each range of two or more elements, left part first: the median of the
    /// first, middle and last elements (for ranges of more than 40 elements, Tukey's
    /// ninther: the median of three such medians) is swapped to the last slot and
    /// becomes the pivot, the elements less than it are swapped to the front in one scan, and the
    /// pivot is swapped between the two parts (see `_lomutoPartition`).
    ///
    ///     var numbers = [5, 2, 4, 6, 1, 3]
    ///     numbers.quicksortLomuto(by: >)
    ///     print(numbers)
    ///     // Prints "[6, 5, 4, 3, 2, 1]"
    ///
    /// - Parameter areInIncreasingOrder: A predicate that returns `true` if its first
    ///   argument should be ordered before its second argument (a strict weak ordering).
    /// - Throws: Rethrows an error thrown by `areInIncreasingOrder`; the collection is
    ///   then a permutation of its elements (the algorithm only swaps).
    /// - Complexity: O(n log n) on average, O(n²) in the worst case; O(log n) extra
    ///   space on average. n is the length of the collection.
    @inlinable
    public mutating func quicksortLomuto(
        by areInIncreasingOrder: (Element, Element) throws -> Bool
    ) rethrows {
        var probe = NoOpProbe()
        try quicksortLomuto(by: areInIncreasingOrder, probe: &probe)
    }

    /// Sorts the collection with Lomuto quicksort, reporting every step to `probe`.
    ///
    /// Passes: one per partition, in recursion order (left part first).
    @inlinable
    public mutating func quicksortLomuto<Probe: SortProbe>(
        by areInIncreasingOrder: (Element, Element) throws -> Bool, probe: inout Probe
    ) rethrows {
        let done: Void? = try withContiguousMutableStorageIfAvailable { buffer in
            try _quicksortLomutoImpl(&buffer, by: areInIncreasingOrder, probe: &probe)
        }
        if done == nil { try _quicksortLomutoImpl(&self, by: areInIncreasingOrder, probe: &probe) }
    }
}

@inlinable
func _quicksortLomutoImpl<C: MutableCollection & RandomAccessCollection, P: SortProbe>(
    _ a: inout C, by areInIncreasingOrder: (C.Element, C.Element) throws -> Bool,
    probe: inout P
) rethrows {
    // Pending ranges (inclusive bounds); the left part is pushed last so it is
    // partitioned first, exactly as the recursive formulation would.
    var pending = [(lo: 0, hi: a.count - 1)]
    while let (lo, hi) = pending.popLast() {
        guard lo < hi else { continue }
        let p = try _lomutoPartition(&a, lo: lo, hi: hi, by: areInIncreasingOrder, probe: &probe)
        probe.passBoundary()
        pending.append((p + 1, hi))
        pending.append((lo, p - 1))
    }
}
