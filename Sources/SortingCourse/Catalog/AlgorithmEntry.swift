/// What an algorithm computes, which decides the trace questions it supports.
public enum AlgorithmKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Sorts through a comparison predicate.
    case comparison
    /// Sorts integers (or integer keys) without comparing elements.
    case integer
    /// Selects one order statistic instead of sorting.
    case selection
}

/// One algorithm of the sorting course: its facts and a type-erased way to run it.
///
/// The facts (stability, in-place-ness, complexities) are what the bank compiler checks
/// a course module's declarations against, and what `quiz course list` shows.
public struct AlgorithmEntry: Sendable, CustomStringConvertible {
    /// The catalog name, such as `merge-sort`.
    public let name: String
    /// A human title, such as "Merge sort (top-down)".
    public let title: String
    public let kind: AlgorithmKind
    /// Whether equal keys keep their input order.
    public let stable: Bool
    /// Whether the extra space is O(1) or O(log n) (a recursion stack).
    public let inPlace: Bool
    /// Time complexities, written like "O(n log n)".
    public let best: String
    public let average: String
    public let worst: String
    /// Extra space, like "O(1)".
    public let space: String
    /// One line saying how it works.
    public let summary: String

    let runInts: @Sendable (inout [Int]) -> Void
    let traceInts: @Sendable (_ input: [Int], _ k: Int, _ full: Bool) -> SortTrace

    init(
        name: String, title: String, kind: AlgorithmKind, stable: Bool, inPlace: Bool,
        best: String, average: String, worst: String, space: String, summary: String,
        run: @escaping @Sendable (inout [Int]) -> Void,
        trace: @escaping @Sendable (_ array: inout TracedArray, _ probe: inout RecordingProbe) -> Void
    ) {
        self.init(
            name: name, title: title, kind: kind, stable: stable, inPlace: inPlace,
            best: best, average: average, worst: worst, space: space, summary: summary,
            run: run,
            traceSelecting: { input, k, full in
                SortTrace.record(algorithm: name, input: input, full: full) { trace(&$0, &$1) }
            })
    }

    init(
        name: String, title: String, kind: AlgorithmKind, stable: Bool, inPlace: Bool,
        best: String, average: String, worst: String, space: String, summary: String,
        run: @escaping @Sendable (inout [Int]) -> Void,
        traceSelecting: @escaping @Sendable (_ input: [Int], _ k: Int, _ full: Bool) -> SortTrace
    ) {
        self.name = name
        self.title = title
        self.kind = kind
        self.stable = stable
        self.inPlace = inPlace
        self.best = best
        self.average = average
        self.worst = worst
        self.space = space
        self.summary = summary
        self.runInts = run
        self.traceInts = traceSelecting
    }

    /// Whether the average case is quadratic; the benchmark refuses such algorithms
    /// beyond ``Benchmark/quadraticLimit`` elements.
    public var isQuadratic: Bool { average == "O(n^2)" }

    /// The rank quickselect selects when none is given: the lower median, `(n + 1) / 2`.
    public static func defaultRank(count: Int) -> Int { (count + 1) / 2 }

    /// Runs the algorithm on `values`, untraced: the same generic code as the traced run,
    /// specialised for `[Int]` with ``NoOpProbe``.
    ///
    /// A sort sorts; quickselect selects the lower median (rank `(n + 1) / 2`), leaving
    /// it at offset `rank - 1` with the array partitioned around it.
    public func run(_ values: inout [Int]) {
        runInts(&values)
    }

    /// Runs the algorithm on a copy of `input` and returns the full step trace.
    ///
    /// - Parameter k: For quickselect, the 1-based rank to select (default: the lower
    ///   median); ignored by the sorts.
    /// - Throws: `TraceQuestionError.Code.kOutOfRange` when `k` is not in `1...input.count`.
    public func trace(_ input: [Int], k: Int? = nil) throws(TraceQuestionError) -> SortTrace {
        try trace(input, k: k, full: true)
    }

    func trace(_ input: [Int], k: Int?, full: Bool) throws(TraceQuestionError) -> SortTrace {
        var rank = 0
        if kind == .selection {
            rank = k ?? Self.defaultRank(count: input.count)
            guard (1...Swift.max(1, input.count)).contains(rank), !input.isEmpty else {
                throw .kOutOfRange(k: rank, size: input.count)
            }
        }
        return traceInts(input, rank, full)
    }

    public var description: String { name }
}
