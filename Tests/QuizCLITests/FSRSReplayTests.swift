import Foundation
import TestSupport
import Testing

/// End to end: `quiz fsrs replay` on the golden vectors' inputs gives the oracle's outputs
/// (committed in Tests/QuizEngineTests/Fixtures/fsrs/golden.json by make_vectors.py).
@Suite("quiz fsrs replay", .tags(.subprocess), .skippedInFastRuns)
struct FSRSReplayTests {
    /// The fields of one review, in the contract's order (DESIGN.md).
    static let fields = ["state", "step", "stability", "difficulty", "due", "interval_days", "retrievability"]

    /// The golden cases, parsed once; never mutated, so sharing them across tests is safe.
    nonisolated(unsafe) static let golden: [[String: Any]] = {
        let url = FSRSReplayCLI.testsFolder.appendingPathComponent("QuizEngineTests/Fixtures/fsrs/golden.json")
        guard let data = try? Data(contentsOf: url),
            let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let cases = root["cases"] as? [[String: Any]]
        else { fatalError("cannot read \(url.path)") }
        return cases
    }()

    @Test("every golden input replays to the oracle's output", arguments: golden.compactMap { $0["name"] as? String })
    func replay(_ name: String) throws {
        let golden = try #require(Self.golden.first { $0["name"] as? String == name })
        let input = try JSONSerialization.data(withJSONObject: try #require(golden["input"]))
        let run = try FSRSReplayCLI.run(["fsrs", "replay"], stdin: input)
        #expect(run.status == 0, "stderr: \(run.stderr)")

        // Field names and order, as written (JSONSerialization would forget the order).
        let keys = run.stdout.matches(of: /"([a-z_]+)":/).map { String($0.1) }
        let expected = try #require(golden["expected"] as? [[[String: Any]]])
        #expect(keys == ["results"] + Array(repeating: Self.fields, count: expected.joined().count).joined())

        let output = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let results = try #require(output["results"] as? [[[String: Any]]])
        try #require(results.count == expected.count)
        for (sequence, (got, want)) in zip(results, expected).enumerated() {
            try #require(got.count == want.count)
            for (index, (a, b)) in zip(got, want).enumerated() {
                let place = "\(name) sequence \(sequence) review \(index)"
                #expect(a["state"] as? String == b["state"] as? String, "\(place): state")
                #expect(a["due"] as? String == b["due"] as? String, "\(place): due")
                #expect((a["step"] as? Int) == (b["step"] as? Int), "\(place): step")
                #expect((a["step"] is NSNull) == (b["step"] is NSNull), "\(place): step null")
                for field in ["stability", "difficulty", "interval_days", "retrievability"] {
                    let x = try #require((a[field] as? NSNumber)?.doubleValue, "\(place): \(field) missing")
                    let y = try #require((b[field] as? NSNumber)?.doubleValue)
                    #expect(abs(x - y) <= 1e-9 * max(1, abs(y)), "\(place): \(field) \(x) vs \(y)")
                }
            }
        }
    }

    @Test("the oracle's example prints exactly what the oracle prints (7 fields, compact)")
    func exampleBytes() throws {
        let input = """
            {"mode": "schedule", "desired_retention": 0.9, "sequences": [
             [{"rating": 3, "days_since_start": 0}, {"rating": 3, "days_since_start": 0.01},
              {"rating": 3, "days_since_start": 2.01}, {"rating": 1, "days_since_start": 13},
              {"rating": 3, "days_since_start": 13.01}],
             [{"rating": 4, "timestamp": "2024-03-01T08:00:00Z"}, {"rating": 2, "timestamp": "2024-03-09T20:00:00Z"}]]}
            """
        let run = try FSRSReplayCLI.run(["fsrs", "replay"], stdin: Data(input.utf8))
        let first =
            #"{"results":[[{"state":"Learning","step":1,"stability":2.3065,"difficulty":2.118103970459016,"#
            + #""due":"2024-01-01T00:10:00+00:00","interval_days":0.006944444444444444,"retrievability":0},"#
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix(first))
        #expect(
            run.stdout.contains(
                #""due":"2024-04-05T20:00:00+00:00","interval_days":27.0,"retrievability":0.9024733005284542}]]}"#))
    }

    struct Invalid: Sendable, CustomTestStringConvertible {
        var id: String
        var input: String
        var message: String
        var testDescription: String { id }
    }

    @Test(
        "invalid input exits 2 naming the field",
        arguments: [
            Invalid(id: "not JSON", input: "{", message: "quiz: error: stdin is not valid JSON"),
            Invalid(id: "empty", input: "", message: "quiz: error: stdin is empty"),
            Invalid(
                id: "parameter out of bounds",
                input:
                    #"{"parameters": [0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.9, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542], "sequences": []}"#,
                message: "quiz: error: parameters: w[7] = 0.9 is outside 0.001...0.75"),
            Invalid(
                id: "parameter count", input: #"{"parameters": [1, 2], "sequences": []}"#,
                message: "quiz: error: parameters: expected exactly 21 parameters"),
            Invalid(
                id: "retention", input: #"{"desired_retention": 1.2, "sequences": []}"#,
                message: "quiz: error: desired_retention: "),
            Invalid(
                id: "rating", input: #"{"sequences": [[{"rating": 7, "days_since_start": 0}]]}"#,
                message: "quiz: error: sequences[0][0].rating: must be 1 (again)"),
            Invalid(
                id: "timestamp",
                input: #"{"sequences": [{"start": "2024-01-01", "reviews": [{"rating": 3, "timestamp": "soon"}]}]}"#,
                message: "quiz: error: sequences[0].reviews[0].timestamp: 'soon' is not an ISO 8601 date-time"),
            Invalid(
                id: "out of order",
                input:
                    #"{"sequences": [[{"rating": 3, "days_since_start": 2}, {"rating": 3, "days_since_start": 1}]]}"#,
                message: "quiz: error: sequences[0][1]: review 1 is earlier than review 0"),
        ])
    func invalid(_ row: Invalid) throws {
        let run = try FSRSReplayCLI.run(["fsrs", "replay"], stdin: Data(row.input.utf8))
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix(row.message), "stderr: \(run.stderr)")
    }
}

/// Runs the built `quiz` binary with a JSON document on stdin.
enum FSRSReplayCLI {
    /// `Tests/` (the fixtures live in the repository, beside this folder).
    static let testsFolder = TestPaths.packageRoot.appendingPathComponent("Tests")

    static func run(_ arguments: [String], stdin: Data) throws -> (status: Int32, stdout: String, stderr: String) {
        let output = try ChildProcess.run(TestPaths.quiz, arguments, input: String(decoding: stdin, as: UTF8.self))
        return (output.status, output.stdout, output.stderr)
    }
}
