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

/// The pivot candidate of `a[lo...hi]` (`hi` inclusive, at least 3 elements), as an
/// offset: the median of three for ranges of up to 40 elements, Tukey's ninther above.
///
/// Median of three: the median of `a[lo]`, `a[mid]` and `a[hi]` (`mid = lo + (hi - lo) / 2`),
/// see ``_medianOfThree(_:_:_:_:by:probe:)``. Ninther (Bentley and McIlroy, "Engineering a
/// Sort Function", 1993): with `s = count / 8`, the median of the medians of
/// (`lo`, `lo+s`, `lo+2s`), (`mid-s`, `mid`, `mid+s`) and (`hi-2s`, `hi-s`, `hi`). Trace inputs
/// have at most 16 values, so traces only ever see the median of three; the ninther keeps
/// sorted, reversed and organ-pipe inputs O(n log n), which the median of three alone does
/// not for Hoare's and Dijkstra's partitions (the element displaced by the pivot swap ends
/// up at a candidate position of the next range).
@inlinable
func _pivotCandidate<C: MutableCollection & RandomAccessCollection, P: SortProbe>(
    _ a: inout C, lo: Int, hi: Int,
    by areInIncreasingOrder: (C.Element, C.Element) throws -> Bool, probe: inout P
) rethrows -> Int {
    let mid = lo + (hi - lo) / 2
    let count = hi - lo + 1
    guard count > 40 else {
        return try _medianOfThree(&a, lo, mid, hi, by: areInIncreasingOrder, probe: &probe)
    }
    let s = count / 8
    let first = try _medianOfThree(&a, lo, lo + s, lo + 2 * s, by: areInIncreasingOrder, probe: &probe)
    let middle = try _medianOfThree(&a, mid - s, mid, mid + s, by: areInIncreasingOrder, probe: &probe)
    let last = try _medianOfThree(&a, hi - 2 * s, hi - s, hi, by: areInIncreasingOrder, probe: &probe)
    return try _medianOfThree(&a, first, middle, last, by: areInIncreasingOrder, probe: &probe)
}

/// The median of `a[x]`, `a[y]` and `a[z]` (offsets `x < y < z`), as an offset.
///
/// The median is the middle one when the three are ordered by value, ties broken by
/// position (`x` before `y` before `z`). It takes two or three predicate calls, in this
/// order (for the pivot rule, `x = lo`, `y = mid`, `z = hi`):
///
///     if a[y] < a[x]                       // 1
///         if a[z] < a[y]      -> y         // 2   (z < y < x)
///         else if a[z] < a[x] -> z         // 3   (y <= z < x)
///         else                -> x         //     (y < x <= z)
///     else
///         if a[z] < a[x]      -> x         // 2   (z < x <= y)
///         else if a[z] < a[y] -> z         // 3   (x <= z < y)
///         else                -> y         //     (x <= y <= z)
@inlinable
func _medianOfThree<C: MutableCollection & RandomAccessCollection, P: SortProbe>(
    _ a: inout C, _ x: Int, _ y: Int, _ z: Int,
    by areInIncreasingOrder: (C.Element, C.Element) throws -> Bool, probe: inout P
) rethrows -> Int {
    probe.compare(y, x)
    if try areInIncreasingOrder(a[_offset: y], a[_offset: x]) {
        probe.compare(z, y)
        if try areInIncreasingOrder(a[_offset: z], a[_offset: y]) { return y }
        probe.compare(z, x)
        return try areInIncreasingOrder(a[_offset: z], a[_offset: x]) ? z : x
    } else {
        probe.compare(z, x)
        if try areInIncreasingOrder(a[_offset: z], a[_offset: x]) { return x }
        probe.compare(z, y)
        return try areInIncreasingOrder(a[_offset: z], a[_offset: y]) ? z : y
    }
}

/// Lomuto's partition of `a[lo...hi]` (`hi` inclusive, `lo < hi`); returns the pivot's
/// final offset. Shared by quicksort-lomuto and quickselect.
///
/// For three or more elements the pivot candidate (the median of three, see
/// `_pivotCandidate`) is first swapped into `a[hi]`.
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
        let m = try _pivotCandidate(&a, lo: lo, hi: hi, by: areInIncreasingOrder, probe: &probe)
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
/// For three or more elements the pivot candidate (the median of three, see
/// `_pivotCandidate`) is first swapped into `a[lo]`.
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
        let m = try _pivotCandidate(&a, lo: lo, hi: hi, by: areInIncreasingOrder, probe: &probe)
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
