import BankCompiler
import QuizEngine
import SeededRandom
import Testing

private let header = "bank: test\ntitle: Test bank\nquestions:\n"

/// A `choice` question with the given options; the first is the key.
private func choice(_ id: String, prompt: String, key: String, _ distractors: [String], keyMarker: String = "")
    -> String
{
    var text = "  - id: \(id)\n    type: choice\n    prompt: \(prompt)\n    choices:\n"
    text += "      - \(keyMarker)text: \(key)\n        correct: true\n"
    for distractor in distractors { text += "      - text: \(distractor)\n        why: Wrong.\n" }
    return text
}

/// A `multi` question with `correct` true options out of `options`.
private func multi(_ id: String, prompt: String, correct: [String], wrong: [String], promptMarker: String = "") -> String {
    var text = "  - id: \(id)\n    type: multi\n    prompt: \(promptMarker)\(prompt)\n    choices:\n"
    for option in correct { text += "      - text: \(option)\n        correct: true\n" }
    for option in wrong { text += "      - text: \(option)\n        why: Wrong.\n" }
    return text
}

/// The item-writing warnings, each at the node a reviewer would mark.
@Suite("Item-writing rules")
struct ItemWritingRuleTests {
    static let balanced = ["Port 5432 on the primary", "Port 6432 on the pooler", "Port 3306 on the replica"]

    static let cases: [RuleCase] = [
        RuleCase(
            "balanced choice is clean",
            header + choice("a", prompt: "Where does PgBouncer listen by default?", key: "Port 6432 on each host", balanced),
            []),
        RuleCase(
            "key far longer than every distractor",
            header
                + choice(
                    "a", prompt: "What does a write-ahead log give a database?",
                    key: "Durability, since a change is on disk in the log before the data page is written back",
                    ["Faster reads", "Smaller tables", "Fewer locks"], keyMarker: "1️⃣"),
            [("1️⃣", "length-cue")]),
        RuleCase(
            "multi whose correct set is the long options",
            header
                + multi(
                    "a", prompt: "Which statements about B-tree indexes are true?",
                    correct: [
                        "They keep keys sorted, so range scans read neighbouring leaf pages",
                        "They serve equality and prefix lookups on the leading columns of the key",
                    ], wrong: ["They hash keys", "They need no writes", "They are unordered"], promptMarker: "1️⃣"),
            [("1️⃣", "length-cue")]),
        RuleCase(
            "multi with mixed lengths is clean",
            header
                + multi(
                    "a", prompt: "Which statements about B-tree indexes are true?",
                    correct: ["They keep keys sorted for range scans", "They serve equality lookups"],
                    wrong: ["They hash keys into buckets like a hash index", "They need no writes"]),
            []),
        RuleCase(
            "accepted answer in the prompt",
            header
                + "  - id: a\n    type: short\n    prompt: 1️⃣Which lock lets the thread holding ReentrantLock take it again?\n    accept: [reentrant]\n",
            [("1️⃣", "answer-in-prompt")]),
        RuleCase(
            "a number's unit in the prompt gives nothing away",
            header
                + "  - id: a\n    type: short\n    prompt: After how many milliseconds does CPython ask for the GIL?\n    accept: [5, 5 milliseconds]\n",
            []),
        RuleCase(
            "only the key echoes the prompt",
            header
                + "  - id: a\n    type: choice\n    prompt: 1️⃣How should a news feed reach each follower's timeline for an account with millions of followers?\n    choices:\n"
                + "      - text: Pull the account posts into each follower feed at read time\n        correct: true\n"
                + "      - text: Write every post into every inbox when it is published\n        why: W.\n"
                + "      - text: Cache the newest posts in a CDN edge node for a minute\n        why: W.\n",
            [("1️⃣", "answer-in-prompt")]),
        RuleCase(
            "all of the above",
            header
                + choice(
                    "a", prompt: "Which ports does PostgreSQL use?", key: "Port 5432 for connections",
                    ["Port 5433 for replication", "Port 8008 for the web UI", "2️⃣All of the above"].map { $0 })
                .replacingOccurrences(of: "- text: 2️⃣All", with: "- 1️⃣text: All"),
            [("1️⃣", "above-option")]),
        RuleCase(
            "None Of The Above in any case",
            header
                + choice(
                    "a", prompt: "Which ports does PostgreSQL use?", key: "Port 5432 for connections",
                    ["Port 5433 for replication", "Port 8008 for the web UI", "2️⃣None Of The Above"])
                .replacingOccurrences(of: "- text: 2️⃣None", with: "- 1️⃣text: None"),
            [("1️⃣", "above-option")]),
        RuleCase(
            "negative stem without emphasis",
            header
                + choice(
                    "a", prompt: "1️⃣Which isolation level does not prevent dirty reads?", key: "Read uncommitted",
                    ["Read committed", "Repeatable read", "Serializable"]),
            [("1️⃣", "negative-stem")]),
        RuleCase(
            "emphasised negative stem is clean",
            header
                + choice(
                    "a", prompt: "Which isolation level does **NOT** prevent dirty reads?", key: "Read uncommitted",
                    ["Read committed", "Repeatable read", "Serializable"]),
            []),
        RuleCase(
            "near-duplicate questions",
            header
                + "  - id: a\n    type: flashcard\n    prompt: What does the CAP theorem say a distributed store must give up during a network partition?\n    answer: Consistency or availability.\n"
                + "  - 1️⃣id: b\n    type: flashcard\n    prompt: What does the CAP theorem say a distributed data store must give up during a network partition?\n    answer: Consistency or availability.\n",
            [("1️⃣", "near-duplicate")]),
        RuleCase(
            "code span split across two lines of a literal block",
            header
                + "  - id: a\n    type: flashcard\n    prompt: What does fsync do?\n    answer: Flushes a file.\n    explanation: |\n      2️⃣Call `fsync(fd)` after `write`. Setting `synchronous_commit\n      1️⃣= off` skips the wait.\n      ```\n      a ` fenced line is code\n      ```\n",
            [("2️⃣", "unterminated-code-span"), ("1️⃣", "unterminated-code-span")]),
        RuleCase(
            "unterminated span in a one-line scalar",
            header + "  - id: a\n    type: flashcard\n    prompt: 1️⃣What does `fsync do?\n    answer: Flushes a file.\n",
            [("1️⃣", "unterminated-code-span")]),
    ]

    @Test(arguments: cases)
    func rule(_ rule: RuleCase) {
        let (source, result) = compileMarked(rule.yaml)
        expectDiagnostics(result, source, rule.expected)
    }

    /// Six `choice` questions whose keys are all slightly the longest: no single item crosses
    /// the per-question threshold, but the bank does; six `multi` questions with two correct each.
    @Test func bankLevelPatterns() {
        var yaml = "1️⃣bank: test\ntitle: Test bank\nquestions:\n"
        for index in 0..<6 {
            yaml += choice(
                "c\(index)", prompt: "Question number \(index) about ports?", key: "Port \(index) on the primary host",
                ["Port \(index) on the pooler", "Port \(index) on a replica", "Port \(index) on the standby"])
            yaml += multi(
                "m\(index)", prompt: "Statement set \(index), which hold?",
                correct: ["Claim \(index) alpha holds", "Claim \(index) beta holds"],
                wrong: ["Claim \(index) gamma holds", "Claim \(index) delta holds", "Claim \(index) omega holds"])
        }
        let (source, result) = compileMarked(yaml)
        expectDiagnostics(result, source, [Expected(marker: "1️⃣", code: "correct-count-pattern"), Expected(marker: "1️⃣", code: "length-cue-bank")])
        #expect(result.diagnostics.contains { $0.message.contains("100% of the 6 choice questions") })
    }

    /// The sampled index finds every near-duplicate: 90 prompts (the per-file cap is 100 problems) of 12 to 30 random words, each
    /// followed by a copy with one word changed; and no pair of the independent prompts.
    @Test func nearDuplicatesAreFoundDespiteSampling() {
        var generator = SeededWords(seed: 0x4E44)
        var questions: [Question] = []
        for index in 0..<90 {
            var words = (0..<(12 + index % 19)).map { _ in generator.word() }
            let original = words.joined(separator: " ")
            words[words.count / 2] = "changed"
            for (suffix, prompt) in [("a", original), ("b", words.joined(separator: " "))] {
                questions.append(
                    Question(
                        bank: "b", id: "q\(index)\(suffix)", type: .flashcard, prompt: prompt, answer: "An answer.",
                        location: SourceLocation(file: "f", line: questions.count + 1, column: 1)))
            }
        }
        let result = Compiler().compile(
            [SourceFile(path: "Banks/tags.yaml", text: testVocabulary)] + [
                SourceFile(
                    path: "Banks/b.yaml",
                    text: "bank: b\ntitle: B\nquestions:\n"
                        + questions.map { "  - id: \($0.id)\n    type: flashcard\n    prompt: \($0.prompt)\n    answer: \($0.answer!)\n" }
                        .joined())
            ])
        let reported = result.diagnostics.filter { $0.code == "near-duplicate" }
        #expect(reported.count == 90, "\(reported.count) of 90 near-duplicates found")
        #expect(reported.allSatisfy { $0.message.contains("a'") })
    }

    @Test func figuresOfABank() {
        let questions = (0..<4).map { index in
            Question(
                bank: "b", id: "q\(index)", type: .choice, prompt: "P",
                choices: [
                    Choice(text: index < 2 ? "a longer key" : "key", isCorrect: true), Choice(text: "bb"),
                    Choice(text: "cccc"),
                ], location: SourceLocation(file: "f", line: 1, column: 1))
        }
        let figures = BankItemStatistics(questions)
        #expect(figures.choiceCount == 4)
        #expect(abs(figures.chance - 1.0 / 3) < 1e-12)
        #expect(abs(figures.longestShare - 0.5) < 1e-12)
        #expect(figures.shortestShare == 0)
        #expect(!figures.hasLengthCue)  // fewer than six questions are not judged
    }
}

/// Words from a fixed 400-word vocabulary, drawn by SplitMix64.
struct SeededWords {
    var generator: SplitMix64
    init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    static let syllables = [
        "ka", "lo", "mi", "ne", "ru", "ta", "vo", "shi", "ze", "pa", "do", "fu", "gi", "ho", "ju", "xe", "qi", "wa", "yo",
        "be",
    ]

    mutating func word() -> String {
        let n = Int(generator.next() % 400)
        return Self.syllables[n % 20] + Self.syllables[n / 20]
    }
}
