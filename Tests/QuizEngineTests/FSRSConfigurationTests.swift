import Testing

@testable import QuizEngine

/// Parameter and setting validation: every problem named, bounds inclusive.
@Suite("FSRS configuration validation")
struct FSRSConfigurationTests {
    static func weights(_ changes: [Int: Double]) -> [Double] {
        var w = FSRSParameters.defaultWeights
        for (index, value) in changes { w[index] = value }
        return w
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var id: String
        var weights: [Double]
        var message: String
        var testDescription: String { id }
    }

    @Test(
        "invalid weights are rejected with every offending index named",
        arguments: [
            Case(
                id: "empty", weights: [],
                message: "invalid FSRS configuration: expected exactly 21 parameters w[0]...w[20] (FSRS-6), got 0; "
                    + "re-optimise older FSRS-4.5/5 vectors of 17 or 19 values, or use the defaults"),
            Case(
                id: "FSRS-5 (19 values)", weights: Array(FSRSParameters.defaultWeights.prefix(19)),
                message: "invalid FSRS configuration: expected exactly 21 parameters w[0]...w[20] (FSRS-6), got 19; "
                    + "re-optimise older FSRS-4.5/5 vectors of 17 or 19 values, or use the defaults"),
            Case(
                id: "22 values", weights: FSRSParameters.defaultWeights + [0.1],
                message: "invalid FSRS configuration: expected exactly 21 parameters w[0]...w[20] (FSRS-6), got 22; "
                    + "re-optimise older FSRS-4.5/5 vectors of 17 or 19 values, or use the defaults"),
            Case(
                id: "w7 too large", weights: weights([7: 0.9]),
                message: "invalid FSRS configuration: w[7] = 0.9 is outside 0.001...0.75"),
            Case(
                id: "several", weights: weights([0: 0, 16: 0.5, 20: 0.81]),
                message: "invalid FSRS configuration: w[0] = 0.0 is outside 0.001...100.0; "
                    + "w[16] = 0.5 is outside 1.0...6.0; w[20] = 0.81 is outside 0.1...0.8"),
            Case(
                id: "NaN and infinity", weights: weights([4: .nan, 8: .infinity]),
                message: "invalid FSRS configuration: w[4] = nan is outside 1.0...10.0; w[8] = inf is outside 0.0...4.5"
            ),
        ])
    func invalidWeights(_ row: Case) {
        #expect {
            _ = try FSRSParameters(weights: row.weights)
        } throws: { error in
            (error as? FSRSConfigurationError)?.description == row.message
        }
    }

    @Test("the bounds themselves are valid (inclusive), and so are the defaults")
    func bounds() throws {
        _ = try FSRSParameters(weights: FSRSParameters.bounds.map(\.lowerBound))
        _ = try FSRSParameters(weights: FSRSParameters.bounds.map(\.upperBound))
        #expect(try FSRSParameters(weights: FSRSParameters.defaultWeights) == .default)
        #expect(FSRSParameters.problems(in: FSRSParameters.defaultWeights).isEmpty)
    }

    @Test(
        "invalid settings are named",
        arguments: [
            (0.0, [60.0], [600.0], 36500, ["desired retention 0.0 must be strictly between 0 and 1 (for example 0.9)"]),
            (1.0, [60], [600], 36500, ["desired retention 1.0 must be strictly between 0 and 1 (for example 0.9)"]),
            (.nan, [60], [600], 36500, ["desired retention nan must be strictly between 0 and 1 (for example 0.9)"]),
            (
                0.9, [60, -1], [0], 0,
                [
                    "learning step [1] = -1.0 s must be a positive number of seconds, from 0.000001 to 3200000000",
                    "relearning step [0] = 0.0 s must be a positive number of seconds, from 0.000001 to 3200000000",
                    "maximum interval 0 must be between 1 and 10000000 days",
                ]
            ),
            (
                0.9, [4e-7], [.infinity], 36500,
                [
                    "learning step [0] = 4e-07 s must be a positive number of seconds, from 0.000001 to 3200000000",
                    "relearning step [0] = inf s must be a positive number of seconds, from 0.000001 to 3200000000",
                ]
            ),
        ] as [(Double, [Double], [Double], Int, [String])])
    func invalidSettings(retention: Double, learning: [Double], relearning: [Double], maximum: Int, messages: [String])
    {
        #expect {
            _ = try SchedulerConfiguration(
                desiredRetention: retention, learningSteps: learning, relearningSteps: relearning,
                maximumInterval: maximum)
        } throws: { error in
            (error as? FSRSConfigurationError)?.problems.map(\.description) == messages
        }
    }

    @Test("valid edge settings are accepted")
    func validSettings() throws {
        let configuration = try SchedulerConfiguration(
            desiredRetention: 0.999, learningSteps: [], relearningSteps: [0.000001], maximumInterval: 1)
        #expect(configuration.relearningStepMicroseconds == [1])
        #expect(SchedulerConfiguration.default.isFuzzEnabled)
    }
}
