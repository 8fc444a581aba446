import SeededRandom
import SortingCourse

/// Trace questions on the algorithms beyond sorting: template validation and instances
/// answered by running the traced implementation.
///
/// A template uses the same fields as a sorting trace: `algorithm`, `ask` (the algorithm's
/// one ask), `size` (the array's length, the number of heap operations, of graph vertices or
/// of keys), and `min`/`max` (the values' range; graphs use neither). `pass` and `k` are
/// never used.
///
///     let instance = try StructureQuestion.instance(algorithm: "binary-search", seed: 1)
///     print(instance.inputText)
public enum StructureQuestion {
    /// Every problem of a template's parameters as written (nil: not written), empty when
    /// the template is valid. Omitted `size`, `min`, `max` take the sorting traces'
    /// defaults 6, 0 and 9.
    ///
    /// Checks: the algorithm is in ``TracedAlgorithmCatalog``; the ask is its ask; `pass`
    /// and `k` are absent, and so are `min` and `max` for a graph; `size` is in 2...16; `min`
    /// and `max` are in -9999...9999 with `min < max`, and for binary search and linear
    /// probing hold at least `size` distinct values.
    public static func validate(
        algorithm: String, ask: String, pass: Int? = nil, k: Int? = nil, size: Int? = nil, min: Int? = nil,
        max: Int? = nil
    ) -> [TraceQuestionError] {
        guard let entry = TracedAlgorithmCatalog.entry(named: algorithm) else {
            return [.unknownTraceAlgorithm(algorithm)]
        }
        var problems: [TraceQuestionError] = []
        if ask != entry.ask.rawValue { problems.append(.unknownStructureAsk(ask, algorithm: entry)) }
        if pass != nil { problems.append(.unusedByStructure("pass", algorithm: entry)) }
        if k != nil { problems.append(.unusedByStructure("k", algorithm: entry)) }
        let size = size ?? TraceQuestion.defaultSize
        if !TraceQuestion.sizeRange.contains(size) { problems.append(.sizeOutOfRange(size)) }
        if entry.input == .graphAndStart {
            if min != nil { problems.append(.unusedByStructure("min", algorithm: entry)) }
            if max != nil { problems.append(.unusedByStructure("max", algorithm: entry)) }
            return problems
        }
        let lower = min ?? TraceQuestion.defaultMin
        let upper = max ?? TraceQuestion.defaultMax
        let valueProblems = TraceQuestion.rangeProblems(min: lower, max: upper)
        problems += valueProblems
        if valueProblems.isEmpty, entry.input != .heapOperations, upper - lower + 1 < size {
            problems.append(.rangeTooNarrow(size: size, min: lower, max: upper, algorithm: entry.name))
        }
        return problems
    }

    /// The instance of a template for `seed`: the input drawn by
    /// ``StructureInputGenerator/input(_:size:min:max:using:)`` from one
    /// `Xoshiro256StarStar(seed: seed)`, and the answer computed by tracing the run. Every
    /// valid template is answerable on its first draw.
    ///
    /// - Throws: the first problem of ``validate(algorithm:ask:pass:k:size:min:max:)``.
    public static func instance(
        algorithm: String, ask: String? = nil, pass: Int? = nil, k: Int? = nil, size: Int = TraceQuestion.defaultSize,
        min: Int = TraceQuestion.defaultMin, max: Int = TraceQuestion.defaultMax, seed: UInt64
    ) throws(TraceQuestionError) -> TraceInstance {
        guard let entry = TracedAlgorithmCatalog.entry(named: algorithm) else {
            throw .unknownTraceAlgorithm(algorithm)
        }
        let graph = entry.input == .graphAndStart
        let problems = validate(
            algorithm: algorithm, ask: ask ?? entry.ask.rawValue, pass: pass, k: k, size: size,
            min: graph ? nil : min, max: graph ? nil : max)
        if let problem = problems.first { throw problem }
        var generator = Xoshiro256StarStar(seed: seed)
        let input = StructureInputGenerator.input(entry.input, size: size, min: min, max: max, using: &generator)
        let trace = try entry.trace(input)
        return TraceInstance(
            input: input.numbers, answer: .array(trace.answer), draw: 0, inputText: input.markdown,
            sequenceName: entry.ask.sequenceName)
    }
}
