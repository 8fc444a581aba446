/// What the course needs to know about how each algorithm runs, kept beside the entry so a
/// new algorithm is described in one place.
extension AlgorithmEntry {
    /// Whether runs exchange elements with `swapAt` (so a trace question may ask for swaps).
    public var swapsElements: Bool {
        ["bubble-sort", "selection-sort", "quicksort-lomuto", "quicksort-hoare", "quicksort-3way", "heap-sort",
            "introsort", "quickselect"]
            .contains(name)
    }

    /// Whether the first partition leaves a pivot in its final place (a pivot-index question).
    public var placesFirstPivot: Bool { name == "quicksort-lomuto" || name == "quickselect" }

    /// Whether many equal keys make it quadratic: Lomuto's partition puts every key equal to
    /// the pivot on one side.
    public var isQuadraticOnEqualKeys: Bool { name == "quicksort-lomuto" || name == "quickselect" }

    /// The value range benchmark data is drawn from: -1000...1000 for counting sort (a count
    /// table of 2,001 entries, as the course's acceptance criterion states; on the full `Int`
    /// range it would hand over to radix sort), every `Int` for the rest.
    public var benchmarkValueRange: ClosedRange<Int> { name == "counting-sort" ? -1000...1000 : Int.min...Int.max }

    /// Where the cursor between the sorted and the unsorted part stands after `passes` passes
    /// over `count` values, for the algorithms that grow a sorted region one pass at a time
    /// (nil for the others, and when the cursor would sit at either end).
    public func sortedBoundary(afterPasses passes: Int, count: Int) -> Int? {
        let offset: Int
        switch name {
        case "insertion-sort": offset = passes + 1
        case "introsort" where count <= 16: offset = passes + 1  // small inputs run insertion sort
        case "selection-sort": offset = passes
        case "bubble-sort": offset = count - passes
        case "heap-sort" where passes >= 1: offset = count - (passes - 1)
        default: return nil
        }
        return offset > 0 && offset < count ? offset : nil
    }
}
