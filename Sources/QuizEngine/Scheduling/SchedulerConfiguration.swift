/// Everything that shapes an FSRS schedule, validated once (py-fsrs's `Scheduler` settings).
///
///     let configuration = try SchedulerConfiguration(desiredRetention: 0.9, isFuzzEnabled: false)
public struct SchedulerConfiguration: Hashable, Sendable {
    /// The memory model's weights.
    public private(set) var parameters: FSRSParameters
    /// The target probability of recall when a review card falls due, in (0, 1).
    public let desiredRetention: Double
    /// Learning steps in seconds, in order (py-fsrs default 1 min, 10 min); may be empty.
    public let learningSteps: [Double]
    /// Relearning steps in seconds (default 10 min); may be empty.
    public let relearningSteps: [Double]
    /// The longest interval, in days, a review card can be scheduled.
    public let maximumInterval: Int
    /// Whether review intervals get a small deterministic fuzz (see ``Scheduler``).
    /// py-fsrs enables fuzzing by default; its oracle and the golden vectors turn it off.
    public let isFuzzEnabled: Bool

    /// The steps as Python `timedelta`s would hold them: whole microseconds.
    let learningStepMicroseconds: [Int64]
    let relearningStepMicroseconds: [Int64]

    /// These settings with other weights: always valid, since ``FSRSParameters`` are validated
    /// on their own (a saved fit scheduling with the default retention and steps).
    public func replacing(parameters: FSRSParameters) -> SchedulerConfiguration {
        var copy = self
        copy.parameters = parameters
        return copy
    }

    /// The largest accepted ``maximumInterval``: about 27,000 years, so due times stay
    /// far inside `Int64` microseconds.
    public static let maximumIntervalLimit = 10_000_000

    /// py-fsrs's defaults, fuzz included.
    public static let `default` = try! SchedulerConfiguration()

    /// A validated configuration.
    ///
    /// - Throws: ``FSRSConfigurationError`` naming every invalid setting: a desired retention
    ///   outside (0, 1), a step that is not a positive finite number of seconds, or a maximum
    ///   interval outside 1...``maximumIntervalLimit`` days.
    public init(
        parameters: FSRSParameters = .default,
        desiredRetention: Double = 0.9,
        learningSteps: [Double] = [60, 600],
        relearningSteps: [Double] = [600],
        maximumInterval: Int = 36500,
        isFuzzEnabled: Bool = true
    ) throws(FSRSConfigurationError) {
        var problems: [FSRSConfigurationError.Problem] = []
        if !(desiredRetention > 0 && desiredRetention < 1) { problems.append(.desiredRetention(desiredRetention)) }
        for (relearning, steps) in [(false, learningSteps), (true, relearningSteps)] {
            // A step must last at least one microsecond once rounded as a timedelta, and at
            // most about a century, far from overflowing the microsecond arithmetic.
            for (index, seconds) in steps.enumerated()
            where !(seconds > 0 && seconds <= 3.2e9 && PythonTimedelta.microseconds(seconds, unit: 1_000_000) >= 1) {
                problems.append(.step(relearning: relearning, index: index, seconds: seconds))
            }
        }
        if !(1...SchedulerConfiguration.maximumIntervalLimit).contains(maximumInterval) {
            problems.append(.maximumInterval(maximumInterval))
        }
        guard problems.isEmpty else { throw FSRSConfigurationError(problems: problems) }
        self.parameters = parameters
        self.desiredRetention = desiredRetention
        self.learningSteps = learningSteps
        self.relearningSteps = relearningSteps
        self.maximumInterval = maximumInterval
        self.isFuzzEnabled = isFuzzEnabled
        learningStepMicroseconds = learningSteps.map { PythonTimedelta.microseconds($0, unit: 1_000_000) }
        relearningStepMicroseconds = relearningSteps.map { PythonTimedelta.microseconds($0, unit: 1_000_000) }
    }
}
