// Shared building blocks of the algorithms: offset-based element access, the
// median-of-three pivot rule, and the partitions and insertion loop that several
// algorithms reuse. All positions are `Int` offsets from `startIndex`; on the fast
// path the collection is an `UnsafeMutableBufferPointer`, where an offset *is* the index.

extension MutableCollection where Self: RandomAccessCollection {
    /// The element at `offset` positions from `startIndex`.
    @inlinable @inline(__always)
    subscript(_offset offset: Int) -> Element {
        get { self[index(startIndex, offsetBy: offset)] }
        set { self[index(startIndex, offsetBy: offset)] = newValue }
    }

    /// Exchanges the elements at two offsets.
    @inlinable @inline(__always)
    mutating func _swapAt(_ i: Int, _ j: Int) {
        swapAt(index(startIndex, offsetBy: i), index(startIndex, offsetBy: j))
    }
}

/// Exchanges `a[i]` and `a[j]` when they are different positions, and reports the swap.
@inlinable @inline(__always)
func _swapIfDistinct<C: MutableCollection & RandomAccessCollection, P: SortProbe>(
    _ a: inout C, _ i: Int, _ j: Int, probe: inout P
) {
    guard i != j else { return }
    a._swapAt(i, j)
    probe.swap(i, j)
}

/// The median of `a[lo]`, `a[mid]` and `a[hi]` (`mid = lo + (hi - lo) / 2`), as an offset.
///
/// The median is the middle one when the three are ordered by value, ties broken by
/// position (`lo` before `mid` before `hi`). It takes two or three predicate calls, in
/// this order:
///
///     if a[mid] < a[lo]                       // 1
///         if a[hi] < a[mid]      -> mid       // 2   (hi < mid < lo)
///         else if a[hi] < a[lo]  -> hi        // 3   (mid <= hi < lo)
///         else                   -> lo        //     (mid < lo <= hi)
///     else
///         if a[hi] < a[lo]       -> lo        // 2   (hi < lo <= mid)
///         else if a[hi] < a[mid] -> hi        // 3   (lo <= hi < mid)
///         else                   -> mid       //     (lo <= mid <= hi)
@inlinable
func _medianOfThree<C: MutableCollection & RandomAccessCollection, P: SortProbe>(
    _ a: inout C, lo: Int, hi: Int,
    by areInIncreasingOrder: (C.Element, C.Element) throws -> Bool, probe: inout P
) rethrows -> Int {
    let mid = lo + (hi - lo) / 2
    probe.compare(mid, lo)
    if try areInIncreasingOrder(a[_offset: mid], a[_offset: lo]) {
        probe.compare(hi, mid)
        if try areInIncreasingOrder(a[_offset: hi], a[_offset: mid]) { return mid }
        probe.compare(hi, lo)
        return try areInIncreasingOrder(a[_offset: hi], a[_offset: lo]) ? hi : lo
    } else {
        probe.compare(hi, lo)
        if try areInIncreasingOrder(a[_offset: hi], a[_offset: lo]) { return lo }
        probe.compare(hi, mid)
        return try areInIncreasingOrder(a[_offset: hi], a[_offset: mid]) ? hi : mid
    }
}

/// Lomuto's partition of `a[lo...hi]` (`hi` inclusive, `lo < hi`); returns the pivot's
/// final offset. Shared by quicksort-lomuto and quickselect.
///
/// For three or more elements the median of three is first swapped into `a[hi]`.
/// Then, with `pivot = a[hi]`:
///
///     lo            i              j              hi
///     +-------------+--------------+--------------+---+
///     |   < pivot   |   >= pivot   |  unexamined  | p |
///     +-------------+--------------+--------------+---+
///
/// Each step examines `a[j]`; if it is less than the pivot it is swapped to `a[i]` and
/// both regions move right. Finally the pivot is swapped into `a[i]`, between them.
@inlinable
func _lomutoPartition<C: MutableCollection & RandomAccessCollection, P: SortProbe>(
    _ a: inout C, lo: Int, hi: Int,
    by areInIncreasingOrder: (C.Element, C.Element) throws -> Bool, probe: inout P
) rethrows -> Int {
    if hi - lo >= 2 {
        let m = try _medianOfThree(&a, lo: lo, hi: hi, by: areInIncreasingOrder, probe: &probe)
        _swapIfDistinct(&a, m, hi, probe: &probe)
    }
    let pivot = a[_offset: hi]
    var i = lo
    for j in lo..<hi {
        probe.compare(j, hi)
        if try areInIncreasingOrder(a[_offset: j], pivot) {
            _swapIfDistinct(&a, i, j, probe: &probe)
            i += 1
        }
    }
    _swapIfDistinct(&a, i, hi, probe: &probe)
    probe.pivot(i)
    return i
}

/// Hoare's partition of `a[lo...hi]` (`hi` inclusive, `lo < hi`) in Sedgewick's form,
/// with the pivot in the first slot; returns the pivot's final offset. Shared by
/// quicksort-hoare and introsort.
///
/// For three or more elements the median of three is first swapped into `a[lo]`.
/// Then, with `pivot = a[lo]`, two indices move towards each other:
///
///     lo   lo+1          i                 j              hi
///     +---+--------------+-----------------+--------------+
///     | p |   <= pivot   |    unexamined   |   >= pivot   |
///     +---+--------------+-----------------+--------------+
///
/// `i` moves right past elements less than the pivot (stopping at `hi`), `j` moves left
/// past elements greater than it; both stop on equal keys, which spreads duplicates
/// over both sides. When they have not crossed, `a[i]` and `a[j]` are swapped and the
/// scan goes on; when they cross, the pivot is swapped into `a[j]`.
@inlinable
func _hoarePartition<C: MutableCollection & RandomAccessCollection, P: SortProbe>(
    _ a: inout C, lo: Int, hi: Int,
    by areInIncreasingOrder: (C.Element, C.Element) throws -> Bool, probe: inout P
) rethrows -> Int {
    if hi - lo >= 2 {
        let m = try _medianOfThree(&a, lo: lo, hi: hi, by: areInIncreasingOrder, probe: &probe)
        _swapIfDistinct(&a, m, lo, probe: &probe)
    }
    let pivot = a[_offset: lo]
    var i = lo
    var j = hi + 1
    while true {
        // a[lo+1...i] <= pivot after this loop (or i == hi).
        while true {
            i += 1
            probe.compare(i, lo)
            if !(try areInIncreasingOrder(a[_offset: i], pivot)) || i == hi { break }
        }
        // a[j...hi] >= pivot after this loop; a[lo] == pivot stops it at lo at the latest.
        while true {
            j -= 1
            probe.compare(lo, j)
            if !(try areInIncreasingOrder(pivot, a[_offset: j])) { break }
        }
        if i >= j { break }
        _swapIfDistinct(&a, i, j, probe: &probe)
    }
    _swapIfDistinct(&a, lo, j, probe: &probe)
    probe.pivot(j)
    return j
}

/// Insertion sort of `a[lo..<hi]`, one pass per inserted element. Shared by
/// insertion-sort, introsort (small ranges) and bucket-sort (within each bucket,
/// where `passes` is false).
///
/// Before inserting `a[i]`:
///
///     lo                  i                 hi
///     +-------------------+---+-------------+
///     |   sorted prefix   | x | unexamined  |
///     +-------------------+---+-------------+
///
/// `x` is held aside and the prefix elements greater than `x` are shifted one place
/// right (each a write), opening a hole where `x` is written back. Equal elements are
/// not passed, so the sort is stable.
@inlinable
func _insertionSortImpl<C: MutableCollection & RandomAccessCollection, P: SortProbe>(
    _ a: inout C, lo: Int, hi: Int,
    by areInIncreasingOrder: (C.Element, C.Element) throws -> Bool, probe: inout P,
    passes: Bool = true
) rethrows {
    guard hi - lo >= 2 else { return }
    for i in (lo + 1)..<hi {
        let x = a[_offset: i]
        var hole = i
        do {
            // Also when the predicate throws, `x` goes back into the hole: nothing is lost.
            defer {
                if hole != i {
                    a[_offset: hole] = x
                    probe.write(hole)
                }
            }
            while hole > lo {
                probe.compare(hole, hole - 1)
                guard try areInIncreasingOrder(x, a[_offset: hole - 1]) else { break }
                a[_offset: hole] = a[_offset: hole - 1]
                probe.write(hole)
                hole -= 1
            }
        }
        if passes { probe.passBoundary() }
    }
}
