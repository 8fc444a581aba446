import Foundation
import QuizEngine
import TestSupport
import Testing

/// `quiz interview` through the real binary: the shipped plans over the jsonl protocol, a
/// piped rehearsal, an interrupted one, `--review`, `--history` and `--report`.
@Suite("quiz interview end to end", .serialized, .tags(.subprocess), .skippedInFastRuns)
struct InterviewCLITests {
    static let shippedIndex = QuizProcess.packageRoot.appendingPathComponent("Build/banks.qbx").path
    static let now = "2026-12-01T09:00:00Z"

    /// A scratch folder and the index of the four-question fixture plan `tiny`.
    static func tinyIndex() throws -> (directory: URL, index: String) {
        let directory = try TemporaryFolder().url
        let index = directory.appendingPathComponent("tiny.qbx").path
        let compile = try QuizProcess.run(["compile", QuizProcess.fixture("interview").path, "-o", index, "--quiet"])
        #expect(compile.status == 0, "\(compile.stderr)")
        return (directory, index)
    }

    static func events(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
        }
    }

    /// The tiny plan's right answers, piped: flashcard revealed and graded 3, choice b, the
    /// open question's first rubric item of two, the short answer 443.
    static let tinyAnswers = "\n3\nb\n\n1\n443\n"

    /// Runs `quiz interview` with a front end that answers each card as it comes: rubric
    /// items alternately met, self-grades 3, graded questions "a" (or the items in shown
    /// order); an answer refused as unreadable (a trace wants numbers) is retried as "1", then
    /// as "1 2", "1 2 3" and so on. A watchdog ends a run that stalls.
    static func drive(_ arguments: [String], in directory: URL) throws -> [[String: Any]] {
        let process = Process()
        process.executableURL = TestPaths.quiz
        process.arguments = ["interview", "--format", "jsonl"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["QUIZ_STORE"] = directory.appendingPathComponent("store.sqlite").path
        environment.removeValue(forKey: "QUIZ_INDEX")
        process.environment = environment
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        let pid = process.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + 120) { kill(pid, SIGKILL) }
        var events: [[String: Any]] = []
        var fallbacks: [String] = []
        var buffer = Data()
        var stage: [String: Any] = [:]
        var lastCard = false
        reading: while true {
            let chunk = stdout.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
            while let newline = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<newline]
                buffer.removeSubrange(buffer.startIndex...newline)
                let event = try #require(try JSONSerialization.jsonObject(with: line) as? [String: Any])
                events.append(event)
                var reply: String?
                switch event["event"] as? String {
                case "stage": stage = event
                case "card":
                    lastCard =
                        event["position"] as? Int == event["total"] as? Int
                        && stage["position"] as? Int == stage["of"] as? Int
                    if let rubric = event["rubric"] as? [String] {
                        reply =
                            "{\"rubric\":[\(rubric.indices.map { $0 % 2 == 0 ? "true" : "false" }.joined(separator: ","))]}"
                    } else if event["self_graded"] as? Bool == true {
                        reply = "{\"grade\":3}"
                    } else if let items = event["items"] as? [String] {
                        reply = "{\"answer\":\"\(items.indices.map { String($0 + 1) }.joined(separator: " "))\"}"
                    } else {
                        reply = "{\"answer\":\"a\"}"
                    }
                    fallbacks = ["1"] + (2...16).map { n in (1...n).map(String.init).joined(separator: " ") }
                case "error" where !fallbacks.isEmpty:
                    reply = "{\"answer\":\"\(fallbacks.removeFirst())\"}"
                case "saved" where event["overridable"] as? Bool == true && lastCard:
                    reply = "{}"
                case "scorecard": break reading
                default: break
                }
                if let reply { stdin.fileHandleForWriting.write(Data((reply + "\n").utf8)) }
            }
        }
        try? stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return events
    }

    @Test(arguments: ["backend-entry", "backend-mid", "backend-senior"])
    func shippedPlanRunsInOrderWithItsCountsAndScorecard(_ name: String) throws {
        let directory = try TemporaryFolder().url
        defer { try? FileManager.default.removeItem(at: directory) }
        let index = try QuestionIndex(contentsOf: Self.shippedIndex)
        let plan = try #require(try index.interviewPlans().first { $0.name == name })
        let events = try Self.drive(
            [name, "--seed", "21", "--index", Self.shippedIndex, "--now", Self.now], in: directory)

        // Stages in the plan's order, each with its slots' counts, every card matching its slot.
        let stages = events.filter { $0["event"] as? String == "stage" }
        #expect(stages.map { $0["title"] as? String } == plan.stages.map(\.title))
        var keys: [String] = []
        var scores: [[Double]] = Array(repeating: [], count: plan.stages.count)
        for (position, stage) in plan.stages.enumerated() {
            let cards = events.filter { $0["event"] as? String == "card" && $0["stage"] as? Int == position + 1 }
            #expect(cards.count == stage.questionCount, "\(stage.title)")
            var offset = 0
            for slot in stage.slots {
                let query = try QuestionQuery(index: index, tags: [slot.tags])
                for card in cards[offset..<min(cards.count, offset + slot.count)] {
                    let ordinal = try #require(try index.ordinal(forKey: card["key"] as? String ?? ""))
                    #expect(query.matches(ordinal), "\(card["key"] ?? "") in slot '\(slot.tags)'")
                }
                offset += slot.count
            }
            keys += cards.compactMap { $0["key"] as? String }
            scores[position] = events.filter {
                $0["event"] as? String == "saved" && $0["stage"] as? Int == position + 1
            }
            .compactMap { $0["score"] as? Double }
        }
        #expect(Set(keys).count == keys.count, "a question repeats: \(keys)")

        // The scorecard's arithmetic, from the saved answers.
        let card = try #require(events.last)
        #expect(card["event"] as? String == "scorecard")
        let reported = try #require(card["stages"] as? [[String: Any]])
        for (stage, line) in zip(scores, reported) {
            #expect(line["answered"] as? Int == stage.count)
            let mean = stage.reduce(0, +) / Double(stage.count)
            #expect(abs((line["score"] as? Double ?? -1) - mean) < 1e-9)
        }
        let overall = scores.joined().reduce(0, +) / Double(plan.questionCount)
        #expect(abs((card["overall"] as? Double ?? -1) - overall) < 1e-9)
        #expect(card["planned"] as? Int == plan.questionCount && card["answered"] as? Int == plan.questionCount)
        let verdict: String
        if overall >= 0.80 && scores.allSatisfy({ $0.reduce(0, +) / Double($0.count) >= 0.5 }) {
            verdict = "hire"
        } else if overall >= 0.65 {
            verdict = "lean hire"
        } else {
            verdict = overall >= 0.5 ? "lean no hire" : "no hire"
        }
        #expect(card["verdict"] as? String == verdict)
        #expect(card["stopped"] as? Bool == false)
    }

    @Test func aSecondRehearsalAvoidsTheFirstsQuestions() throws {
        let directory = try TemporaryFolder().url
        defer { try? FileManager.default.removeItem(at: directory) }
        let arguments = ["backend-senior", "--seed", "3", "--index", Self.shippedIndex, "--now", Self.now]
        let keys = { (events: [[String: Any]]) in
            Set(events.filter { $0["event"] as? String == "card" }.compactMap { $0["key"] as? String })
        }
        let first = keys(try Self.drive(arguments, in: directory))
        let second = keys(try Self.drive(arguments, in: directory))
        #expect(first.count == 16 && second.count == 16)
        #expect(first.isDisjoint(with: second), "asked again: \(first.intersection(second))")
        // A fresh store replays the first rehearsal exactly.
        let fresh = try TemporaryFolder().url
        defer { try? FileManager.default.removeItem(at: fresh) }
        #expect(keys(try Self.drive(arguments, in: fresh)) == first)
    }

    @Test func pipedRehearsalPrintsItsScorecardAndHistoryShowsTwo() throws {
        let (directory, index) = try Self.tinyIndex()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try QuizProcess.run(
            ["interview", "tiny", "--seed", "1", "--index", index, "--now", Self.now], input: Self.tinyAnswers,
            in: directory)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Stage 1 of 2: Recruiter call"))
        #expect(first.stdout.contains("You are talking to a recruiter. They look for your interests."))
        #expect(!first.stdout.contains("⏱"), "a countdown on a pipe")
        #expect(first.stdout.contains("  Recruiter call  100%    1/1  0:00 of 1:00"), "\(first.stdout)")
        #expect(first.stdout.contains("  Onsite           83%    3/3  0:00 of 2:00  weakest: story 50%"))
        #expect(first.stdout.contains("Overall 88% (4 of 4 answered) · verdict: hire"))
        let second = try QuizProcess.run(
            ["interview", "tiny", "--seed", "1", "--index", index, "--now", Self.now], input: "\n1\na\n", in: directory)
        #expect(second.stdout.contains("Overall 0% (2 of 4 answered) · stopped early"), "\(second.stdout)")
        let history = try QuizProcess.run(["interview", "--history", "--now", Self.now], in: directory)
        #expect(history.status == 0)
        #expect(history.stdout.contains("tiny  stages 100% 83%  overall 88%  hire\n"), "\(history.stdout)")
        #expect(history.stdout.contains("tiny  stages 0% 0%  overall 0%  no hire (stopped)\n"))
        #expect(history.stdout.contains("Trend tiny: 88% → 0% (-88 points over 2 rehearsals)"))
    }

    @Test func reportWritesEveryQuestionAnswerAndRubric() throws {
        let (directory, index) = try Self.tinyIndex()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try QuizProcess.run(
            ["interview", "tiny", "--seed", "1", "--index", index, "--now", Self.now], input: Self.tinyAnswers,
            in: directory)
        let file = directory.appendingPathComponent("report.md")
        let report = try QuizProcess.run(
            ["interview", "--report", "1", "-o", file.path, "--index", index], in: directory)
        #expect(report.status == 0, "\(report.stderr)")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.hasPrefix("# Mock interview #1: A tiny loop\n"))
        #expect(text.contains("| Onsite | 83% | 3/3 | 0:00 | 2:00 | story 50% |"))
        #expect(text.contains("Answer given: `b` · right"))
        #expect(text.contains("- [x] Names the impact and the timeline\n- [ ] Says what changed afterwards"))
        #expect(text.contains("Self-graded: good"))
        let missing = try QuizProcess.run(["interview", "--report", "9", "--index", index], in: directory)
        #expect(missing.status == 2 && missing.stderr.contains("no interview #9"), "\(missing.stderr)")
    }

    @Test func reviewFlagCountsAnswersAsReviewsAndOnlyThen() throws {
        let (directory, index) = try Self.tinyIndex()
        defer { try? FileManager.default.removeItem(at: directory) }
        let arguments = ["interview", "tiny", "--seed", "1", "--index", index, "--now", Self.now]
        _ = try QuizProcess.run(arguments, input: Self.tinyAnswers, in: directory)
        #expect(try ReviewCLITests.reviewCount(directory, index: index) == 0)
        let reviewed = try QuizProcess.run(arguments + ["--review"], input: Self.tinyAnswers, in: directory)
        #expect(reviewed.stdout.contains("saved · score 100% · next review"), "\(reviewed.stdout)")
        #expect(try ReviewCLITests.reviewCount(directory, index: index) == 4)
    }

    @Test func overrideCountsANearMissAsRight() throws {
        let (directory, index) = try Self.tinyIndex()
        defer { try? FileManager.default.removeItem(at: directory) }
        // "444" is graded wrong, and a typed answer may be overruled by the next reply.
        let output = try QuizProcess.run(
            ["interview", "tiny", "--seed", "1", "--index", index, "--now", Self.now, "--format", "jsonl", "--review"],
            input:
                "{\"grade\":3}\n{\"answer\":\"b\"}\n{\"rubric\":[true,true]}\n{\"answer\":\"444\"}\n{\"override\":true}\n",
            in: directory)
        let events = try Self.events(output.stdout)
        let saved = events.filter { $0["event"] as? String == "saved" }
        #expect(saved.count == 5, "\(output.stdout)")
        if saved.count == 5 {
            #expect(saved[3]["correct"] as? Bool == false && saved[3]["overridable"] as? Bool == true)
            #expect(saved[4]["override"] as? Bool == true && saved[4]["score"] as? Double == 1)
        }
        #expect(events.last?["overall"] as? Double == 1)
        #expect(try ReviewCLITests.reviewCount(directory, index: index) == 4)
    }

    @Test func interruptSavesAndShowsThePartialScorecard() throws {
        let (directory, index) = try Self.tinyIndex()
        defer { try? FileManager.default.removeItem(at: directory) }
        let child = try InteractiveChild(
            TestPaths.quiz, ["interview", "tiny", "--seed", "1", "--index", index, "--now", Self.now],
            environment: ["QUIZ_STORE": directory.appendingPathComponent("store.sqlite").path])
        // Answer the first question, then interrupt while the choice question waits.
        child.write("\n3\n")
        child.read(until: "Answer (one letter")
        child.interrupt()
        let (status, transcript) = child.finish()
        #expect(status == 0)
        #expect(transcript.contains("Overall 25% (1 of 4 answered) · stopped early"), "\(transcript)")
        let history = try QuizProcess.run(["interview", "--history", "--now", Self.now], in: directory)
        #expect(history.stdout.contains("tiny  stages 100% —  overall 25%  no hire (stopped)"), "\(history.stdout)")
    }

    @Test(arguments: [
        (["interview", "tinny"], "did you mean 'tiny'?"),
        (["interview", "tiny", "--history"], "give only one of"),
        (["interview", "--seed", "3"], "--seed applies to a rehearsal"),
        (["interview", "--report", "0"], "--report takes an interview id"),
        (["interview", "-o", "x.md"], "-o/--output goes with --report"),
    ])
    func badCommandLinesAreUsageErrors(_ arguments: [String], _ message: String) throws {
        let (directory, index) = try Self.tinyIndex()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try QuizProcess.run(arguments + ["--index", index], in: directory)
        #expect(output.status == 2)
        #expect(output.stderr.contains(message), "\(output.stderr)")
    }
}
