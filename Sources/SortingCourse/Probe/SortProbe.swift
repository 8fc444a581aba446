/// An observer of the elementary steps a sorting algorithm takes.
///
/// Every algorithm in this module is written once, generic over a probe. It calls
/// the probe right *after* each step, with positions given as offsets from the
/// collection's `startIndex` (so a slice `a[3..<20]` reports offsets `0..<17`):
///
/// - ``compare(_:_:)`` just before each call of the comparison predicate
///   `areInIncreasingOrder(x, y)`, with the offsets of `x` and `y` (for an element
///   held aside, such as the one being inserted, its hole);
/// - ``swap(_:_:)`` after exchanging two *different* positions;
/// - ``write(_:)`` after storing an element at a position (shifts, merges, scatters);
/// - ``passBoundary()`` after each pass, as defined per algorithm in its documentation;
/// - ``pivot(_:)`` when a partition has put its pivot at its final offset.
///
/// ``NoOpProbe`` does nothing; because the algorithms are `@inlinable` and generic over
/// the probe type, the compiler specialises them for `NoOpProbe` and removes every call,
/// so the benchmarked code is the traced code with the tracing compiled away.
public protocol SortProbe {
    /// The algorithm is about to call the comparison predicate on the elements at
    /// offsets `i` and `j`, in that argument order.
    mutating func compare(_ i: Int, _ j: Int)
    /// The elements at offsets `i` and `j` (`i != j`) were exchanged.
    mutating func swap(_ i: Int, _ j: Int)
    /// An element was stored at offset `i`.
    mutating func write(_ i: Int)
    /// A pass has ended.
    mutating func passBoundary()
    /// A partition placed its pivot at offset `i`, its final position.
    mutating func pivot(_ i: Int)
}

extension SortProbe {
    /// By default a probe ignores pivot placements.
    @inlinable @inline(__always)
    public mutating func pivot(_ i: Int) {}
}

/// A probe that records nothing; algorithms specialised for it run at full speed.
@frozen
public struct NoOpProbe: SortProbe, Sendable {
    @inlinable @inline(__always)
    public init() {}
    @inlinable @inline(__always)
    public mutating func compare(_ i: Int, _ j: Int) {}
    @inlinable @inline(__always)
    public mutating func swap(_ i: Int, _ j: Int) {}
    @inlinable @inline(__always)
    public mutating func write(_ i: Int) {}
    @inlinable @inline(__always)
    public mutating func passBoundary() {}
    @inlinable @inline(__always)
    public mutating func pivot(_ i: Int) {}
}
