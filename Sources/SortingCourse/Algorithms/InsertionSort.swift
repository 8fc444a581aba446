extension MutableCollection where Self: RandomAccessCollection, Element: Comparable {
    /// Sorts the collection in place with insertion sort, in ascending order.
    ///
    /// Insertion sort grows a sorted prefix one element at a time: it holds the next
    /// element aside, shifts the larger prefix elements one place right and writes
    /// the element into the hole. It is fast on short or nearly sorted input, which
    /// is why introsort finishes small ranges with it. The sort is stable.
    ///
    ///     var numbers = [5, 2, 4, 6, 1, 3]
    ///     numbers.insertionSort()
    ///     print(numbers)
    ///     // Prints "[1, 2, 3, 4, 5, 6]"
    ///
    /// - Complexity: O(n²) comparisons and shifts on average and in the worst case,
    ///   O(n) when the collection is already sorted; O(1) extra space. n is the length
    ///   of the collection.
    @inlinable
    public mutating func insertionSort() {
        insertionSort(by: <)
    }
}

extension MutableCollection where Self: RandomAccessCollection {
    /// Sorts the collection in place with insertion sort, using the given predicate as
    /// the comparison between elements.
    ///
    /// Pass `i` (1-based) inserts `a[i]` into the sorted prefix `a[0..<i]`: while the
    /// held element `x` satisfies `areInIncreasingOrder(x, a[hole - 1])`, that prefix
    /// element is shifted into the hole (a write, not a swap).
    ///
    ///     var numbers = [5, 2, 4, 6, 1, 3]
    ///     numbers.insertionSort(by: >)
    ///     print(numbers)
    ///     // Prints "[6, 5, 4, 3, 2, 1]"
    ///
    /// - Parameter areInIncreasingOrder: A predicate that returns `true` if its first
    ///   argument should be ordered before its second argument (a strict weak ordering).
    /// - Throws: Rethrows an error thrown by `areInIncreasingOrder`; the held element is
    ///   written back first, so the collection is then a permutation of its elements.
    /// - Complexity: O(n²) on average and in the worst case (at most n(n - 1)/2
    ///   comparisons), O(n) for a sorted collection; O(1) extra space. n is the length
    ///   of the collection.
    @inlinable
    public mutating func insertionSort(
        by areInIncreasingOrder: (Element, Element) throws -> Bool
    ) rethrows {
        var probe = NoOpProbe()
        try insertionSort(by: areInIncreasingOrder, probe: &probe)
    }

    /// Sorts the collection with insertion sort, reporting every step to `probe`.
    ///
    /// Passes: n - 1, one per inserted element.
    @inlinable
    public mutating func insertionSort<Probe: SortProbe>(
        by areInIncreasingOrder: (Element, Element) throws -> Bool, probe: inout Probe
    ) rethrows {
        let done: Void? = try withContiguousMutableStorageIfAvailable { buffer in
            try _insertionSortImpl(&buffer, lo: 0, hi: buffer.count, by: areInIncreasingOrder, probe: &probe)
        }
        if done == nil {
            try _insertionSortImpl(&self, lo: 0, hi: count, by: areInIncreasingOrder, probe: &probe)
        }
    }
}
