import FSRSOptimizer
import Foundation

/// Fitting FSRS-6 parameters: quiz's optimizer against fsrs-rs on the same items, the
/// simulated learners' training sets committed as the optimizer's test fixtures (up to
/// 109,140 reviews). fsrs-rs runs in the test tools' virtual environment
/// (`.build/test-tools/fsrs-rs`, made by `swift test`), timed inside Python so its start-up
/// is not counted; without it only quiz's times are shown.
struct FSRSBenchmark {
    let runs: Int

    /// Fits under 2 s for 100,000 reviews.
    static let targetSeconds = 2.0

    struct Learner: Decodable {
        var learner: String
        var size: String
        var train: [[[Int]]]
    }

    struct Fixtures: Decodable {
        var learners: [Learner]
    }

    func run() -> Bool {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let fixtures = root.appendingPathComponent("Tests/FSRSOptimizerTests/Fixtures/learners.json")
        guard let data = try? Data(contentsOf: fixtures),
            let learners = try? JSONDecoder().decode(Fixtures.self, from: data).learners
        else {
            print("fsrs: cannot read \(fixtures.path)")
            return false
        }
        let python = root.appendingPathComponent(".build/test-tools/fsrs-rs/bin/python3").path
        let hasOracle = FileManager.default.isExecutableFile(atPath: python)
        print("fsrs: fitting the 21 parameters, median of \(runs) (release build; fsrs-rs-python 0.9.3 in-process)")
        print("  learner                  reviews    items        quiz     fsrs-rs   ratio")
        var met = true
        for learner in learners {
            let histories = learner.train.map { $0.map { (rating: $0[0], day: $0[1]) } }
            let items = FSRSItem.items(fromHistories: histories)
            let reviews = learner.train.reduce(0) { $0 + $1.count }
            let quiz = Measure.median(runs: runs) { _ = FSRSOptimizer.fit(items) }
            let oracle = hasOracle ? Self.fsrsRSSeconds(python: python, items: items, runs: runs) : nil
            let name = "\(learner.learner) (\(learner.size))"
            let ratio = oracle.map { " " + Self.fixed(quiz / $0) + "x" } ?? ""
            print(
                "  " + name.padding(toLength: 24, withPad: " ", startingAt: 0) + " "
                    + String(reviews).rightAligned(7) + "  " + String(items.count).rightAligned(7) + "  "
                    + Measure.format(quiz).rightAligned(10) + "  " + (oracle.map(Measure.format) ?? "-").rightAligned(10) + " "
                    + ratio)
            if reviews >= 100_000 && quiz > Self.targetSeconds { met = false }
        }
        print("  target: under \(Self.fixed(Self.targetSeconds)) s for 100,000 reviews: \(met ? "met" : "MISSED")")
        return met
    }

    /// fsrs-rs's median fit time on `items`, measured inside its Python process.
    static func fsrsRSSeconds(python: String, items: [FSRSItem], runs: Int) -> Double? {
        let script = """
            import json, sys, time, statistics
            import fsrs_rs_python as fr
            data = json.load(sys.stdin)
            items = [fr.FSRSItem([fr.FSRSReview(r, t) for r, t in item]) for item in data["items"]]
            times = []
            for _ in range(data["runs"]):
                start = time.perf_counter()
                fr.FSRS(fr.DEFAULT_PARAMETERS).compute_parameters(items)
                times.append(time.perf_counter() - start)
            print(statistics.median(times))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        guard (try? process.run()) != nil else { return nil }
        let payload: [String: Any] = ["runs": runs, "items": items.map { $0.reviews.map { [$0.rating, $0.deltaT] } }]
        if let json = try? JSONSerialization.data(withJSONObject: payload) { input.fileHandleForWriting.write(json) }
        try? input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Double(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    static func fixed(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}
