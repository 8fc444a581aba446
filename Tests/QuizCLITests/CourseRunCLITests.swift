import Foundation
import TestSupport
import Testing

/// `quiz course run` on the algorithms beyond sorting, and their trace questions in a round,
/// through the built binary.
@Suite("quiz course run beyond sorting, end to end", .tags(.subprocess), .skippedInFastRuns)
struct CourseRunCLITests {
    /// Each kind's text trace, worked by hand in AlgorithmTracesTests, as golden files.
    @Test(arguments: [
        ("binary-search", ["--input", "2,3,5,7,11,13,17,19", "--target", "4"]),
        ("binary-heap", ["--input", "push 5,push 3,push 8,push 1,pop"]),
        ("bfs", ["--input", "0-3,0-1,1-4,3-2"]),
        ("dfs", ["--input", "0-3,0-1,1-4,3-2", "--start", "2"]),
        ("linear-probing", ["--input", "15,22,8,3", "--slots", "7"]),
    ])
    func textTrace(_ algorithm: String, _ options: [String]) throws {
        let output = try QuizProcess.run(["course", "run", algorithm] + options)
        #expect(output.status == 0, "\(output.stderr)")
        try Golden.check(output.stdout, named: "course-run-\(algorithm).txt")
    }

    /// The JSON output's answer and outcome, per kind.
    @Test(arguments: [
        (["binary-search", "--input", "2,3,5,7,11,13,17,19", "--target", "4"], [3, 1, 2], "found", "null"),
        (["binary-heap", "--input", "push 5,push 3,push 8,push 1,pop"], [3, 5, 8], "popped", "[1]"),
        (["bfs", "--input", "0-3,0-1,1-4,3-2"], [0, 1, 3, 4, 2], "input", #"{"vertices":5,"#),
        (["dfs", "--input", "0-3,0-1,1-4,3-2"], [0, 1, 4, 3, 2], "input", #"{"vertices":5,"#),
        (
            ["linear-probing", "--input", "15,22,8,3", "--slots", "7"], [1, 2, 3, 4], "table",
            "[null,15,22,8,3,null,null]"
        ),
    ])
    func json(_ arguments: [String], _ answer: [Int], _ key: String, _ value: String) throws {
        let output = try QuizProcess.run(["course", "run"] + arguments + ["--format", "json"])
        #expect(output.status == 0, "\(output.stderr)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(object["output"] as? [Int] == answer)
        #expect(object["algorithm"] as? String == arguments[0])
        #expect(output.stdout.contains("\"\(key)\":\(value)"), "\(output.stdout)")
    }

    /// `--random N --seed S` replays exactly, and prints its seed.
    @Test func randomRunsReplay() throws {
        let arguments = ["course", "run", "dfs", "--random", "9", "--seed", "11", "--format", "json"]
        let first = try QuizProcess.run(arguments)
        let second = try QuizProcess.run(arguments)
        #expect(first.status == 0 && first.stdout == second.stdout)
        #expect(first.stdout.contains("\"seed\":11"))
    }

    /// A trace question of each new kind in a practice round from the shipped index: the input
    /// shown as rows, the answer prompt naming the sequence, a wrong answer graded and the
    /// right one shown.
    @Test func practiceRoundShowsTheInputAndNamesTheSequence() throws {
        let scratch = try TemporaryFolder().url
        defer { try? FileManager.default.removeItem(at: scratch) }
        let index = QuizProcess.packageRoot.appendingPathComponent("Build/banks.qbx").path
        let output = try QuizProcess.run(
            ["practice", "--bank", "algorithms-traces", "-n", "10", "--seed", "5", "--index", index],
            input: String(repeating: "0\n\n", count: 10), in: scratch)
        #expect(output.status == 0, "\(output.stderr)")
        for name in [
            "the probed indices", "the heap's array", "the vertices in visit order", "each key's slot",
        ] {
            #expect(output.stdout.contains("Answer (\(name), separated by spaces): "), "\(name)")
        }
        for row in ["Target: ", "Operations, in order: push ", "Adjacency lists (undirected", "h(k) = k mod "] {
            #expect(output.stdout.contains(row), "\(row)")
        }
        #expect(output.stdout.contains("Round over: 0 of 10 right."))
        #expect(output.stdout.components(separatedBy: "The answer: ").count == 11)
    }
}
