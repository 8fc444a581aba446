import Foundation
import Dispatch
import Testing
import TestSupport

@testable import QuizEngine

@Suite("Index round trip")
struct IndexRoundTripTests {
    @Test("random question sets survive encode → open → decode", arguments: 0..<40)
    func roundTrip(seed: UInt64) throws {
        let set = IndexFixtures.randomSet(seed: seed, questions: Int(seed % 7 == 0 ? 0 : seed * 3))
        let bytes = try indexTestWriter.encode(set)
        let index = try QuestionIndex(bytes: bytes)
        let back = try index.questionSet()
        #expect(back == set, "seed \(seed)")
        // String == is canonical equivalence; the index must also keep the exact bytes.
        for (a, b) in zip(back.questions, set.questions) {
            #expect(Array(a.prompt.utf8) == Array(b.prompt.utf8), "seed \(seed)")
            #expect(Array(a.id.utf8) == Array(b.id.utf8), "seed \(seed)")
        }
        #expect(index.count == set.questions.count)
        #expect(index.compilerVersion == "quiz 0.0.0-test")
        #expect(index.schemaVersion == "1")
        #expect(index.sourceDigest == set.sourceDigest)
        #expect(index.formatVersion == QuestionIndex.currentFormat)
        #expect(index.byteCount == bytes.count)
        #expect(try index.allKeys() == set.questions.map(\.key))
        for (ordinal, q) in set.questions.enumerated() {
            #expect(try index.ordinal(forKey: q.key) == ordinal, "seed \(seed) key \(q.key)")
            #expect(try index.question(at: ordinal) == q)
            #expect(try index.type(at: ordinal) == q.type)
            #expect(try index.difficulty(at: ordinal) == q.difficulty)
            #expect(try index.prompt(at: ordinal) == q.prompt)
            #expect(try index.bank(at: ordinal) == q.bank)
            #expect(try index.revision(at: ordinal) == q.revision)
        }
        for missing in ["", "/", "nope/q0", "\(set.questions.first?.bank ?? "x")/", "zzzz/zzzz", "a/q", "a-b"] {
            if !set.questions.contains(where: { Array($0.key.utf8) == Array(missing.utf8) }) {
                #expect(try index.ordinal(forKey: missing) == nil, "seed \(seed) key \(missing)")
            }
        }
        // Postings equal naive membership; counts agree.
        for tag in try index.tags {
            let expected = set.questions.indices.filter { set.questions[$0].tags.contains(tag.name) }
            let list = try index.postings(forTag: tag.id)
            #expect(list.ordinals == expected, "seed \(seed) tag \(tag.name)")
            #expect(list.count == expected.count && tag.count == expected.count)
            #expect(try index.tagID(named: tag.name) == tag.id)
            #expect(try index.postings(forTag: tag.name)?.count == expected.count)
        }
        #expect(try index.tagID(named: "no-such-tag") == nil)
        #expect(try index.postings(forTag: "no-such-tag") == nil)
    }

    @Test("precomposed and decomposed accents stay distinct")
    func normalForms() throws {
        let loc = SourceLocation(file: "f", line: 1, column: 1)
        let set = QuestionSet(questions: [
            Question(bank: "b", id: "caf\u{E9}", type: .flashcard, prompt: "caf\u{E9}", location: loc),
            Question(bank: "b", id: "cafe\u{301}", type: .flashcard, prompt: "cafe\u{301}", location: loc),
        ])
        let index = try QuestionIndex(bytes: try indexTestWriter.encode(set))
        #expect(try Array(index.question(at: 0).prompt.utf8) == Array("caf\u{E9}".utf8))
        #expect(try Array(index.question(at: 1).prompt.utf8) == Array("cafe\u{301}".utf8))
        #expect(try index.ordinal(forKey: "b/cafe\u{301}") == 1)
        #expect(try index.ordinal(forKey: "b/caf\u{E9}") == 0)
    }

    @Test("postings cross a 65,536-question container boundary; dense tags become bitsets")
    func largePostings() throws {
        let n = 70_001
        let loc = SourceLocation(file: "f", line: 1, column: 1)
        var questions: [Question] = []
        questions.reserveCapacity(n)
        func tagsOf(_ i: Int) -> [String] {
            var t: [String] = ["all"]
            if i % 2 == 0 { t.append("even") }
            if i % 1000 == 7 { t.append("rare") }
            if i >= 65_530 && i < 65_542 { t.append("straddle") }
            return t.sorted()
        }
        for i in 0..<n {
            questions.append(
                Question(bank: "b", id: "\(i)", type: .flashcard, prompt: "", tags: tagsOf(i), location: loc))
        }
        let set = QuestionSet(
            tags: ["all", "even", "none", "rare", "straddle"].map { TagInfo(name: $0, description: $0) },
            questions: questions)
        let index = try QuestionIndex(bytes: try indexTestWriter.encode(set))
        for tag in try index.tags {
            let expected = (0..<n).filter { tagsOf($0).contains(tag.name) }
            let list = try index.postings(forTag: tag.id)
            #expect(list.ordinals == expected, "tag \(tag.name)")
            #expect(tag.count == expected.count)
            for probe in [0, 1, 7, 65_535, 65_536, 65_537, 70_000, 70_001, -1] {
                #expect(list.contains(probe) == expected.contains(probe), "tag \(tag.name) probe \(probe)")
            }
        }
        let all = try index.postings(forTag: "all")!
        #expect(all.containers.map(\.kind) == [.bitset, .bitset])
        #expect(all.containers.map(\.key) == [0, 1])
        #expect(all.containers.map(\.count) == [65_536, n - 65_536])
        // "even" has 32,768 members in the first block and 2,233 in the second.
        #expect(try index.postings(forTag: "even")!.containers.map(\.kind) == [.bitset, .array])
        #expect(try index.postings(forTag: "rare")!.containers.map(\.kind) == [.array, .array])
        let straddle = try index.postings(forTag: "straddle")!
        #expect(
            straddle.containers.map(\.values) == [
                Array(65_530...65_535).map { UInt16($0) }, Array(0...5).map { UInt16($0) },
            ])
        #expect(try index.postings(forTag: "none")!.isEmpty)
        #expect(try index.ordinal(forKey: "b/69999") == 69_999)
        #expect(try index.ordinal(forKey: "b/70001") == nil)
    }

    @Test("undeclared tags used by questions are indexed but not returned as declared")
    func undeclaredTags() throws {
        let loc = SourceLocation(file: "f", line: 1, column: 1)
        let set = QuestionSet(
            tags: [TagInfo(name: "b", description: "B")],
            questions: [Question(bank: "x", id: "1", type: .open, prompt: "p", tags: ["a", "b"], location: loc)])
        let index = try QuestionIndex(bytes: try indexTestWriter.encode(set))
        #expect(try index.tags.map(\.name) == ["a", "b"])
        #expect(try index.tags.map(\.description) == [nil, "B"])
        #expect(try index.questionSet() == set)
    }

    @Test("invalid input is reported, not encoded")
    func invalidInput() {
        let loc = SourceLocation(file: "f", line: 1, column: 1)
        let q = Question(bank: "b", id: "x", type: .open, prompt: "p", location: loc)
        #expect(throws: IndexError.self) { try indexTestWriter.encode(QuestionSet(questions: [q, q])) }
        do {
            _ = try indexTestWriter.encode(QuestionSet(questions: [q, q]))
        } catch {
            #expect(error.code == .invalidInput)
            #expect(error.message.contains("duplicate key 'b/x'"))
        }
        var bad = q
        bad.revision = Int(Int32.max) + 1
        #expect(throws: IndexError.self) { try indexTestWriter.encode(QuestionSet(questions: [bad])) }
        bad = q
        bad.location.line = -1
        #expect(throws: IndexError.self) { try indexTestWriter.encode(QuestionSet(questions: [bad])) }
        #expect(throws: IndexError.self) {
            try indexTestWriter.encode(QuestionSet(sourceDigest: Array(repeating: 1, count: 33)))
        }
    }
}

@Suite("Index read by many threads")
struct IndexConcurrencyTests {
    /// Blocks are verified on first read and marked in a shared bitmap: threads reading the
    /// same fresh index at once, in different orders, all get what a serial reader gets.
    @Test("concurrent first reads of a fresh index agree with a serial read")
    func concurrentFirstReads() throws {
        let location = SourceLocation(file: "f", line: 1, column: 1)
        let questions = (0..<2_000).map { i in
            Question(
                bank: "b\(i % 7)", id: "q\(i)", type: .flashcard,
                prompt: "Prompt \(i): " + String(repeating: "what changes under load? ", count: 4),
                tags: i % 3 == 0 ? ["three"] : [], location: location)
        }
        let bytes = try indexTestWriter.encode(
            QuestionSet(tags: [TagInfo(name: "three", description: "every third")], questions: questions))
        #expect(bytes.count > 8 * 16_384)
        let expected = try QuestionIndex(bytes: bytes).questionSet().questions
        let shared = try QuestionIndex(bytes: bytes)
        let threads = 8
        let mismatches = Locked<[String]>([])
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            // Each thread walks the questions from a different start, so first reads collide.
            for step in 0..<questions.count {
                let ordinal = (step * 7 + thread * questions.count / threads) % questions.count
                do {
                    let question = try shared.question(at: ordinal)
                    if question != expected[ordinal] { mismatches.withLock { $0.append("thread \(thread) ordinal \(ordinal)") } }
                    if try shared.ordinal(forKey: question.key) != ordinal { mismatches.withLock { $0.append("key \(question.key)") } }
                } catch {
                    mismatches.withLock { $0.append("thread \(thread) ordinal \(ordinal): \(error)") }
                }
            }
        }
        #expect(mismatches.value == [])
        #expect(try shared.postings(forTag: "three")?.count == 667)
    }
}

@Suite("Index determinism")
struct IndexDeterminismTests {
    @Test("the same set encodes to the same bytes", arguments: [1, 2, 3] as [UInt64])
    func sameBytes(seed: UInt64) throws {
        let set = IndexFixtures.randomSet(seed: seed, questions: 50)
        #expect(try indexTestWriter.encode(set) == indexTestWriter.encode(set))
        // A copy built independently (no shared storage) too.
        let again = IndexFixtures.randomSet(seed: seed, questions: 50)
        #expect(try indexTestWriter.encode(again) == indexTestWriter.encode(set))
    }

    @Test("the small index matches the committed golden file byte for byte")
    func golden() throws {
        let bytes = try indexTestWriter.encode(IndexFixtures.small)
        let path = TestPaths.packageRoot.appendingPathComponent("Tests/QuizEngineTests/Fixtures/golden.qbx").path
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try AtomicFile.write(bytes, to: path)
        }
        let golden = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(golden == bytes, "re-record with RECORD_GOLDEN=1 swift test if the format changed on purpose")
        let index = try QuestionIndex(bytes: golden)
        #expect(index.formatVersion == QuestionIndex.FormatVersion(major: 1, minor: 3))
        #expect(try index.questionSet() == IndexFixtures.small)
        try index.verifyAll()
    }

    /// Format 1.2 (strings stored as they are) as the 1.2 writer recorded it; never re-recorded.
    @Test("a format 1.2 index (uncompressed strings) still reads, lazily and verified whole")
    func goldenFormat12() throws {
        let path = TestPaths.packageRoot.appendingPathComponent("Tests/QuizEngineTests/Fixtures/golden-1.2.qbx").path
        let legacy = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(Array(legacy[8..<12]) == [1, 0, 2, 0])
        let index = try QuestionIndex(bytes: legacy)
        #expect(index.formatVersion == QuestionIndex.FormatVersion(major: 1, minor: 2))
        #expect(try index.questionSet() == IndexFixtures.small)
        for (ordinal, q) in IndexFixtures.small.questions.enumerated() {
            #expect(try index.ordinal(forKey: q.key) == ordinal)
        }
        #expect(try index.tagID(named: "nosql") == 1)
        try index.verifyAll()
    }
}
