extension MutableCollection where Self: RandomAccessCollection, Element: Comparable {
    /// Sorts the collection in place with quicksort using Hoare's partition, in
    /// ascending order.
    ///
    /// Hoare's partition moves two indices towards each other and swaps the pairs
    /// they find on the wrong sides. It makes about a third of Lomuto's swaps, and
    /// because both indices stop on keys equal to the pivot, many equal keys split
    /// evenly instead of degrading to O(n²). The sort is not stable.
    ///
    ///     var numbers = [5, 2, 4, 6, 1, 3]
    ///     numbers.quicksortHoare()
    ///     print(numbers)
    ///     // Prints "[1, 2, 3, 4, 5, 6]"
    ///
    /// - Complexity: O(n log n) comparisons on average and at best, O(n²) in the worst
    ///   case; O(log n) extra space on average. n is the length of the collection.
    @inlinable
    public mutating func quicksortHoare() {
        quicksortHoare(by: <)
    }
}

extension MutableCollection where Self: RandomAccessCollection {
    /// Sorts the collection in place with quicksort using Hoare's partition, using the
    /// given predicate as the comparison between elements.
    ///
    /// For each range of two or more elements, left part first: the median of the
    /// first, middle and last elements (for ranges of more than 40 elements, Tukey's
    /// ninther: the median of three such medians) is swapped to the first slot and
    /// becomes the pivot; `i` moves right from the front and `j` left from the back, swapping
    /// pairs until they cross, and the pivot is swapped into `a[j]` (Sedgewick's form,
    /// see `_hoarePartition`).
    ///
    ///     var numbers = [5, 2, 4, 6, 1, 3]
    ///     numbers.quicksortHoare(by: >)
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
    public mutating func quicksortHoare(
        by areInIncreasingOrder: (Element, Element) throws -> Bool
    ) rethrows {
        var probe = NoOpProbe()
        try quicksortHoare(by: areInIncreasingOrder, probe: &probe)
    }

    /// Sorts the collection with Hoare quicksort, reporting every step to `probe`.
    ///
    /// Passes: one per partition, in recursion order (left part first).
    @inlinable
    public mutating func quicksortHoare<Probe: SortProbe>(
        by areInIncreasingOrder: (Element, Element) throws -> Bool, probe: inout Probe
    ) rethrows {
        let done: Void? = try withContiguousMutableStorageIfAvailable { buffer in
            try _quicksortHoareImpl(&buffer, by: areInIncreasingOrder, probe: &probe)
        }
        if done == nil { try _quicksortHoareImpl(&self, by: areInIncreasingOrder, probe: &probe) }
    }
}

@inlinable
func _quicksortHoareImpl<C: MutableCollection & RandomAccessCollection, P: SortProbe>(
    _ a: inout C, by areInIncreasingOrder: (C.Element, C.Element) throws -> Bool,
    probe: inout P
) rethrows {
    var pending = [(lo: 0, hi: a.count - 1)]
    while let (lo, hi) = pending.popLast() {
        guard lo < hi else { continue }
        let p = try _hoarePartition(&a, lo: lo, hi: hi, by: areInIncreasingOrder, probe: &probe)
        probe.passBoundary()
        pending.append((p + 1, hi))
        pending.append((lo, p - 1))
    }
}
