extension MutableCollection where Self: RandomAccessCollection, Element: Comparable {
    /// Sorts the collection in place with 3-way quicksort (Dijkstra's Dutch national
    /// flag partition), in ascending order.
    ///
    /// The partition splits a range into three parts, less than, equal to and greater
    /// than the pivot, and recurses only into the outer two, so keys equal to the pivot
    /// are finished in one pass. With few distinct keys the sort runs in linear time.
    /// It is not stable.
    ///
    ///     var numbers = [5, 2, 4, 6, 1, 3]
    ///     numbers.quicksort3Way()
    ///     print(numbers)
    ///     // Prints "[1, 2, 3, 4, 5, 6]"
    ///
    /// - Complexity: O(n log n) comparisons on average, O(n) at best (all keys equal),
    ///   O(n²) in the worst case; O(log n) extra space on average. n is the length of
    ///   the collection.
    @inlinable
    public mutating func quicksort3Way() {
        quicksort3Way(by: <)
    }
}

extension MutableCollection where Self: RandomAccessCollection {
    /// Sorts the collection in place with 3-way quicksort, using the given predicate as
    /// the comparison between elements.
    ///
    /// For each range `a[lo...hi]` of two or more elements, left part first: the median
    /// of the first, middle and last elements (for ranges of more than 40 elements,
    /// Tukey's ninther: the median of three such medians) is swapped to `a[lo]` and
    /// becomes the pivot `v`. Then, scanning with `i`:
    ///
    ///     lo            lt            i              gt            hi
    ///     +-------------+-------------+--------------+-------------+
    ///     |    < v      |    == v     |  unexamined  |    > v      |
    ///     +-------------+-------------+--------------+-------------+
    ///
    /// that is `a[lo..<lt] < v`, `a[lt..<i] == v`, `a[i...gt]` unexamined and
    /// `a[gt+1...hi] > v`. If `a[i] < v` it is swapped with `a[lt]` (the first equal key)
    /// and both `lt` and `i` advance; else if `v < a[i]` it is swapped with `a[gt]` and
    /// `gt` retreats (`a[i]` is then examined next); else `i` advances. The scan ends
    /// when `i > gt`; `a[lt...gt]` is final and the outer parts are sorted next.
    ///
    ///     var numbers = [5, 2, 4, 6, 1, 3]
    ///     numbers.quicksort3Way(by: >)
    ///     print(numbers)
    ///     // Prints "[6, 5, 4, 3, 2, 1]"
    ///
    /// - Parameter areInIncreasingOrder: A predicate that returns `true` if its first
    ///   argument should be ordered before its second argument (a strict weak ordering).
    /// - Throws: Rethrows an error thrown by `areInIncreasingOrder`; the collection is
    ///   then a permutation of its elements (the algorithm only swaps).
    /// - Complexity: O(n log n) on average, O(n) when all keys are equal, O(n²) in the
    ///   worst case; O(log n) extra space on average. n is the length of the collection.
    @inlinable
    public mutating func quicksort3Way(
        by areInIncreasingOrder: (Element, Element) throws -> Bool
    ) rethrows {
        var probe = NoOpProbe()
        try quicksort3Way(by: areInIncreasingOrder, probe: &probe)
    }

    /// Sorts the collection with 3-way quicksort, reporting every step to `probe`.
    ///
    /// Passes: one per partition, in recursion order (left part first).
    @inlinable
    public mutating func quicksort3Way<Probe: SortProbe>(
        by areInIncreasingOrder: (Element, Element) throws -> Bool, probe: inout Probe
    ) rethrows {
        let done: Void? = try withContiguousMutableStorageIfAvailable { buffer in
            try _quicksort3WayImpl(&buffer, by: areInIncreasingOrder, probe: &probe)
        }
        if done == nil { try _quicksort3WayImpl(&self, by: areInIncreasingOrder, probe: &probe) }
    }
}

@inlinable
func _quicksort3WayImpl<C: MutableCollection & RandomAccessCollection, P: SortProbe>(
    _ a: inout C, by areInIncreasingOrder: (C.Element, C.Element) throws -> Bool,
    probe: inout P
) rethrows {
    var pending = [(lo: 0, hi: a.count - 1)]
    while let (lo, hi) = pending.popLast() {
        guard lo < hi else { continue }
        if hi - lo >= 2 {
            let m = try _pivotCandidate(&a, lo: lo, hi: hi, by: areInIncreasingOrder, probe: &probe)
            _swapIfDistinct(&a, m, lo, probe: &probe)
        }
        let v = a[_offset: lo]
        var lt = lo
        var i = lo + 1
        var gt = hi
        // Regions: a[lo..<lt] < v, a[lt..<i] == v, a[i...gt] unexamined, a[gt+1...hi] > v.
        while i <= gt {
            probe.compare(i, lt)
            if try areInIncreasingOrder(a[_offset: i], v) {
                a._swapAt(lt, i)  // lt < i: the region a[lt..<i] holds the pivot
                probe.swap(lt, i)
                lt += 1
                i += 1
                continue
            }
            probe.compare(lt, i)
            if try areInIncreasingOrder(v, a[_offset: i]) {
                _swapIfDistinct(&a, i, gt, probe: &probe)
                gt -= 1
            } else {
                i += 1
            }
        }
        probe.passBoundary()
        pending.append((gt + 1, hi))
        pending.append((lo, lt - 1))
    }
}
