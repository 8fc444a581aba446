extension MutableCollection where Self: RandomAccessCollection, Element: Comparable {
    /// Sorts the collection in place with selection sort, in ascending order.
    ///
    /// Selection sort finds the minimum of the unsorted suffix and swaps it to the
    /// suffix's front, n - 1 times. It makes few swaps (at most n - 1) but always
    /// n(n - 1)/2 comparisons. The sort is not stable.
    ///
    ///     var numbers = [5, 2, 4, 6, 1, 3]
    ///     numbers.selectionSort()
    ///     print(numbers)
    ///     // Prints "[1, 2, 3, 4, 5, 6]"
    ///
    /// - Complexity: O(n²) comparisons in every case, O(n) swaps; O(1) extra space.
    ///   n is the length of the collection.
    @inlinable
    public mutating func selectionSort() {
        selectionSort(by: <)
    }
}

extension MutableCollection where Self: RandomAccessCollection {
    /// Sorts the collection in place with selection sort, using the given predicate
    /// as the comparison between elements.
    ///
    /// Pass `i` (1-based) scans `a[i-1...]` for its minimum (the first one among equals)
    /// and swaps it to offset `i - 1` when it is not already there.
    ///
    ///     var numbers = [5, 2, 4, 6, 1, 3]
    ///     numbers.selectionSort(by: >)
    ///     print(numbers)
    ///     // Prints "[6, 5, 4, 3, 2, 1]"
    ///
    /// - Parameter areInIncreasingOrder: A predicate that returns `true` if its first
    ///   argument should be ordered before its second argument (a strict weak ordering).
    /// - Throws: Rethrows an error thrown by `areInIncreasingOrder`; the collection is
    ///   then some permutation of its elements.
    /// - Complexity: O(n²) comparisons in every case; O(1) extra space. n is the length
    ///   of the collection.
    @inlinable
    public mutating func selectionSort(
        by areInIncreasingOrder: (Element, Element) throws -> Bool
    ) rethrows {
        var probe = NoOpProbe()
        try selectionSort(by: areInIncreasingOrder, probe: &probe)
    }

    /// Sorts the collection with selection sort, reporting every step to `probe`.
    ///
    /// Passes: n - 1, one per position filled.
    @inlinable
    public mutating func selectionSort<Probe: SortProbe>(
        by areInIncreasingOrder: (Element, Element) throws -> Bool, probe: inout Probe
    ) rethrows {
        let done: Void? = try withContiguousMutableStorageIfAvailable { buffer in
            try _selectionSortImpl(&buffer, by: areInIncreasingOrder, probe: &probe)
        }
        if done == nil { try _selectionSortImpl(&self, by: areInIncreasingOrder, probe: &probe) }
    }
}

@inlinable
func _selectionSortImpl<C: MutableCollection & RandomAccessCollection, P: SortProbe>(
    _ a: inout C, by areInIncreasingOrder: (C.Element, C.Element) throws -> Bool,
    probe: inout P
) rethrows {
    let n = a.count
    guard n > 1 else { return }
    // Invariant: a[0..<i] holds the i smallest elements in order.
    for i in 0..<(n - 1) {
        var minimum = i
        for j in (i + 1)..<n {
            probe.compare(j, minimum)
            if try areInIncreasingOrder(a[_offset: j], a[_offset: minimum]) { minimum = j }
        }
        _swapIfDistinct(&a, i, minimum, probe: &probe)
        probe.passBoundary()
    }
}
