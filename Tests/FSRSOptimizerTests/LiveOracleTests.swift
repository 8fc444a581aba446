import Foundation
import QuizEngine
import TestSupport
import Testing

@testable import FSRSOptimizer

/// quiz's fits judged by fsrs-rs itself, live: fsrs-rs-python 0.9.3 in a virtual environment
/// under `.build/test-tools` (made on first use; `.ci/run` makes it too).
@Suite("fsrs-rs live comparison", .tags(.subprocess), .skippedInFastRuns)
struct LiveOracleTests {
    static let environment = PythonEnvironment(
        name: "fsrs-rs", requirements: ["fsrs-rs-python==0.9.3"], probe: ["-c", "import fsrs_rs_python"])
    static let python = environment.provision()
    static let runs = (try? python.get()) != nil || PythonEnvironment.isRequired

    /// fsrs-rs's evaluation of `parameters` on `items`, computed by fsrs-rs.
    static func fsrsRSEvaluation(_ parameters: [Double], items: [FSRSItem]) throws -> (logLoss: Double, rmseBins: Double) {
        let script = """
            import json, sys
            import fsrs_rs_python as fr
            data = json.load(sys.stdin)
            items = [fr.FSRSItem([fr.FSRSReview(r, t) for r, t in item]) for item in data["items"]]
            e = fr.FSRS(data["parameters"]).evaluate(items)
            print(json.dumps([e.log_loss, e.rmse_bins]))
            """
        let input: [String: Any] = [
            "parameters": parameters, "items": items.map { $0.reviews.map { [$0.rating, $0.deltaT] } },
        ]
        let process = Process()
        process.executableURL = try python.get()
        process.arguments = ["-c", script]
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(try JSONSerialization.data(withJSONObject: input))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let values = try #require(try JSONSerialization.jsonObject(with: output) as? [Double])
        return (values[0], values[1])
    }

    @Test(
        "fsrs-rs scores quiz's fit within 0.002 of its own on held-out cards",
        .enabled(if: runs, "fsrs-rs-python could not be provisioned under .build/test-tools (needs python3 -m venv and pip)"),
        arguments: LearnerFixtures.shared.learners.filter { $0.size != "large" })
    func fsrsRSJudgesTheFit(_ learner: LearnerFixtures.Learner) throws {
        let fit = FSRSOptimizer.fit(learner.trainingItems)
        let judged = try Self.fsrsRSEvaluation(fit.parameters.weights, items: learner.heldOutItems)
        let own = FSRSEvaluation(parameters: fit.parameters, items: learner.heldOutItems)
        #expect(abs(judged.logLoss - own.logLoss) < 1e-4)
        #expect(abs(judged.rmseBins - own.rmseBins) < 1e-4)
        #expect(judged.logLoss <= learner.fsrs_rs.held_out.fitted.log_loss + 0.002)
    }
}
