import Foundation
import FuzzHarness
import QuizEngine
import Testing

/// The index harness on indexes the fuzzer cannot reach within its input size: the shipped
/// index, and one whose postings need bitset containers (more than 4,096 questions on a tag).
@Suite("Index harness on large indexes")
struct IndexHarnessTests {
    @Test func shippedIndex() throws {
        let path = Robustness.packageRoot.appendingPathComponent("Build/banks.qbx").path
        let bytes = [UInt8](try #require(FileManager.default.contents(atPath: path)))
        #expect(try QuestionIndex(bytes: bytes).count > 100)
        #expect(IndexHarness.check(bytes) == [])
    }

    @Test func bitsetPostings() throws {
        let here = SourceLocation(file: "Banks/big.yaml", line: 1, column: 1)
        let questions = (0..<5_000).map { q in
            Question(
                bank: "big", id: "q\(q)", type: .flashcard, prompt: "Prompt \(q)?", answer: "A",
                tags: q % 1_000 == 0 ? ["dense", "sparse"] : ["dense"], location: here)
        }
        let set = QuestionSet(
            tags: [
                TagInfo(name: "dense", description: "On every question"), TagInfo(name: "sparse", description: "Rare"),
            ],
            banks: [BankInfo(id: "big", title: "Big", location: here)], questions: questions)
        let bytes = try IndexWriter(compilerVersion: "test", schemaVersion: "1").encode(set)
        let index = try QuestionIndex(bytes: bytes)
        let dense = try #require(try index.postings(forTag: "dense"))
        #expect(dense.containers.contains { $0.kind == .bitset })
        #expect(IndexHarness.check(bytes) == [])
    }
}
