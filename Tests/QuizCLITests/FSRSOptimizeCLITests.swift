import Foundation
import QuizEngine
import QuizStore
import TestSupport
import Testing

/// `quiz fsrs optimize --save` end to end: after a save, `quiz review` schedules with the
/// saved parameters, exactly as `quiz fsrs replay` given those parameters does.
@Suite("quiz fsrs optimize end to end", .serialized, .tags(.subprocess), .skippedInFastRuns)
struct FSRSOptimizeCLITests {
    /// A store with 150 cards of history (keys outside the banks, which still count), each
    /// answered on three days with grades drawn from a fixed pattern.
    static func storeWithHistory(_ directory: URL) throws {
        let store = try ReviewStore(path: directory.appendingPathComponent("store.sqlite").path)
        let start = Instant(iso8601: "2026-06-01T10:00:00Z")!.microsecondsSinceEpoch
        let dayLength = Instant.microsecondsPerDay
        for card in 0..<150 {
            let days: [Int64] = [0, 1 + Int64(card % 3), 6 + Int64(card % 5)]
            for (position, offset) in days.enumerated() {
                let rating = Rating(rawValue: [[3, 3, 3], [1, 3, 2], [4, 3, 1], [3, 1, 3], [2, 3, 3]][card % 5][position])!
                let time = Instant(microsecondsSinceEpoch: start + (Int64(card / 10) + offset) * dayLength)
                let state = CardState(
                    key: "history/c\(card)", state: .review, step: nil, stability: 3, difficulty: 5,
                    due: time.advanced(byDays: 3), lastReview: time, reviewCount: position + 1)
                try store.record(
                    ReviewRecord(
                        card: state, rating: rating, reviewedAt: time, revision: 1, durationMilliseconds: 3000,
                        retrievability: 0.9))
            }
        }
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)")
    }

    @Test func reviewSchedulesWithTheSavedParameters() throws {
        let (directory, index) = try PracticeCLITests.fixtureIndex()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.storeWithHistory(directory)
        let utc = ["TZ": "UTC"]

        let optimized = try QuizProcess.run(
            ["fsrs", "optimize", "--save", "--format", "json", "--now", "2026-07-01T10:00:00Z"], in: directory,
            environment: utc)
        #expect(optimized.status == 0, "\(optimized.stderr)")
        let fit = try Self.json(optimized.stdout)
        let parameters = try #require(fit["parameters"] as? [Double])
        #expect(fit["saved"] as? Bool == true)
        #expect(fit["reviews"] as? Int == 450 && fit["cards"] as? Int == 150)
        #expect(parameters != FSRSParameters.defaultWeights)

        // Easy on a new card, then Good when it falls due.
        let arguments = ["review", "--index", index, "--format", "jsonl", "--new-limit", "1"]
        let first = try QuizProcess.run(
            arguments + ["--now", "2026-07-02T09:00:00Z"], input: #"{"grade":4}"# + "\n", in: directory,
            environment: utc)
        let saved = try #require(
            try first.stdout.split(separator: "\n").map { try Self.json(String($0)) }.first {
                $0["event"] as? String == "saved"
            }, "\(first.stdout) \(first.stderr)")
        let key = try #require(saved["key"] as? String)
        let due = try #require(saved["due"] as? String)
        let second = try QuizProcess.run(
            arguments + ["--now", due, "--new-limit", "0"], input: #"{"grade":3}"# + "\n", in: directory, environment: utc)
        #expect(second.status == 0, "\(second.stderr)")
        let info = try Self.json(
            try QuizProcess.run(["info", key, "--index", index, "--format", "json"], in: directory, environment: utc).stdout)

        func replay(_ weights: [Double]) throws -> [[String: Any]] {
            let input: [String: Any] = [
                "parameters": weights,
                "sequences": [[["rating": 4, "timestamp": "2026-07-02T09:00:00Z"], ["rating": 3, "timestamp": due]]],
            ]
            let run = try QuizProcess.run(
                ["fsrs", "replay"], input: String(decoding: try JSONSerialization.data(withJSONObject: input), as: UTF8.self))
            let results = try #require(try Self.json(run.stdout)["results"] as? [[[String: Any]]])
            return results[0]
        }
        let withSaved = try replay(parameters)
        let withDefaults = try replay(FSRSParameters.defaultWeights)
        let stability = try #require(info["stability"] as? Double)
        let difficulty = try #require(info["difficulty"] as? Double)
        #expect(abs(stability - (withSaved[1]["stability"] as? Double ?? 0)) < 1e-9)
        #expect(abs(difficulty - (withSaved[1]["difficulty"] as? Double ?? 0)) < 1e-9)
        #expect(abs(stability - (withDefaults[1]["stability"] as? Double ?? 0)) > 1e-3)
        // The first interval: review fuzzes it (by card), replay does not; within the fuzz range.
        let firstInterval =
            (Instant(iso8601: due)!.secondsSinceEpoch - Instant(iso8601: "2026-07-02T09:00:00Z")!.secondsSinceEpoch) / 86400
        let unfuzzed = try #require(withSaved[0]["interval_days"] as? Double)
        #expect(abs(firstInterval - unfuzzed) <= max(1, unfuzzed * 0.25), "\(firstInterval) vs \(unfuzzed)")

        let stats = try Self.json(
            try QuizProcess.run(["stats", "--index", index, "--format", "json"], in: directory, environment: utc).stdout)
        let inForce = try #require(stats["parameters"] as? [String: Any])
        #expect(inForce["source"] as? String == "fitted" && inForce["values"] as? [Double] == parameters)

        let reset = try QuizProcess.run(["fsrs", "optimize", "--reset"], in: directory, environment: utc)
        #expect(reset.status == 0)
        let after = try Self.json(
            try QuizProcess.run(["stats", "--index", index, "--format", "json"], in: directory, environment: utc).stdout)
        #expect((after["parameters"] as? [String: Any])?["source"] as? String == "default")
    }

    @Test(
        "bad combinations and inputs exit 2 naming the problem",
        arguments: [
            (["fsrs", "optimize", "--save", "--reset"], "--save and --reset"),
            (["fsrs", "optimize", "--items", "/nonexistent.json"], "cannot read"),
            (["fsrs", "optimize", "--items", "x.json", "--save"], "cannot be used with --items"),
            (["fsrs", "evaluate", "--parameters", "1,2,3"], "parameter"),
            (["fsrs", "evaluate", "--parameters", "a,b"], "'a' (position 0) is not a number"),
        ])
    func badInvocations(arguments: [String], message: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("quiz-fsrs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try QuizProcess.run(arguments, in: directory)
        #expect(run.status == 2)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }

    @Test func tooLittleHistoryKeepsTheParameters() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("quiz-fsrs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try QuizProcess.run(["fsrs", "optimize", "--save"], in: directory)
        #expect(run.status == 0)
        #expect(run.stdout.contains("Not enough history to fit") && run.stdout.contains("nothing saved"))
        let evaluate = try QuizProcess.run(["fsrs", "evaluate"], in: directory)
        #expect(evaluate.status == 1 && evaluate.stderr.contains("no items to evaluate"))
    }
}
