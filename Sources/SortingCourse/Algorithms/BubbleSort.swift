extension MutableCollection where Self: RandomAccessCollection, Element: Comparable {
    /// Sorts the collection in place with bubble sort, in ascending order.
    ///
    /// Bubble sort sweeps the unsorted prefix from left to right, swapping each
    /// adjacent pair that is out of order, so every sweep carries the largest
    /// remaining element to the end of the prefix. It stops after the first sweep
    /// that swaps nothing. The sort is stable.
    ///
    ///     var numbers = [5, 2, 4, 6, 1, 3]
    ///     numbers.bubbleSort()
    ///     print(numbers)
    ///     // Prints "[1, 2, 3, 4, 5, 6]"
    ///
    /// - Complexity: O(n²) comparisons and swaps on average and in the worst case,
    ///   O(n) when the collection is already sorted; O(1) extra space. n is the
    ///   length of the collection.
    @inlinable
    public mutating func bubbleSort() {
        bubbleSort(by: <)
    }
}

extension MutableCollection where Self: RandomAccessCollection {
    /// Sorts the collection in place with bubble sort, using the given predicate as
    /// the comparison between elements.
    ///
    /// Each pass sweeps the unsorted prefix `a[0..<end]` from left to right and swaps
    /// `a[j-1]` and `a[j]` when `areInIncreasingOrder(a[j], a[j-1])`; the largest
    /// element of the prefix ends at `end - 1`, and the prefix shrinks by one. The
    /// sort stops after the first pass that swaps nothing (that pass counts).
    ///
    ///     var words = ["pear", "fig", "apple"]
    ///     words.bubbleSort(by: { $0.count < $1.count })
    ///     print(words)
    ///     // Prints "["fig", "pear", "apple"]"
    ///
    /// - Parameter areInIncreasingOrder: A predicate that returns `true` if its first
    ///   argument should be ordered before its second argument (a strict weak ordering).
    /// - Throws: Rethrows an error thrown by `areInIncreasingOrder`; the collection is
    ///   then some permutation of its elements.
    /// - Complexity: O(n²) comparisons on average and in the worst case, O(n) for a
    ///   sorted collection; O(1) extra space. n is the length of the collection.
    @inlinable
    public mutating func bubbleSort(
        by areInIncreasingOrder: (Element, Element) throws -> Bool
    ) rethrows {
        var probe = NoOpProbe()
        try bubbleSort(by: areInIncreasingOrder, probe: &probe)
    }

    /// Sorts the collection with bubble sort, reporting every step to `probe`.
    ///
    /// Passes: one per sweep, including the final sweep that swaps nothing.
    @inlinable
    public mutating func bubbleSort<Probe: SortProbe>(
        by areInIncreasingOrder: (Element, Element) throws -> Bool, probe: inout Probe
    ) rethrows {
        let done: Void? = try withContiguousMutableStorageIfAvailable { buffer in
            try _bubbleSortImpl(&buffer, by: areInIncreasingOrder, probe: &probe)
        }
        if done == nil { try _bubbleSortImpl(&self, by: areInIncreasingOrder, probe: &probe) }
    }
}

@inlinable
func _bubbleSortImpl<C: MutableCollection & RandomAccessCollection, P: SortProbe>(
    _ a: inout C, by areInIncreasingOrder: (C.Element, C.Element) throws -> Bool,
    probe: inout P
) rethrows {
    var end = a.count
    // Invariant: a[end...] holds the largest elements, in their final order.
    while end > 1 {
        var swapped = false
        for j in 1..<end {
            probe.compare(j, j - 1)
            if try areInIncreasingOrder(a[_offset: j], a[_offset: j - 1]) {
                a._swapAt(j - 1, j)
                probe.swap(j - 1, j)
                swapped = true
            }
        }
        probe.passBoundary()
        if !swapped { return }
        end -= 1
    }
}
