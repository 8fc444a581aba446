import Foundation
import Testing

@testable import QuizEngine

/// The oracle's input format (fsrs6.md §4) and the golden file written by
/// `Fixtures/fsrs/make_vectors.py`, decoded for the tests.
enum FSRSGolden {
    struct File: Decodable {
        let reviews: Int
        let cases: [Case]
    }

    struct Case: Decodable {
        let name: String
        let input: Input
        let expected: [[Expected]]
    }

    struct Input: Decodable {
        let parameters: [Double]?
        let desiredRetention: Double?
        let learningStepsSeconds: [Double]?
        let relearningStepsSeconds: [Double]?
        let maximumInterval: Int?
        let start: String?
        let sequences: [Sequence]

        enum CodingKeys: String, CodingKey {
            case parameters, start, sequences
            case desiredRetention = "desired_retention"
            case learningStepsSeconds = "learning_steps_seconds"
            case relearningStepsSeconds = "relearning_steps_seconds"
            case maximumInterval = "maximum_interval"
        }
    }

    /// A bare list of reviews, or `{"start", "reviews"}`.
    struct Sequence: Decodable {
        let start: String?
        let reviews: [Review]

        init(from decoder: any Decoder) throws {
            if let reviews = try? [Review](from: decoder) {
                start = nil
                self.reviews = reviews
            } else {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                start = try container.decodeIfPresent(String.self, forKey: .start)
                reviews = try container.decode([Review].self, forKey: .reviews)
            }
        }

        enum CodingKeys: String, CodingKey { case start, reviews }
    }

    struct Review: Decodable {
        let rating: Int
        let daysSinceStart: Double?
        let timestamp: String?

        enum CodingKeys: String, CodingKey {
            case rating, timestamp
            case daysSinceStart = "days_since_start"
        }
    }

    /// The oracle's output for one review (the fields the tests compare).
    struct Expected: Decodable {
        let state: String
        let step: Int?
        let stability: Double
        let difficulty: Double
        let due: String
        let intervalDays: Double
        let retrievability: Double
        let elapsedDays: Int?
        let branch: String

        enum CodingKeys: String, CodingKey {
            case state, step, stability, difficulty, due, retrievability, branch
            case intervalDays = "interval_days"
            case elapsedDays = "elapsed_days"
        }
    }

    /// The golden file, decoded once.
    static let file: File = {
        let url = fixtureURL("golden.json")
        do {
            return try JSONDecoder().decode(File.self, from: Data(contentsOf: url))
        } catch {
            fatalError("cannot read \(url.path): \(error)")
        }
    }()

    static func fixtureURL(_ name: String, file: String = #filePath) -> URL {
        URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("Fixtures/fsrs/\(name)")
    }

    /// The scheduler the oracle builds from `input`, fuzz off.
    static func scheduler(for input: Input) throws -> Scheduler {
        let parameters = try FSRSParameters(weights: input.parameters ?? FSRSParameters.defaultWeights)
        return Scheduler(
            try SchedulerConfiguration(
                parameters: parameters, desiredRetention: input.desiredRetention ?? 0.9,
                learningSteps: input.learningStepsSeconds ?? [60, 600],
                relearningSteps: input.relearningStepsSeconds ?? [600],
                maximumInterval: input.maximumInterval ?? 36500, isFuzzEnabled: false))
    }

    /// Every review of every sequence of `input`, replayed from a new card.
    static func replay(_ input: Input) throws -> [[(card: CardState, log: ReviewLog)]] {
        let scheduler = try scheduler(for: input)
        let defaultStart = try instant(input.start ?? "2024-01-01T00:00:00+00:00")
        return try input.sequences.map { sequence in
            let start = try sequence.start.map(instant) ?? defaultStart
            var card = CardState(key: "card", due: start)
            return try sequence.reviews.map { review in
                let when = try review.timestamp.map(instant) ?? start.advanced(byDays: review.daysSinceStart ?? 0)
                let rating = try #require(Rating(rawValue: review.rating))
                let result = scheduler.review(card, rating: rating, at: when)
                card = result.card
                return result
            }
        }
    }

    static func instant(_ text: String) throws -> Instant {
        try #require(Instant(iso8601: text), "not an ISO 8601 time: \(text)")
    }
}

/// `actual` equals `expected` to 1e-9, relative when |expected| > 1.
func isClose(_ actual: Double, _ expected: Double, tolerance: Double = 1e-9) -> Bool {
    abs(actual - expected) <= tolerance * max(1, abs(expected))
}
