import Foundation
import QuizEngine
import QuizStore
import SeededRandom
import SortingCourse
import TestSupport
import Testing

/// The daily review through the real binary: the jsonl protocol, limits, durability under
/// SIGKILL, and two processes answering at once.
@Suite("quiz review end to end", .serialized, .tags(.subprocess), .skippedInFastRuns)
struct ReviewCLITests {
    static func setUp() throws -> (directory: URL, index: String) {
        try PracticeCLITests.fixtureIndex()
    }

    static func events(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
        }
    }

    static func reviewCount(_ directory: URL, index: String) throws -> Int {
        let stats = try QuizProcess.run(["stats", "--index", index, "--format", "json"], in: directory)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        return try #require(object["reviews"] as? Int)
    }

    @Test func jsonlProtocolSavesEveryAnswer() throws {
        let (directory, index) = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input =
            #"{"grade":3}"# + "\n" + #"{"answer":"zz"}"# + "\n" + #"{"grade":4}"# + "\n" + #"{"grade":1}"# + "\n"
        let output = try QuizProcess.run(
            ["review", "--index", index, "--format", "jsonl", "--now", "2026-11-29T10:00:00Z", "--new-limit", "3"],
            input: input, in: directory, environment: ["TZ": "UTC"])
        #expect(output.status == 0, "\(output.stderr)")
        let events = try Self.events(output.stdout)
        let kinds = events.map { $0["event"] as? String ?? "?" }
        #expect(kinds.first == "card")
        #expect(kinds.last == "done")
        let saved = events.filter { $0["event"] as? String == "saved" }
        #expect(saved.count == 3)
        #expect(events.last?["reviewed"] as? Int == 3)
        for event in saved {
            #expect(event["key"] is String && event["due"] is String && (1...4).contains(event["grade"] as? Int ?? 0))
        }
        #expect(try Self.reviewCount(directory, index: index) == 3)
    }

    /// Ctrl-C ends a jsonl review with its `done` event; the answers before it are kept.
    @Test func interruptEndsTheLineProtocolWithDone() throws {
        let (directory, index) = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: directory) }
        let child = try InteractiveChild(
            TestPaths.quiz,
            ["review", "--index", index, "--format", "jsonl", "--now", "2026-11-29T10:00:00Z", "--new-limit", "3"],
            environment: ["QUIZ_STORE": directory.appendingPathComponent("store.sqlite").path, "TZ": "UTC"])
        child.read(until: #""event":"card""#)
        child.write(#"{"grade":3}"# + "\n")
        child.read(until: #""event":"saved""#)
        child.read(until: #""position":2"#)
        child.interrupt()
        let (status, output) = child.finish()
        #expect(status == 0)
        let done = try #require(try Self.events(output).last)
        #expect(done["event"] as? String == "done" && done["reviewed"] as? Int == 1, "\(output)")
        #expect(try Self.reviewCount(directory, index: index) == 1)
    }

    @Test func newCardLimitCountsThoseAlreadyIntroducedToday() throws {
        let (directory, index) = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: directory) }
        let arguments = ["review", "--index", index, "--format", "jsonl", "--new-limit", "2"]
        let first = try QuizProcess.run(
            arguments + ["--now", "2026-11-29T10:00:00Z"], input: String(repeating: #"{"grade":4}"# + "\n", count: 5),
            in: directory, environment: ["TZ": "UTC"])
        #expect(try Self.events(first.stdout).filter { $0["event"] as? String == "card" }.count == 2)
        // Later the same day: the limit is used up and the easy cards are due in days.
        let second = try QuizProcess.run(
            arguments + ["--now", "2026-11-29T18:00:00Z"], input: "", in: directory, environment: ["TZ": "UTC"])
        let done = try #require(try Self.events(second.stdout).last)
        #expect(done["event"] as? String == "done" && done["reviewed"] as? Int == 0)
        #expect(done["next_due"] is String)
        // After the 4 am rollover a new day allows two more.
        let third = try QuizProcess.run(
            arguments + ["--now", "2026-11-30T04:00:00Z"], input: "", in: directory, environment: ["TZ": "UTC"])
        #expect(try Self.events(third.stdout).filter { $0["event"] as? String == "card" }.count == 1)
    }

    /// Two cards fall due at 01:00 and 05:00 of one calendar day (2026-12-09; the answer times
    /// are chosen for that, as the scheduler's fuzz is deterministic): with a midnight rollover
    /// they are one day's work, with the default 4 am rollover the first belongs to the day before.
    @Test func nextDueIsGroupedByTheLearnersRollover() throws {
        let (directory, index) = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: directory) }
        let arguments = ["review", "--index", index, "--format", "jsonl", "--new-limit", "1"]
        for time in ["2026-11-29T01:00:00Z", "2026-11-30T05:00:00Z"] {
            let answered = try QuizProcess.run(
                arguments + ["--now", time], input: #"{"grade":4}"# + "\n", in: directory, environment: ["TZ": "UTC"])
            #expect(try Self.events(answered.stdout).filter { $0["event"] as? String == "saved" }.count == 1)
        }
        func nextDue(rollover: Int) throws -> (String?, Int?) {
            let output = try QuizProcess.run(
                ["review", "--index", index, "--format", "jsonl", "--new-limit", "0", "--now", "2026-12-01T12:00:00Z",
                 "--rollover", String(rollover)], input: "", in: directory, environment: ["TZ": "UTC"])
            let done = try #require(try Self.events(output.stdout).last)
            return (done["next_due"] as? String, done["next_due_count"] as? Int)
        }
        let midnight = try nextDue(rollover: 0)
        let early = try nextDue(rollover: 4)
        #expect(midnight.0 == "2026-12-09T01:00:00+00:00", "\(midnight)")
        #expect(midnight.1 == 2)
        #expect(early.1 == 1)
    }

    /// A one-question index: a `short` question whose accepted form is "DISTINCT".
    static func shortQuestionIndex(in directory: URL) throws -> String {
        let banks = directory.appendingPathComponent("banks")
        try FileManager.default.createDirectory(at: banks, withIntermediateDirectories: true)
        try "tags:\n  sql: SQL\n".write(to: banks.appendingPathComponent("tags.yaml"), atomically: true, encoding: .utf8)
        try """
            bank: one
            title: One
            tags: [sql]
            questions:
              - id: dedupe
                type: short
                prompt: Which SQL keyword removes duplicate rows from a result?
                accept: [DISTINCT]
            """.write(to: banks.appendingPathComponent("one.yaml"), atomically: true, encoding: .utf8)
        let index = directory.appendingPathComponent("one.qbx").path
        let compiled = try QuizProcess.run(["compile", banks.path, "-o", index, "-q"], in: directory)
        #expect(compiled.status == 0, "\(compiled.stderr)")
        return index
    }

    /// A near miss is accepted and names the form; a wrong answer names the closest form and can
    /// be overruled with {"override":true}, recorded as such; undo takes the override back.
    @Test func typedAnswersAreGradedFairlyAndCanBeOverruled() throws {
        let directory = try TemporaryFolder().url
        defer { try? FileManager.default.removeItem(at: directory) }
        let index = try Self.shortQuestionIndex(in: directory)
        let review = ["review", "--index", index, "--format", "jsonl"]

        let close = try QuizProcess.run(
            review + ["--now", "2026-11-29T10:00:00Z"], input: #"{"answer":"distinc"}"# + "\n", in: directory,
            environment: ["TZ": "UTC"])
        let saved = try #require(try Self.events(close.stdout).first { $0["event"] as? String == "saved" })
        #expect(saved["correct"] as? Bool == true && saved["accepted"] as? String == "DISTINCT", "\(saved)")

        let other = try TemporaryFolder().url
        defer { try? FileManager.default.removeItem(at: other) }
        let wrong = try QuizProcess.run(
            review + ["--now", "2026-11-29T10:00:00Z"],
            input: #"{"answer":"UNIQUE"}"# + "\n" + #"{"override":true}"# + "\n", in: other,
            environment: ["TZ": "UTC"])
        let events = try Self.events(wrong.stdout).filter { $0["event"] as? String == "saved" }
        #expect(events.count == 2, "\(wrong.stdout)")
        #expect(events.first?["correct"] as? Bool == false && events.first?["overridable"] as? Bool == true)
        #expect(events.first?["closest"] as? String == "DISTINCT")
        #expect(events.last?["override"] as? Bool == true && events.last?["grade"] as? Int == 3)

        let info = try QuizProcess.run(["info", "one/dedupe", "--index", index, "--format", "json"], in: other)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as? [String: Any])
        let history = try #require(object["history"] as? [[String: Any]])
        #expect(history.map { $0["override"] as? Bool } == [false, true])
        #expect(history.map { $0["undone"] as? Bool } == [true, false])
        #expect(object["state"] as? String == "learning" || object["state"] as? String == "review")
        #expect(try Self.reviewCount(other, index: index) == 1)
    }

    /// `r` after a wrong typed answer overrules the grade, in practice and in review.
    @Test(
        arguments: [
            (["practice", "--seed", "1"], "overridden: counted as right", "Round over: 1 of 1 right"),
            (["review", "--now", "2026-11-29T10:00:00Z"], "overridden: counted as good", "Reviewed 1 card (good 1)"),
        ])
    func rOverrulesAWrongTypedAnswer(_ command: [String], _ overridden: String, _ summary: String) throws {
        let directory = try TemporaryFolder().url
        defer { try? FileManager.default.removeItem(at: directory) }
        let index = try Self.shortQuestionIndex(in: directory)
        let output = try QuizProcess.run(
            command + ["--index", index], input: "UNIQUE\nr\n", in: directory, environment: ["TZ": "UTC"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("Closest accepted answer: DISTINCT"), "\(output.stdout)")
        #expect(output.stdout.contains(overridden), "\(output.stdout)")
        #expect(output.stdout.contains(summary), "\(output.stdout)")
    }

    /// `quiz stats --format json` after one wrong answer: the card is learning and due today,
    /// the forecast covers 30 days, the streak is one day.
    @Test func statsReportTheProgress() throws {
        let directory = try TemporaryFolder().url
        defer { try? FileManager.default.removeItem(at: directory) }
        let index = try Self.shortQuestionIndex(in: directory)
        _ = try QuizProcess.run(
            ["review", "--index", index, "--format", "jsonl", "--now", "2026-11-29T10:00:00Z"],
            input: #"{"answer":"UNIQUE"}"# + "\n", in: directory, environment: ["TZ": "UTC"])
        let stats = try QuizProcess.run(
            ["stats", "--index", index, "--format", "json", "--now", "2026-11-29T10:05:00Z"], in: directory,
            environment: ["TZ": "UTC"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        #expect(object["reviews"] as? Int == 1)
        #expect((object["cards"] as? [String: Int]) == ["new": 0, "learning": 1, "review": 0, "relearning": 0])
        #expect((object["due"] as? [String: Int])?["today"] == 1)
        #expect((object["forecast"] as? [[String: Any]])?.count == 30)
        #expect((object["forecast"] as? [[String: Any]])?.first?["date"] as? String == "2026-11-29")
        #expect(object["streak"] as? Int == 1)
        #expect(object["retention"] is NSNull)
    }

    @Test func answersAcknowledgedBeforeSIGKILLAreNeverLost() throws {
        let (directory, index) = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: directory) }
        var generator = SplitMix64(seed: 2026)
        var acknowledged = 0
        var start = Instant(microsecondsSinceEpoch: 1_800_000_000_000_000)
        for _ in 0..<50 {
            start = start.advanced(byMicroseconds: 30 * 86_400_000_000)
            let process = Process()
            process.executableURL = TestPaths.quiz
            process.arguments = [
                "review", "--index", index, "--format", "jsonl", "--new-limit", "1000", "--limit", "100000", "--now",
                "\(start.microsecondsSinceEpoch / 1_000_000)",
            ]
            var environment = ProcessInfo.processInfo.environment
            environment["QUIZ_STORE"] = directory.appendingPathComponent("store.sqlite").path
            environment["TZ"] = "UTC"
            process.environment = environment
            let stdin = Pipe()
            let stdout = Pipe()
            process.standardInput = stdin
            process.standardOutput = stdout
            process.standardError = FileHandle.nullDevice
            try process.run()
            let answers = Int(generator.next() % 7)
            var buffer = ""
            var savedHere = 0
            var cardsSeen = 0
            reading: while true {
                let data = stdout.fileHandleForReading.availableData
                if data.isEmpty { break }
                buffer += String(decoding: data, as: UTF8.self)
                while let newline = buffer.firstIndex(of: "\n") {
                    let line = String(buffer[..<newline])
                    buffer.removeSubrange(...newline)
                    if line.contains(#""event":"saved""#) { savedHere += 1 }
                    if line.contains(#""event":"card""#) {
                        cardsSeen += 1
                        if cardsSeen > answers { break reading }
                        // Send the grade, then kill at a seeded moment: before or after the ack.
                        stdin.fileHandleForWriting.write(Data(#"{"grade":3}"#.utf8 + [10]))
                        if generator.next() % 3 == 0 {
                            usleep(UInt32(generator.next() % 3000))
                            break reading
                        }
                    }
                    if line.contains(#""event":"done""#) { break reading }
                }
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // Anything still in the pipe was printed before the kill: acknowledged too.
            buffer += String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            savedHere += buffer.components(separatedBy: #""event":"saved""#).count - 1
            acknowledged += savedHere
            #expect(try Self.reviewCount(directory, index: index) >= acknowledged)
        }
        let store = try ReviewStore(path: directory.appendingPathComponent("store.sqlite").path)
        #expect(try store.integrityProblems().isEmpty)
        #expect(try store.totalReviews >= acknowledged)
        #expect(acknowledged > 20, "the kills should land after some answers")
    }

    @Test func twoProcessesAnsweringAtOnceLoseNothing() throws {
        let (directory, index) = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = String(repeating: #"{"grade":3}"# + "\n", count: 7)
        let arguments = [
            "review", "--index", index, "--format", "jsonl", "--now", "2026-11-29T10:00:00Z", "--new-limit", "7",
        ]
        let group = DispatchGroup()
        let outputs = Locked<[String]>([])
        for _ in 0..<2 {
            group.enter()
            DispatchQueue.global().async {
                defer { group.leave() }
                let output = try? QuizProcess.run(arguments, input: input, in: directory, environment: ["TZ": "UTC"])
                let text = output?.stdout ?? ""
                outputs.withLock { $0.append(text) }
            }
        }
        group.wait()
        let saved = outputs.value.reduce(0) { $0 + $1.components(separatedBy: #""event":"saved""#).count - 1 }
        #expect(saved == 14)
        #expect(try Self.reviewCount(directory, index: index) == 14)
    }
}
