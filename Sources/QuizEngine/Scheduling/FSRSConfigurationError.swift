/// Every problem found in FSRS parameters or scheduler settings, reported at once.
///
///     invalid FSRS configuration: w[7] = 0.9 is outside 0.001...0.75
public struct FSRSConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// One problem, naming the field it concerns.
    public enum Problem: Hashable, Sendable, CustomStringConvertible {
        /// The weight vector does not have exactly 21 values.
        case parameterCount(Int)
        /// `w[index] = value` lies outside `bounds` (or is not a number).
        case parameterOutOfBounds(index: Int, value: Double, bounds: ClosedRange<Double>)
        /// The desired retention is not strictly between 0 and 1.
        case desiredRetention(Double)
        /// A learning (or relearning) step is not within 1 µs...3.2e9 s.
        case step(relearning: Bool, index: Int, seconds: Double)
        /// The maximum interval is below one day or above ``SchedulerConfiguration/maximumIntervalLimit``.
        case maximumInterval(Int)

        public var description: String {
            switch self {
            case .parameterCount(let count):
                return "expected exactly 21 parameters w[0]...w[20] (FSRS-6), got \(count); "
                    + "re-optimise older FSRS-4.5/5 vectors of 17 or 19 values, or use the defaults"
            case .parameterOutOfBounds(let index, let value, let bounds):
                return "w[\(index)] = \(value) is outside \(bounds.lowerBound)...\(bounds.upperBound)"
            case .desiredRetention(let value):
                return "desired retention \(value) must be strictly between 0 and 1 (for example 0.9)"
            case .step(let relearning, let index, let seconds):
                let name = relearning ? "relearning" : "learning"
                return
                    "\(name) step [\(index)] = \(seconds) s must be a positive number of seconds, from 0.000001 to 3200000000"
            case .maximumInterval(let days):
                return
                    "maximum interval \(days) must be between 1 and \(SchedulerConfiguration.maximumIntervalLimit) days"
            }
        }
    }

    /// The problems, in field order (parameters by index first).
    public var problems: [Problem]

    public init(problems: [Problem]) { self.problems = problems }

    public var description: String {
        "invalid FSRS configuration: " + problems.map(\.description).joined(separator: "; ")
    }
}
