extension MutableCollection where Self: RandomAccessCollection, Element: Comparable {
    /// Sorts the collection in place with Shell sort (Ciura's gaps), in ascending order.
    ///
    /// Shell sort runs gapped insertion sorts with shrinking gaps, so elements travel
    /// far in few moves early on, and the final gap-1 pass is an insertion sort of an
    /// almost sorted collection. The sort is not stable.
    ///
    ///     var numbers = [5, 2, 4, 6, 1, 3]
    ///     numbers.shellSort()
    ///     print(numbers)
    ///     // Prints "[1, 2, 3, 4, 5, 6]"
    ///
    /// - Complexity: O(n log n) comparisons when sorted; about O(n^1.25) on average
    ///   (measured; no proof is known for these gaps); O(n²) in the worst case; O(1)
    ///   extra space. n is the length of the collection.
    @inlinable
    public mutating func shellSort() {
        shellSort(by: <)
    }
}

extension MutableCollection where Self: RandomAccessCollection {
    /// Sorts the collection in place with Shell sort, using the given predicate as the
    /// comparison between elements.
    ///
    /// The gaps are Marcin Ciura's, "Best Increments for the Average Case of Shellsort"
    /// (2001): 1, 4, 10, 23, 57, 132, 301, 701, 1750, extended above 1750 by
    /// `gap = gap * 9 / 4` (⌊2.25 · gap⌋). Only gaps smaller than n are used, largest
    /// first; a pass h-sorts the collection: for each `i` from `h` up, `a[i]` is held
    /// aside and the elements `a[i-h]`, `a[i-2h]`, … greater than it are shifted `h`
    /// places right.
    ///
    ///     var numbers = [5, 2, 4, 6, 1, 3]
    ///     numbers.shellSort(by: >)
    ///     print(numbers)
    ///     // Prints "[6, 5, 4, 3, 2, 1]"
    ///
    /// - Parameter areInIncreasingOrder: A predicate that returns `true` if its first
    ///   argument should be ordered before its second argument (a strict weak ordering).
    /// - Throws: Rethrows an error thrown by `areInIncreasingOrder`; the held element is
    ///   written back first, so the collection is then a permutation of its elements.
    /// - Complexity: about O(n^1.25) comparisons on average, O(n²) in the worst case;
    ///   O(1) extra space. n is the length of the collection.
    @inlinable
    public mutating func shellSort(
        by areInIncreasingOrder: (Element, Element) throws -> Bool
    ) rethrows {
        var probe = NoOpProbe()
        try shellSort(by: areInIncreasingOrder, probe: &probe)
    }

    /// Sorts the collection with Shell sort, reporting every step to `probe`.
    ///
    /// Passes: one per gap smaller than n.
    @inlinable
    public mutating func shellSort<Probe: SortProbe>(
        by areInIncreasingOrder: (Element, Element) throws -> Bool, probe: inout Probe
    ) rethrows {
        let done: Void? = try withContiguousMutableStorageIfAvailable { buffer in
            try _shellSortImpl(&buffer, by: areInIncreasingOrder, probe: &probe)
        }
        if done == nil { try _shellSortImpl(&self, by: areInIncreasingOrder, probe: &probe) }
    }
}

/// Ciura's gaps smaller than `n`, largest first.
@inlinable
func _ciuraGaps(below n: Int) -> [Int] {
    var gaps = [1, 4, 10, 23, 57, 132, 301, 701, 1750]
    while let last = gaps.last, last < n, last <= Int.max / 9 {
        gaps.append(last * 9 / 4)
    }
    return gaps.filter { $0 < n }.reversed()
}

@inlinable
func _shellSortImpl<C: MutableCollection & RandomAccessCollection, P: SortProbe>(
    _ a: inout C, by areInIncreasingOrder: (C.Element, C.Element) throws -> Bool,
    probe: inout P
) rethrows {
    let n = a.count
    guard n > 1 else { return }
    for h in _ciuraGaps(below: n) {
        // Invariant: every chain a[r], a[r+h], a[r+2h], … below i is sorted.
        for i in h..<n {
            let x = a[_offset: i]
            var hole = i
            do {
                // Also when the predicate throws, `x` goes back into the hole.
                defer {
                    if hole != i {
                        a[_offset: hole] = x
                        probe.write(hole)
                    }
                }
                while hole >= h {
                    probe.compare(hole, hole - h)
                    guard try areInIncreasingOrder(x, a[_offset: hole - h]) else { break }
                    a[_offset: hole] = a[_offset: hole - h]
                    probe.write(hole)
                    hole -= h
                }
            }
        }
        probe.passBoundary()
    }
}
