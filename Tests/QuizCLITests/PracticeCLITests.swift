import Foundation
import TestSupport
import Testing

/// End-to-end practice rounds: the built `quiz` with piped answers, one per question type,
/// compared with golden transcripts.
@Suite("quiz practice end to end", .serialized, .tags(.subprocess), .skippedInFastRuns)
struct PracticeCLITests {
    struct Case: CustomTestStringConvertible, Sendable {
        let type: String
        let input: String
        var testDescription: String { type }
    }

    static let cases = [
        Case(type: "choice", input: "zz\nb\n"),
        Case(type: "multi", input: "a b\n"),
        Case(type: "short", input: "  Distinct. \n"),
        Case(type: "order", input: "1 2 3\n"),
        Case(type: "trace", input: "[6, 1, 7, 9, 9]\n"),
        Case(type: "flashcard", input: "\n3\n"),
        Case(type: "open", input: "\nmaybe\ngood\n"),
    ]

    /// Compiles the all-types fixture into a temporary index.
    static func fixtureIndex() throws -> (directory: URL, index: String) {
        let directory = try TemporaryFolder().url
        let index = directory.appendingPathComponent("fixture.qbx").path
        let compile = try QuizProcess.run(["compile", QuizProcess.fixture("all-types").path, "-o", index, "--quiet"])
        #expect(compile.status == 0, "\(compile.stderr)")
        return (directory, index)
    }

    static func normalized(_ transcript: String) -> String {
        transcript.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("  time: ") ? "  time: <elapsed>" : String(line)
        }.joined(separator: "\n")
    }

    @Test(arguments: cases)
    func everyTypeMatchesItsTranscript(_ testCase: Case) throws {
        let (directory, index) = try Self.fixtureIndex()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try QuizProcess.run(
            ["--index", index, "--type", testCase.type, "-n", "1", "--seed", "11"], input: testCase.input, in: directory
        )
        #expect(output.status == 0, "\(output.stderr)")
        try Golden.check(Self.normalized(output.stdout), named: "practice-\(testCase.type).txt")
    }

    @Test func wholeRoundEndsAtEndOfInputWithSummary() throws {
        let (directory, index) = try Self.fixtureIndex()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try QuizProcess.run(["--index", index, "-n", "7", "--seed", "3"], input: "", in: directory)
        #expect(output.status == 0)
        #expect(output.stdout.contains("Round over: 0 of 0 right (stopped after 0 of 7)."))
        #expect(output.stdout.contains("seed: 3 (replay: quiz practice --seed 3 -n 7)"))
    }

    @Test func sameSeedSameRound() throws {
        let (directory, index) = try Self.fixtureIndex()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = String(repeating: "q\n", count: 1)
        let first = try QuizProcess.run(["--index", index, "-n", "7", "--seed", "99"], input: input, in: directory)
        let second = try QuizProcess.run(
            ["practice", "--index", index, "-n", "7", "--seed", "99"], input: input, in: directory)
        #expect(Self.normalized(first.stdout) == Self.normalized(second.stdout))
    }

    @Test func unknownTagIsAUsageErrorWithSuggestion() throws {
        let (directory, index) = try Self.fixtureIndex()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try QuizProcess.run(["--index", index, "--tag", "databses"], in: directory)
        #expect(output.status == 2)
        #expect(output.stderr.contains("did you mean 'databases'?"), "\(output.stderr)")
    }

    @Test func interruptEndsTheRoundWithItsSummary() throws {
        let (directory, index) = try Self.fixtureIndex()
        defer { try? FileManager.default.removeItem(at: directory) }
        let child = try InteractiveChild(TestPaths.quiz, ["--index", index, "-n", "7", "--seed", "5"])
        // Wait for the first prompt, then interrupt while the read is blocked.
        child.read(until: ": ")
        child.interrupt()
        let (status, transcript) = child.finish()
        #expect(status == 0)
        #expect(transcript.contains("Round over: 0 of 0 right (stopped after 0 of 7)."), "\(transcript)")
    }
}
