extension MutableCollection where Self: RandomAccessCollection, Element: Comparable {
    /// Returns the k-th smallest element (k is 1-based), partially reordering the
    /// collection with quickselect.
    ///
    /// Quickselect (C. A. R. Hoare's FIND, 1961) partitions like quicksort but follows
    /// only the side that holds rank k, so on average it touches n + n/2 + n/4 + … ≈ 2n
    /// elements. Afterwards the k-th smallest element is at offset `k - 1`, with no
    /// greater element before it and no smaller element after it.
    ///
    ///     var numbers = [5, 2, 4, 6, 1, 3]
    ///     print(numbers.quickselect(k: 2))
    ///     // Prints "2"
    ///
    /// - Parameter k: The 1-based rank: 1 selects the minimum, `count` the maximum.
    ///   Must be in `1...count`.
    /// - Returns: The k-th smallest element.
    /// - Complexity: O(n) comparisons on average, O(n²) in the worst case; O(1) extra
    ///   space. n is the length of the collection.
    @inlinable
    public mutating func quickselect(k: Int) -> Element {
        quickselect(k: k, by: <)
    }
}

extension MutableCollection where Self: RandomAccessCollection {
    /// Returns the k-th smallest element (k is 1-based) under the given predicate,
    /// partially reordering the collection with quickselect.
    ///
    /// While the range `a[lo...hi]` has two or more elements it is partitioned with
    /// Lomuto's scheme and the pivot rule of ``quicksortLomuto(by:)``; the
    /// search stops when the pivot lands at offset `k - 1` and otherwise goes on only in
    /// the part holding that offset.
    ///
    ///     var numbers = [5, 2, 4, 6, 1, 3]
    ///     print(numbers.quickselect(k: 1, by: >))
    ///     // Prints "6"
    ///
    /// - Parameters:
    ///   - k: The 1-based rank, in `1...count`.
    ///   - areInIncreasingOrder: A predicate that returns `true` if its first argument
    ///     should be ordered before its second argument (a strict weak ordering).
    /// - Returns: The k-th smallest element.
    /// - Throws: Rethrows an error thrown by `areInIncreasingOrder`; the collection is
    ///   then a permutation of its elements (the algorithm only swaps).
    /// - Complexity: O(n) on average, O(n²) in the worst case; O(1) extra space. n is
    ///   the length of the collection.
    @inlinable
    public mutating func quickselect(
        k: Int, by areInIncreasingOrder: (Element, Element) throws -> Bool
    ) rethrows -> Element {
        var probe = NoOpProbe()
        return try quickselect(k: k, by: areInIncreasingOrder, probe: &probe)
    }

    /// Selects the k-th smallest element with quickselect, reporting every step to
    /// `probe`.
    ///
    /// Passes: one per partition.
    @inlinable
    public mutating func quickselect<Probe: SortProbe>(
        k: Int, by areInIncreasingOrder: (Element, Element) throws -> Bool, probe: inout Probe
    ) rethrows -> Element {
        precondition(1 <= k && k <= count, "quickselect: k must be in 1...count")
        let target = k - 1
        let found: Element? = try withContiguousMutableStorageIfAvailable { buffer in
            try _quickselectImpl(&buffer, target: target, by: areInIncreasingOrder, probe: &probe)
        }
        if let found { return found }
        return try _quickselectImpl(&self, target: target, by: areInIncreasingOrder, probe: &probe)
    }
}

@inlinable
func _quickselectImpl<C: MutableCollection & RandomAccessCollection, P: SortProbe>(
    _ a: inout C, target: Int,
    by areInIncreasingOrder: (C.Element, C.Element) throws -> Bool, probe: inout P
) rethrows -> C.Element {
    var lo = 0
    var hi = a.count - 1
    // Invariant: a[..<lo] holds no element greater, a[hi+1...] no element smaller,
    // than any element of a[lo...hi], and lo <= target <= hi.
    while lo < hi {
        let p = try _lomutoPartition(&a, lo: lo, hi: hi, by: areInIncreasingOrder, probe: &probe)
        probe.passBoundary()
        if p == target { return a[_offset: p] }
        if target < p { hi = p - 1 } else { lo = p + 1 }
    }
    return a[_offset: target]
}
