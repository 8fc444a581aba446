import QuizEngine
import Testing

@testable import FSRSOptimizer

/// quiz's optimizer and evaluator against fsrs-rs on the committed simulated learners.
@Suite struct FitAgainstOracleTests {
    static let learners = LearnerFixtures.shared.learners

    @Test("items are built as the fixture script built them", arguments: learners)
    func itemCounts(_ learner: LearnerFixtures.Learner) {
        #expect(learner.trainingItems.count == learner.train_items)
        #expect(learner.heldOutItems.count == learner.held_out_items)
    }

    @Test("evaluate equals fsrs-rs's evaluate to 1e-4", arguments: learners)
    func evaluationMatches(_ learner: LearnerFixtures.Learner) throws {
        let items = learner.heldOutItems
        for probe in learner.fsrs_rs.probes {
            let evaluation = FSRSEvaluation(weights: probe.parameters, items: items)
            #expect(abs(evaluation.logLoss - probe.held_out.log_loss) < 1e-4, "\(probe.parameters)")
            #expect(abs(evaluation.rmseBins - probe.held_out.rmse_bins) < 1e-4, "\(probe.parameters)")
        }
        let defaults = FSRSEvaluation(parameters: .default, items: items)
        #expect(abs(defaults.logLoss - learner.fsrs_rs.held_out.default.log_loss) < 1e-4)
        #expect(abs(defaults.rmseBins - learner.fsrs_rs.held_out.default.rmse_bins) < 1e-4)
    }

    /// The fit is judged on other cards of the same learner, by the evaluator proven equal to
    /// fsrs-rs's above (LiveOracleTests has fsrs-rs judge it directly when it is installed).
    @Test("fitted parameters predict held-out reviews within 0.002 of fsrs-rs's", arguments: learners)
    func fitMatches(_ learner: LearnerFixtures.Learner) throws {
        let fit = FSRSOptimizer.fit(learner.trainingItems)
        #expect(fit.outcome == .fitted)
        let heldOut = FSRSEvaluation(parameters: fit.parameters, items: learner.heldOutItems)
        let oracle = learner.fsrs_rs.held_out
        #expect(heldOut.logLoss <= oracle.fitted.log_loss + 0.002)
        if oracle.fitted.log_loss < oracle.default.log_loss {
            #expect(heldOut.logLoss < oracle.default.log_loss)
        }
    }
}

@Suite struct FitBehaviourTests {
    static let medium = LearnerFixtures.shared.learners.first { $0.size == "medium" }!

    @Test func fittingIsDeterministic() {
        let items = Array(Self.medium.trainingItems.prefix(3000))
        #expect(FSRSOptimizer.fit(items) == FSRSOptimizer.fit(items))
    }

    @Test("the outcome follows fsrs-rs's thresholds", arguments: [(0, FSRSFit.Outcome.notEnoughData), (5, .notEnoughData), (40, .initialStabilitiesOnly), (2000, .fitted)])
    func outcomeByAmountOfData(count: Int, outcome: FSRSFit.Outcome) {
        let fit = FSRSOptimizer.fit(Array(Self.medium.trainingItems.prefix(count)))
        #expect(fit.outcome == outcome)
        #expect(fit.items == count)
        if outcome == .notEnoughData { #expect(fit.parameters == .default) }
        if outcome == .initialStabilitiesOnly {
            #expect(Array(fit.parameters.weights[4...]) == Array(FSRSParameters.defaultWeights[4...]))
        }
    }

    @Test func fittedParametersAreWithinBoundsAndRounded() {
        let fit = FSRSOptimizer.fit(Self.medium.trainingItems)
        for (index, value) in fit.parameters.weights.enumerated() {
            #expect(FSRSParameters.bounds[index].contains(value))
            #expect((value * 10_000).rounded() / 10_000 == value)
        }
        #expect(fit.parameters.weights[0...3] == fit.parameters.weights[0...3].sorted()[...])
    }
}
