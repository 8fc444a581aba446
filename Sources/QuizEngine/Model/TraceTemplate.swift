import AlgorithmTraces
import SortingCourse

/// The generator parameters of a `trace` question: which algorithm runs, on what kind of
/// input, and what the learner predicts.
///
/// The answer is never stored: each instance is made from (template, seed) and answered by
/// running the traced implementation.
public struct TraceTemplate: Sendable, Hashable, Codable {
    /// A name from the sorting course's algorithm catalog, such as `bubble-sort`, or from
    /// ``AlgorithmTraces/TracedAlgorithmCatalog``, such as `binary-search`.
    public var algorithm: String
    /// What to predict, as a raw ask name (`array-after-pass`, `comparisons`, …).
    public var ask: String
    /// The 1-based pass for `array-after-pass`.
    public var pass: Int?
    /// The 1-based rank for `kth-smallest`.
    public var k: Int?
    /// The input length.
    public var size: Int
    /// The smallest input value.
    public var minimum: Int
    /// The largest input value.
    public var maximum: Int

    public init(
        algorithm: String, ask: String, pass: Int? = nil, k: Int? = nil,
        size: Int = TraceQuestion.defaultSize, minimum: Int = TraceQuestion.defaultMin,
        maximum: Int = TraceQuestion.defaultMax
    ) {
        self.algorithm = algorithm
        self.ask = ask
        self.pass = pass
        self.k = k
        self.size = size
        self.minimum = minimum
        self.maximum = maximum
    }
}

extension TraceTemplate {
    /// The instance for `seed`, run by the sorting course or, for the algorithms beyond
    /// sorting, by ``AlgorithmTraces``: its input and computed answer.
    ///
    /// - Throws: ``SortingCourse/TraceQuestionError`` for an unknown ask or algorithm, invalid
    ///   parameters, or a pass no drawn input reaches.
    public func instance(seed: UInt64) throws(TraceQuestionError) -> TraceInstance {
        try TraceQuestions.instance(
            algorithm: algorithm, ask: ask, pass: pass, k: k, size: size, min: minimum, max: maximum, seed: seed)
    }
}
