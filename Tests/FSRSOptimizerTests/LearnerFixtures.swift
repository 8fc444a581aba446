import Foundation
import TestSupport
import Testing

@testable import FSRSOptimizer

/// `Fixtures/learners.json`, written by `Fixtures/make_fixtures.py` with fsrs-rs-python 0.9.3:
/// simulated learners' review histories and fsrs-rs's fits and evaluations of them.
struct LearnerFixtures: Decodable {
    struct Evaluation: Decodable {
        var log_loss: Double
        var rmse_bins: Double
    }

    struct Pair: Decodable {
        var `default`: Evaluation
        var fitted: Evaluation
    }

    struct Probe: Decodable {
        var parameters: [Double]
        var held_out: Evaluation
    }

    struct Oracle: Decodable {
        var fitted: [Double]
        var train: Pair
        var held_out: Pair
        var probes: [Probe]
    }

    struct Learner: Decodable, CustomTestStringConvertible {
        var learner: String
        var size: String
        var true_parameters: [Double]
        /// Per card, its reviews as [rating, day].
        var train: [[[Int]]]
        var held_out: [[[Int]]]
        var train_items: Int
        var held_out_items: Int
        var fsrs_rs: Oracle

        var testDescription: String { "\(learner) (\(size))" }

        var trainingItems: [FSRSItem] { Self.items(train) }
        var heldOutItems: [FSRSItem] { Self.items(held_out) }

        static func items(_ cards: [[[Int]]]) -> [FSRSItem] {
            FSRSItem.items(fromHistories: cards.map { $0.map { (rating: $0[0], day: $0[1]) } })
        }
    }

    var `default`: [Double]
    var learners: [Learner]

    static let shared: LearnerFixtures = {
        let url = TestPaths.packageRoot.appendingPathComponent("Tests/FSRSOptimizerTests/Fixtures/learners.json")
        do {
            return try JSONDecoder().decode(LearnerFixtures.self, from: Data(contentsOf: url))
        } catch {
            fatalError("cannot read \(url.path): \(error)")
        }
    }()
}
