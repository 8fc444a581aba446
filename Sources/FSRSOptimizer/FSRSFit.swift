import QuizEngine

/// What fitting FSRS-6 to a review history produced.
public struct FSRSFit: Hashable, Sendable {
    /// How far the fit went, which depends on how much history there was.
    public enum Outcome: Hashable, Sendable {
        /// Fewer than ``FSRSOptimizer/minimumItems`` items: the parameters are the defaults.
        case notEnoughData
        /// Enough to estimate the first-review stabilities (w0-w3) only; the rest are defaults.
        case initialStabilitiesOnly
        /// All 21 parameters fitted by gradient descent.
        case fitted
    }

    public var outcome: Outcome
    /// The parameters to schedule with.
    public var parameters: FSRSParameters
    /// The items the fit was given.
    public var items: Int
    /// The items left for training after fsrs-rs's outlier filter.
    public var trainingItems: Int
    /// The default parameters, evaluated on the given items.
    public var defaultEvaluation: FSRSEvaluation
    /// The fitted parameters, evaluated on the given items.
    public var fittedEvaluation: FSRSEvaluation
}
