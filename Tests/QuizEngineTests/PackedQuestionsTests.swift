import Foundation
import Testing

@testable import QuizEngine

@Suite("Packed questions")
struct PackedQuestionsTests {
    @Test("packing and decoding gives back every question, field for field", arguments: [1, 2, 3, 4, 5] as [UInt64])
    func roundTrip(seed: UInt64) throws {
        let questions = IndexFixtures.randomSet(seed: seed, questions: 300).questions
        let packed = PackedQuestions(questions)
        #expect(packed.count == questions.count)
        #expect(packed.questions == questions)
        // `==` on strings is canonical equivalence; the bytes must survive too.
        #expect(try Self.bytes(packed.questions) == Self.bytes(questions))
        for (position, question) in questions.enumerated() {
            #expect(packed.tags(at: position) == question.tags)
            #expect(packed.difficulty(at: position) == question.difficulty)
        }
    }

    @Test("record starts of 8 bytes, as a run of 4 GiB or more has, read back the same")
    func wideStarts() throws {
        let questions = IndexFixtures.randomSet(seed: 6, questions: 200).questions
        let packed = PackedQuestions(questions, wideStarts: true)
        #expect(try Self.bytes(packed.questions) == Self.bytes(questions))
    }

    @Test("numbers at the ends of their ranges, empty and long texts survive packing")
    func extremes() throws {
        let long = String(repeating: "long text \u{E9} ", count: 20_000)
        let question = Question(
            bank: "", id: "", type: .trace, prompt: long, answer: "", accept: [""], choices: [Choice(text: "", why: "")],
            items: [long], guidance: nil, rubric: [], explanation: "", tags: ["", "t"], difficulty: .hard,
            source: "", refs: [], revision: Int.min, module: "",
            trace: TraceTemplate(
                algorithm: "bubble-sort", ask: "kth-smallest", pass: Int.min, k: Int.max, size: -1, minimum: Int.min,
                maximum: Int.max),
            location: SourceLocation(file: "", line: -1, column: Int.max))
        let packed = PackedQuestions([question, question])
        #expect(try Self.bytes(packed.questions) == Self.bytes([question, question]))
        // Bank, file, module, source and the first tag are all "", stored once.
        #expect(packed.shared == ["", "t"])
    }

    @Test("strings equal as Swift strings but different in bytes stay apart", arguments: [
        ("caf\u{E9}", "cafe\u{301}"), ("\u{212B}", "\u{C5}"),
    ])
    func canonicallyEqualStrings(first: String, second: String) throws {
        #expect(first == second)
        let questions = [first, second, first].enumerated().map { number, text in
            Question(
                bank: text, id: "q\(number)", type: .flashcard, prompt: text, tags: [text], source: text,
                module: text, location: SourceLocation(file: text, line: 1, column: 1))
        }
        let packed = PackedQuestions(questions)
        #expect(packed.shared.map { Array($0.utf8) } == [Array(first.utf8), Array(second.utf8)])
        #expect(try Self.bytes(packed.questions) == Self.bytes(questions))
    }

    /// The JSON of `questions`, which keeps every string's bytes as they are.
    private static func bytes(_ questions: [Question]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(questions)
    }

    @Test("no questions pack to an empty run")
    func empty() {
        let packed = PackedQuestions([Question]())
        #expect(packed.count == 0)
        #expect(packed.questions.isEmpty)
    }

    @Test("an index written from runs has the bytes of the one written from its questions", arguments: [7, 8, 9] as [UInt64])
    func runsWriteTheSameIndex(seed: UInt64) throws {
        let set = IndexFixtures.randomSet(seed: seed, questions: 400)
        let writer = IndexWriter(compilerVersion: "quiz test", schemaVersion: "1")
        // Uneven runs, some empty, as a bank of many small files and empty banks gives.
        var runs: [PackedQuestions] = [PackedQuestions([Question]())]
        var start = 0
        for size in [1, 0, 57, 200, 0, 142] {
            runs.append(PackedQuestions(set.questions[start..<start + size]))
            start += size
        }
        let packed = PackedQuestionSet(
            tags: set.tags, banks: set.banks, modules: set.modules, runs: runs, plans: set.plans,
            sourceDigest: set.sourceDigest)
        #expect(packed.questionCount == set.questions.count)
        #expect(packed.unpacked() == set)
        #expect(try writer.encode(packed) == writer.encode(set))
    }

    @Test("the byte arena keeps every record intact across chunks and for long strings")
    func arenaCopies() {
        let arena = ByteArena()
        var g = IndexTestRandom(seed: 11)
        var expected: [[UInt8]] = []
        var views: [UnsafeRawBufferPointer] = []
        for _ in 0..<2_000 {
            // Mostly short strings, some longer than a quarter chunk (each its own block).
            let length = g.chance(2) ? 16_385 + g.below(70_000) : g.below(300)
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: g.next()) }
            expected.append(bytes)
            views.append(ByteArena.bytes(of: bytes.withUnsafeBytes { arena.record($0) }))
        }
        #expect(zip(views, expected).allSatisfy { Array($0) == $1 })
    }
}
