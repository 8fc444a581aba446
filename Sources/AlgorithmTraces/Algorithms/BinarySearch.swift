extension RandomAccessCollection where Element: Comparable {
    /// Returns the offset of an element equal to `target` in this ascending collection, or
    /// nil when there is none.
    ///
    /// The classic closed-window search: `low` and `high` start at the first and last
    /// offsets; each step reads the midpoint `mid = low + (high - low) / 2` (rounded down,
    /// and written so that it cannot overflow), returns `mid` on a match, and otherwise
    /// keeps the half that can still hold `target`. With duplicates, the offset of
    /// whichever equal element is probed first is returned.
    ///
    ///     let numbers = [1, 3, 4, 7, 9, 12]
    ///     print(numbers.binarySearch(for: 9) as Any)
    ///     // Prints "Optional(4)"
    ///
    /// - Complexity: O(log n) comparisons, at most ⌊log₂ n⌋ + 1 probes; O(1) extra space.
    ///   n is the length of the collection.
    @inlinable
    public func binarySearch(for target: Element) -> Int? {
        var probe = NoOpStepProbe<Element>()
        return binarySearch(for: target, probe: &probe)
    }

    /// Binary search reporting each probe to `probe` as `.probe(index:low:high:)`, with
    /// offsets from `startIndex`.
    @inlinable
    public func binarySearch<Probe: StepProbe>(for target: Element, probe: inout Probe) -> Int?
    where Probe.Value == Element {
        // Invariant: if target is present, some offset in low...high holds it.
        var low = 0
        var high = count - 1
        while low <= high {
            let mid = low + (high - low) / 2
            probe.record(.probe(index: mid, low: low, high: high), [])
            let element = self[index(startIndex, offsetBy: mid)]
            if element == target { return mid }
            if element < target {
                low = mid + 1
            } else {
                high = mid - 1
            }
        }
        return nil
    }
}
