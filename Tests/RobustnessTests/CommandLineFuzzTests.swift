import Foundation
import SeededRandom
import SortingCourse
import Synchronization
import TestSupport
import Testing

/// Random command lines for every subcommand, run through the built binary: none may end by a
/// signal (a Swift runtime trap is SIGILL or SIGTRAP) or run past 10 s, and a refused command
/// line exits 2 with its reason on stderr.
///
/// `swift test` runs a few hundred seeded cases; `QUIZ_CLI_FUZZ_CASES=10000` (and optionally
/// `QUIZ_CLI_FUZZ_SEED`) runs a longer campaign with the same checks.
@Suite("Command-line fuzzing", .tags(.subprocess, .slow), .skippedInFastRuns)
struct CommandLineFuzzTests {
    static let timeLimit: Duration = .seconds(10)

    struct Outcome: Sendable {
        var arguments: [String]
        var status: Int32
        var signalled: Bool
        var timedOut: Bool
        var stderr: String
    }

    @Test func randomCommandLinesNeverTrapHangOrRefuseSilently() throws {
        let environment = ProcessInfo.processInfo.environment
        let cases = environment["QUIZ_CLI_FUZZ_CASES"].flatMap(Int.init) ?? 300
        let seed = environment["QUIZ_CLI_FUZZ_SEED"].flatMap(UInt64.init) ?? 0x434C_4946
        let scratch = try TemporaryFolder().url
        defer { try? FileManager.default.removeItem(at: scratch) }
        let fuzzer = try CommandLineFuzzer(binary: Robustness.quiz, scratch: scratch)
        #expect(fuzzer.commands.count >= 15, "the command tree was not read: \(fuzzer.commands.map(\.path))")

        var generator = Xoshiro256StarStar(seed: seed)
        let lines = (0..<cases).map { _ in fuzzer.commandLine(using: &generator) }
        let outcomes = Self.runAll(lines, in: scratch)

        var refused = 0
        for outcome in outcomes {
            let shown = outcome.arguments.map { CommandLineFuzzTests.shorten($0) }.joined(separator: " ")
            #expect(!outcome.signalled, "quiz \(shown) ended by a signal:\n\(outcome.stderr.suffix(2_000))")
            #expect(!outcome.timedOut, "quiz \(shown) ran past \(Self.timeLimit)")
            if outcome.status == 2 {
                refused += 1
                #expect(!outcome.stderr.isEmpty, "quiz \(shown) exited 2 without saying why")
            }
            #expect(
                [0, 1, 2].contains(outcome.status) || outcome.signalled || outcome.timedOut,
                "quiz \(shown) exited \(outcome.status); usage and I/O failures exit 2")
        }
        // Most generated lines are refused; a fuzzer whose every line ran would test nothing.
        #expect(refused > cases / 4)
        print("command-line fuzzing: \(cases) cases, \(refused) refused with exit 2, seed \(seed)")
    }

    /// Every command used as the README shows it, against the package's banks and index and a
    /// scratch store, with empty stdin: each runs to its end (0, or 1 where nothing is due or
    /// found). Random lines rarely name a real module or key, so these are listed.
    @Test(
        arguments: [
            ["--tag", "behavioral", "-n", "2", "--seed", "1"], ["draw", "--tag", "sorting", "-n", "3", "--seed", "2"],
            ["draw", "-n", "2", "--seed", "3", "--format", "markdown"], ["draw", "-n", "2", "--format", "json"],
            ["review", "--new-limit", "2"], ["review", "--format", "jsonl"], ["stats"], ["stats", "--format", "json"],
            ["interview"], ["interview", "backend-entry", "--seed", "5", "--no-timer"],
            ["interview", "backend-senior", "--format", "jsonl", "--review"], ["interview", "--history"],
            ["interview", "--history", "--format", "jsonl"],
            ["show", "sorting/counting-sort-bad-fit"], ["show", "sorting/counting-sort-bad-fit", "--format", "json"],
            ["info", "sorting/counting-sort-bad-fit"], ["tags"], ["tags", "--format", "json"], ["course", "list"],
            ["course", "show", "1"], ["course", "show", "merge-sort"],
            ["course", "practice", "quicksort-partitioning", "--seed", "3", "-n", "2"],
            ["course", "practice", "1", "-n", "1"], ["course", "run", "heap-sort", "--random", "6", "--seed", "4"],
            ["course", "list", "--format", "json"],
            ["course", "run", "binary-search", "--input", "1,3,4,7,9,12", "--target", "9"],
            ["course", "run", "binary-search", "--random", "9", "--seed", "2", "--format", "json"],
            ["course", "run", "binary-heap", "--input", "push 5,push 3,push 8,pop"],
            ["course", "run", "bfs", "--input", "0-1,0-3,1-4,3-2", "--start", "3"],
            ["course", "run", "dfs", "--random", "7", "--seed", "5", "--format", "json"],
            ["course", "run", "linear-probing", "--input", "15,22,8,3", "--slots", "7"],
            ["course", "run", "linear-probing", "--random", "100", "--seed", "1"],
            ["course", "bench", "--n", "200", "--runs", "1", "--algorithm", "merge-sort"],
            ["course", "bench", "--n", "100", "--runs", "1", "--format", "json"],
            ["fsrs", "optimize"], ["fsrs", "optimize", "--format", "json", "--save"], ["fsrs", "optimize", "--reset"],
            ["fsrs", "evaluate", "--format", "json"],
            ["export", "apkg", "out.apkg", "--bank", "sql"], ["export", "csv", "out.tsv", "--tag", "behavioral"],
            ["export", "apkg", "history.apkg", "--with-history", "--tag", "sql & hard"],
            [
                "import", "csv",
                TestPaths.packageRoot.appendingPathComponent("Tests/QuizCLITests/Fixtures/two-columns.tsv").path,
                "--bank", "imported",
            ],
            [
                "import", "csv",
                TestPaths.packageRoot.appendingPathComponent("Tests/QuizCLITests/Fixtures/anki-notes.csv").path,
                "--bank", "imported", "-o", "elsewhere/imported.yaml",
            ],
        ])
    func everyCommandRunsOnValidInput(_ arguments: [String]) throws {
        let scratch = try TemporaryFolder().url
        defer { try? FileManager.default.removeItem(at: scratch) }
        let index = TestPaths.packageRoot.appendingPathComponent("Build/banks.qbx").path
        // `course run`, `course bench`, `fsrs` and `import` read no index.
        let readsIndex =
            !(arguments.contains("run") || arguments.contains("bench") || ["fsrs", "import"].contains(arguments.first))
        let command = arguments + (readsIndex ? ["--index", index] : [])
        let outcome = Self.run(command, in: scratch)
        #expect(!outcome.signalled && !outcome.timedOut, "quiz \(command): \(outcome.stderr.suffix(2_000))")
        #expect([0, 1].contains(outcome.status), "quiz \(command) exited \(outcome.status): \(outcome.stderr)")
    }

    /// The command lines that trapped before issue #12, refused now with a message.
    @Test(
        arguments: [
            ["course", "run", "insertion-sort", "--random", "5", "--seed", "18446744073709551615", "--format", "json"],
            ["course", "practice", "1", "--count=-1"],
            ["stats", "--now=18446744073709551615"],
            ["review", "--now=18446744073709551616"],
        ])
    func formerTraps(_ arguments: [String]) throws {
        let scratch = try TemporaryFolder().url
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outcome = Self.run(arguments, in: scratch)
        #expect(!outcome.signalled && !outcome.timedOut, "\(outcome.stderr)")
        #expect(outcome.status == 0 || (outcome.status == 2 && !outcome.stderr.isEmpty), "\(outcome)")
    }

    @Test func seedsUpToUInt64MaxAreEchoedExactly() throws {
        let scratch = try TemporaryFolder().url
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outcome = Self.run(
            ["course", "run", "insertion-sort", "--random", "5", "--seed", "18446744073709551615", "--format", "json"],
            in: scratch, captureStdout: true)
        #expect(outcome.status == 0)
        #expect(outcome.stderr.contains("\"seed\":18446744073709551615"))
    }

    /// A negative first value is a value of `--input`, written either way.
    @Test(arguments: [["--input", "-3,1,2"], ["--input=-3,1,2"]])
    func negativeInputValues(_ input: [String]) throws {
        let scratch = try TemporaryFolder().url
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outcome = Self.run(["course", "run", "bubble-sort"] + input + ["--format", "json"], in: scratch, captureStdout: true)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("\"output\":[-3,1,2]"))
    }

    @Test(
        arguments: [
            (["stats", "--now", "10000-01-01T00:00:00Z"], "--now"),
            (["stats", "--rollover", "24"], "--rollover takes an hour from 0 to 23"),
            (["draw", "-n", "0"], "--count must be from 1 to 1000000"),
            (["review", "--limit=-1"], "--limit must be from 0 to 1000000"),
            (["course", "bench", "--runs", "1000"], "--runs must be from 1 to 100"),
            (["check", "--max-depth", "0"], "--max-depth must be from 1 to 1000"),
            (["course", "run", "merge-sort", "--input", "1,2", "--k", "1"], "--k goes with quickselect only"),
            (
                ["course", "run", "merge-sort", "--input", "1,2", "--target", "1"],
                "--target goes with binary-search only"
            ),
            (["course", "run", "bfs", "--input", "0-1", "--slots", "3"], "--slots goes with linear-probing only"),
            (["course", "run", "binary-search", "--input", "1,3,5"], "binary-search needs --target"),
            (
                ["course", "run", "binary-search", "--input", "5,3,1", "--target", "3"],
                "--input: the array must be ascending"
            ),
            (["course", "run", "binary-heap", "--input", "push 1,pop,pop"], "--input: operation 3 pops an empty heap"),
            (["course", "run", "binary-heap", "--input", "push x"], "--input: 'push x' is not an operation"),
            (["course", "run", "bfs", "--input", "0-1,1_2"], "--input: '1_2' is not an edge u-v between vertices"),
            (
                ["course", "run", "dfs", "--input", "0-1", "--start", "5"],
                "--start must be a vertex of the graph, 0 to 1"
            ),
            (["course", "run", "dfs", "--input", "0-100"], "--input: edge 0-100 names a vertex beyond 99"),
            (
                ["course", "run", "linear-probing", "--input", "1,2,3", "--slots", "2"],
                "--slots 2 is too few for 3 keys"
            ),
            (["course", "run", "linear-probing", "--input", "4,4"], "--input: key 4 is given twice"),
            (["course", "run", "linear-probing", "--random", "101"], "--random must be from 1 to 100"),
        ])
    func outOfRangeValuesNameTheOptionAndRange(_ arguments: [String], _ message: String) throws {
        let scratch = try TemporaryFolder().url
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outcome = Self.run(arguments, in: scratch)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
    }

    // MARK: Running

    static func shorten(_ word: String) -> String {
        word.count > 40 ? "\(word.prefix(20))…(\(word.count) characters)" : "'\(word)'"
    }

    /// Runs the lines on two workers (the machine's cores), keeping their order.
    static func runAll(_ lines: [[String]], in scratch: URL) -> [Outcome] {
        let results = OutcomeBox(count: lines.count)
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            for index in stride(from: worker, to: lines.count, by: 2) {
                let folder = scratch.appendingPathComponent("case-\(index)")
                try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                results.set(index, run(lines[index], in: folder))
                try? FileManager.default.removeItem(at: folder)
            }
        }
        return results.all
    }

    /// Runs `quiz` in `folder` with HOME and the store inside it, stdin empty, a 10 s limit.
    /// With `captureStdout`, stdout is appended to the returned stderr text.
    static func run(_ arguments: [String], in folder: URL, captureStdout: Bool = false) -> Outcome {
        let environment = [
            "HOME": folder.path, "XDG_DATA_HOME": folder.appendingPathComponent("data").path, "NO_COLOR": "1",
            "PATH": "/usr/bin:/bin", "SWIFT_BACKTRACE": "enable=no", "TZ": "UTC",
        ]
        do {
            let output = try ChildProcess.run(
                Robustness.quiz, arguments, environment: environment, directory: folder, timeLimit: timeLimit)
            return Outcome(
                arguments: arguments, status: output.status, signalled: output.signalled, timedOut: output.timedOut,
                stderr: output.stderr + (captureStdout ? output.stdout : ""))
        } catch {
            return Outcome(arguments: arguments, status: -1, signalled: false, timedOut: false, stderr: "\(error)")
        }
    }
}

/// The workers' results, one slot per case.
final class OutcomeBox: Sendable {
    private let slots: Mutex<[CommandLineFuzzTests.Outcome?]>

    init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }

    func set(_ index: Int, _ outcome: CommandLineFuzzTests.Outcome) {
        slots.withLock { $0[index] = outcome }
    }

    var all: [CommandLineFuzzTests.Outcome] { slots.withLock { $0.compactMap { $0 } } }
}
