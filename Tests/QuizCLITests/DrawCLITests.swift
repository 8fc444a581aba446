import Foundation
import QuizEngine
import TestSupport
import Testing

/// End-to-end draws: the built `quiz draw` over an index written by `IndexWriter` from a
/// small in-memory question set, compared with golden files.
@Suite("quiz draw end to end", .tags(.subprocess), .skippedInFastRuns)
struct DrawCLITests {
    /// Eight questions of every type over two banks, tagged so expressions have something to
    /// select.
    static let fixture: QuestionSet = {
        func at(_ line: Int) -> QuizEngine.SourceLocation {
            QuizEngine.SourceLocation(file: "Banks/fixture.yaml", line: line, column: 5)
        }
        return QuestionSet(
            tags: [
                TagInfo(name: "backend", description: "Back-end questions"),
                TagInfo(name: "databases", description: "Databases"),
                TagInfo(name: "sorting", description: "Sorting"),
                TagInfo(name: "soft", description: "Soft skills"),
            ],
            banks: [
                BankInfo(id: "backend", title: "Back end", location: at(1)),
                BankInfo(id: "sorting", title: "Sorting", location: at(100)),
            ],
            questions: [
                Question(
                    bank: "backend", id: "acid", type: .flashcard, prompt: "What does ACID stand for?",
                    answer: "Atomicity, consistency, isolation, durability.", tags: ["backend", "databases"],
                    difficulty: .easy, location: at(5)),
                Question(
                    bank: "backend", id: "cap", type: .choice, prompt: "Under a partition, a CP system gives up…",
                    choices: [
                        Choice(
                            text: "availability", isCorrect: true,
                            why: "It refuses requests it cannot serve consistently."),
                        Choice(text: "consistency", why: "That is what AP systems give up."),
                        Choice(text: "none of the above", isFixed: true),
                    ],
                    explanation: "Partitions are not optional.", tags: ["backend", "databases"], difficulty: .medium,
                    location: at(12)),
                Question(
                    bank: "backend", id: "nosql-kinds", type: .multi, prompt: "Which are NoSQL families?",
                    choices: [
                        Choice(text: "document", isCorrect: true), Choice(text: "wide-column", isCorrect: true),
                        Choice(text: "relational"),
                    ],
                    tags: ["backend", "databases"], difficulty: .hard, location: at(25)),
                Question(
                    bank: "backend", id: "http-idempotent", type: .short, prompt: "Name an idempotent HTTP method.",
                    accept: ["PUT", "DELETE", "GET"], tags: ["backend"], location: at(35)),
                Question(
                    bank: "backend", id: "feedback", type: .open, prompt: "Tell me about feedback you received.",
                    guidance: "Situation, task, action, result.", rubric: ["A concrete situation", "What changed"],
                    tags: ["backend", "soft"], difficulty: .medium, location: at(42)),
                Question(
                    bank: "sorting", id: "growth", type: .order, prompt: "Order by worst-case growth.",
                    items: ["O(n)", "O(n log n)", "O(n²)"], tags: ["sorting"], difficulty: .easy, location: at(101)),
                Question(
                    bank: "sorting", id: "bubble-pass", type: .trace,
                    prompt: "The array after bubble sort's first pass?",
                    tags: ["sorting"], difficulty: .medium,
                    trace: TraceTemplate(algorithm: "bubble-sort", ask: "array-after-pass", pass: 1, size: 5),
                    location: at(110)),
                Question(
                    bank: "sorting", id: "stable", type: .flashcard, prompt: "What makes a sort stable?",
                    answer: "Equal keys keep their input order.", tags: ["sorting"], difficulty: .hard,
                    location: at(120)),
            ])
    }()

    /// Writes the fixture index into a fresh directory.
    static func fixtureIndex() throws -> (directory: URL, index: String) {
        let directory = try TemporaryFolder().url
        let index = directory.appendingPathComponent("draw.qbx").path
        try IndexWriter(compilerVersion: "test", schemaVersion: "1").write(fixture, to: index)
        return (directory, index)
    }

    static func draw(_ arguments: [String]) throws -> QuizProcess.Output {
        let (directory, index) = try fixtureIndex()
        defer { try? FileManager.default.removeItem(at: directory) }
        return try QuizProcess.run(["draw", "--index", index] + arguments, in: directory)
    }

    @Test("--seed 7 --format json matches the golden file")
    func jsonGolden() throws {
        let output = try Self.draw(["--seed", "7", "--format", "json"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stderr.isEmpty)
        try Golden.check(output.stdout, named: "draw-seed7.json")
    }

    @Test("the JSON has exactly the contract's fields")
    func jsonContract() throws {
        let output = try Self.draw(["--tag", "backend & !soft", "-n", "2", "--seed", "1", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
        #expect(object.map { Set($0.keys) } == ["seed", "questions"])
        #expect(object?["seed"] as? Int == 1)
        let questions = object?["questions"] as? [[String: Any]] ?? []
        #expect(questions.count == 2)
        for question in questions {
            #expect(Set(question.keys) == ["key", "bank", "type", "prompt", "tags", "difficulty"])
            #expect((question["tags"] as? [String])?.contains("backend") == true)
            #expect((question["tags"] as? [String])?.contains("soft") == false)
        }
    }

    @Test("--format markdown: a numbered sheet, then the answers of every type")
    func markdownGolden() throws {
        let output = try Self.draw(["-n", "8", "--seed", "7", "--format", "markdown"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("\n## Answers\n"))
        try Golden.check(output.stdout, named: "draw-seed7.md")
    }

    @Test("text: a numbered list on stdout, the seed and a replay command on stderr")
    func text() throws {
        let output = try Self.draw(["--tag", "sorting | databases", "--difficulty", "medium", "-n", "3", "--seed", "5"])
        #expect(output.status == 0)
        #expect(output.stdout.hasPrefix("1. "))
        #expect(output.stdout.contains("sorting/bubble-pass") && output.stdout.contains("backend/cap"))
        #expect(
            output.stderr
                == "seed 5 · 2 of 2 matching questions · replay: quiz draw --tag 'sorting | databases' --difficulty medium -n 3 --seed 5\n"
        )
    }

    @Test("without --seed a seed is printed, and replaying it gives the same draw")
    func seedReplays() throws {
        let first = try Self.draw(["-n", "4", "--format", "json"])
        let seed = try #require(first.stdout.split(separator: ",").first?.split(separator: ":").last)
        let again = try Self.draw(["-n", "4", "--format", "json", "--seed", String(seed)])
        #expect(first.stdout == again.stdout)
        let text = try Self.draw(["-n", "4"])
        #expect(text.stderr.hasPrefix("seed "))
    }

    @Test("more than match returns every match; none matching exits 1 with an empty list")
    func counts() throws {
        let all = try Self.draw(["--tag", "databases", "-n", "50", "--seed", "2", "--format", "json"])
        #expect(all.status == 0)
        #expect(all.stdout.components(separatedBy: "\"key\"").count - 1 == 3)
        let none = try Self.draw(["--tag", "soft & sorting", "--seed", "2", "--format", "json"])
        #expect(none.status == 1)
        #expect(none.stdout == "{\"seed\":2,\"questions\":[]}\n")
        #expect(none.stderr.contains("no questions match"))
    }

    struct Failure: CustomTestStringConvertible, Sendable {
        var id: String
        var arguments: [String]
        var stderr: String
        var testDescription: String { id }
    }

    @Test(
        "errors: a caret under the problem, suggestions, exit status 2",
        arguments: [
            Failure(
                id: "syntax", arguments: ["--tag", "sorting & | easy"],
                stderr: "quiz: error: expected a tag or '(' after '&', found '|'\n  sorting & | easy\n            ^\n"),
            Failure(
                id: "unknown tag", arguments: ["--tag", "backend", "--tag", "sortng & !hard"],
                stderr: "quiz: error: unknown tag 'sortng'; did you mean 'sorting'?\n  sortng & !hard\n  ^~~~~~\n"),
            Failure(
                id: "unknown bank", arguments: ["--bank", "backnd"],
                stderr: "quiz: error: unknown bank 'backnd'; did you mean 'backend'?\n"),
            Failure(
                id: "too deep",
                arguments: ["--tag", String(repeating: "(", count: 20) + "a" + String(repeating: ")", count: 20)],
                stderr:
                    "quiz: error: tag expression is nested more than 16 levels deep; simplify it\n  ((((((((((((((((((((a))))))))))))))))))))\n                  ^\n"
            ),
        ])
    func errors(_ failure: Failure) throws {
        let output = try Self.draw(failure.arguments)
        #expect(output.status == 2)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr == failure.stderr)
    }

    /// `draw` and `show` parse their own arguments when they can (a faster start); a usage
    /// error falls back to the whole command tree, so the message still names `quiz draw`.
    @Test(
        "usage errors exit 2 with the full command's usage line",
        arguments: [
            (["draw", "-n", "0"], "--count must be from 1 to 1000000, got 0", "Usage: quiz draw "),
            (["draw", "--format", "yaml"], "'yaml'", "Usage: quiz draw "),
            (["draw", "--type", "essay"], "'essay'", "Usage: quiz draw "),
            (["draw", "--bogus"], "Unknown option '--bogus'", "Usage: quiz draw "),
            (["show"], "Missing expected argument '<key>'", "Usage: quiz show <key>"),
            (["show", "a/b", "--format", "yaml"], "'yaml'", "Usage: quiz show "),
        ])
    func usage(arguments: [String], error: String, usage: String) throws {
        let (directory, index) = try Self.fixtureIndex()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try QuizProcess.run(arguments + ["--index", index], in: directory)
        #expect(output.status == 2)
        #expect(output.stderr.contains(error))
        #expect(output.stderr.contains(usage))
        #expect(output.stdout.isEmpty)
    }

    @Test("help of draw and show is the full command's")
    func help() throws {
        #expect(try QuizProcess.run(["draw", "--help"]).stdout.contains("USAGE: quiz draw [--tag <expr> ...]"))
        #expect(try QuizProcess.run(["show", "--help"]).stdout.contains("USAGE: quiz show <key>"))
    }

    @Test("damage in a block of the index is reported by the command that reads it, exit 2")
    func damagedIndex() throws {
        let directory = try TemporaryFolder().url
        defer { try? FileManager.default.removeItem(at: directory) }
        var bytes = [UInt8](try Data(contentsOf: QuizProcess.packageRoot.appendingPathComponent("Build/banks.qbx")))
        // The strings section's offset, from its entry in the section table.
        let sections = Int(bytes[20])
        let entry = try #require(
            (0..<sections).map { 128 + 32 * $0 }.first { Array(bytes[$0..<($0 + 4)]) == Array("SDAT".utf8) })
        let offset = (0..<8).reduce(0) { $0 | Int(bytes[entry + 8 + $1]) << (8 * $1) }
        bytes[offset + 3 * 16_384 + 100] ^= 0x01
        let damaged = directory.appendingPathComponent("damaged.qbx")
        try Data(bytes).write(to: damaged)
        let all = try QuizProcess.run(["draw", "--index", damaged.path, "-n", "1000", "--seed", "2"], in: directory)
        #expect(all.status == 2)
        #expect(all.stderr.contains("quiz: error: \(damaged.path): block 3 of section 'strings'"), "\(all.stderr)")
        #expect(all.stderr.contains("checksum mismatch: the file is damaged; rebuild with `quiz compile`"))
    }
}
