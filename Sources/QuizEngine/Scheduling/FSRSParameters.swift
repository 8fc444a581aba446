/// The 21 FSRS-6 weights w[0]...w[20], validated against py-fsrs 6.3.2's bounds.
///
/// The defaults are py-fsrs ≥ 6.2.0's (the srs-benchmark medians). Like py-fsrs, and
/// unlike fsrs-rs, an out-of-bounds vector is rejected rather than clipped, and every
/// offending index is named:
///
///     do { _ = try FSRSParameters(weights: w) } catch { print(error) }
///     // Prints "invalid FSRS configuration: w[7] = 0.9 is outside 0.001...0.75"
public struct FSRSParameters: Hashable, Sendable {
    /// The weights, exactly 21 of them, each within ``bounds``.
    public let weights: [Double]

    /// py-fsrs's `DEFAULT_PARAMETERS` (6.2.0 and later).
    public static let defaultWeights: [Double] = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]

    /// py-fsrs's `LOWER_BOUNDS_PARAMETERS`...`UPPER_BOUNDS_PARAMETERS`, per index.
    public static let bounds: [ClosedRange<Double>] = [
        0.001...100, 0.001...100, 0.001...100, 0.001...100,  // S0 per grade
        1.0...10.0, 0.001...4.0, 0.001...4.0, 0.001...0.75,  // D0, difficulty step, mean reversion
        0.0...4.5, 0.0...0.8, 0.001...3.5,  // recall stability
        0.001...5.0, 0.001...0.25, 0.001...0.9, 0.0...4.0,  // post-lapse stability
        0.0...1.0, 1.0...6.0,  // hard penalty, easy bonus
        0.0...2.0, 0.0...2.0, 0.0...0.8,  // short-term stability
        0.1...0.8,  // decay
    ]

    /// The default weights.
    public static let `default` = FSRSParameters(unchecked: defaultWeights)

    /// Validated weights.
    ///
    /// - Throws: ``FSRSConfigurationError`` listing a wrong count, or every index whose
    ///   value is outside its bounds (NaN included).
    public init(weights: [Double]) throws(FSRSConfigurationError) {
        let problems = FSRSParameters.problems(in: weights)
        guard problems.isEmpty else { throw FSRSConfigurationError(problems: problems) }
        self.weights = weights
    }

    private init(unchecked weights: [Double]) { self.weights = weights }

    /// `w[index]`.
    public subscript(index: Int) -> Double { weights[index] }

    static func problems(in weights: [Double]) -> [FSRSConfigurationError.Problem] {
        guard weights.count == bounds.count else { return [.parameterCount(weights.count)] }
        return zip(weights, bounds).enumerated().compactMap { index, pair in
            let (value, range) = pair
            return range.contains(value) ? nil : .parameterOutOfBounds(index: index, value: value, bounds: range)
        }
    }
}
