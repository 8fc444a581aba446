extension MutableCollection where Self: RandomAccessCollection, Element: Comparable {
    /// Sorts the collection in place with bottom-up merge sort, in ascending order.
    ///
    /// Bottom-up merge sort needs no recursion: it merges neighbouring runs of width
    /// 1 into runs of width 2, then 4, 8, … until one run remains. It is stable.
    ///
    ///     var numbers = [5, 2, 4, 6, 1, 3]
    ///     numbers.mergeSortBottomUp()
    ///     print(numbers)
    ///     // Prints "[1, 2, 3, 4, 5, 6]"
    ///
    /// - Complexity: O(n log n) comparisons in every case; O(n) extra space. n is the
    ///   length of the collection.
    @inlinable
    public mutating func mergeSortBottomUp() {
        mergeSortBottomUp(by: <)
    }
}

extension MutableCollection where Self: RandomAccessCollection {
    /// Sorts the collection in place with bottom-up merge sort, using the given
    /// predicate as the comparison between elements.
    ///
    /// For `width` = 1, 2, 4, … below n, the runs `a[lo..<lo+width]` and
    /// `a[lo+width..<lo+2·width]` (clipped to n) are merged for `lo` = 0, 2·width, …;
    /// a lone last run is left as it is. The merge is the one of ``mergeSort(by:)``.
    ///
    ///     var numbers = [5, 2, 4, 6, 1, 3]
    ///     numbers.mergeSortBottomUp(by: >)
    ///     print(numbers)
    ///     // Prints "[6, 5, 4, 3, 2, 1]"
    ///
    /// - Parameter areInIncreasingOrder: A predicate that returns `true` if its first
    ///   argument should be ordered before its second argument (a strict weak ordering).
    /// - Throws: Rethrows an error thrown by `areInIncreasingOrder`; the collection is
    ///   then a permutation of its elements.
    /// - Complexity: O(n log n) comparisons in every case; O(n) extra space. n is the
    ///   length of the collection.
    @inlinable
    public mutating func mergeSortBottomUp(
        by areInIncreasingOrder: (Element, Element) throws -> Bool
    ) rethrows {
        var probe = NoOpProbe()
        try mergeSortBottomUp(by: areInIncreasingOrder, probe: &probe)
    }

    /// Sorts the collection with bottom-up merge sort, reporting every step to `probe`.
    ///
    /// Passes: one per run width, ⌈log₂ n⌉ in all.
    @inlinable
    public mutating func mergeSortBottomUp<Probe: SortProbe>(
        by areInIncreasingOrder: (Element, Element) throws -> Bool, probe: inout Probe
    ) rethrows {
        let n = count
        guard n > 1 else { return }
        let scratch = UnsafeMutablePointer<Element>.allocate(capacity: n)
        defer { scratch.deallocate() }
        let done: Void? = try withContiguousMutableStorageIfAvailable { buffer in
            try _mergeSortBottomUpImpl(&buffer, scratch: scratch, by: areInIncreasingOrder, probe: &probe)
        }
        if done == nil {
            try _mergeSortBottomUpImpl(&self, scratch: scratch, by: areInIncreasingOrder, probe: &probe)
        }
    }
}

@inlinable
func _mergeSortBottomUpImpl<C: MutableCollection & RandomAccessCollection, P: SortProbe>(
    _ a: inout C, scratch: UnsafeMutablePointer<C.Element>,
    by areInIncreasingOrder: (C.Element, C.Element) throws -> Bool, probe: inout P
) rethrows {
    let n = a.count
    var width = 1
    // Invariant: every run a[m·width ..< (m+1)·width] (clipped to n) is sorted.
    while width < n {
        var lo = 0
        while lo < n - width {
            let mid = lo + width
            let hi = Swift.min(mid + width, n)
            try _mergeImpl(&a, lo: lo, mid: mid, hi: hi, scratch: scratch, by: areInIncreasingOrder, probe: &probe)
            lo = hi
        }
        probe.passBoundary()
        width = width > n / 2 ? n : width * 2
    }
}
