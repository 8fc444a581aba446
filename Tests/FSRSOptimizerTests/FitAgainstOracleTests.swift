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

    @Test("fitted parameters predict held-out reviews within 0.002 of fsrs-rs's", arguments: learners)
    func fitMatches(_ learner: LearnerFixtures.Learner) throws {
        let fit = FSRSOptimizer.fit(learner.trainingItems)
        #expect(fit.outcome == .fitted)
        let heldOut = FSRSEvaluation(parameters: fit.parameters, items: learner.heldOutItems)
        let oracle = learner.fsrs_rs.held_out
        let distance = zip(fit.parameters.weights, learner.fsrs_rs.fitted).enumerated().map { i, p in abs(p.0 - p.1) / FSRSOptimizer.parameterSpread[i] }.reduce(0, +)
        print("FIT", learner.testDescription, distance, heldOut.logLoss - oracle.fitted.log_loss)
        #expect(heldOut.logLoss <= oracle.fitted.log_loss + 0.002)
        if oracle.fitted.log_loss < oracle.default.log_loss {
            #expect(heldOut.logLoss < oracle.default.log_loss)
        }
    }
}
