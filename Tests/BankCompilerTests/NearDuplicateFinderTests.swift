import QuizEngine
import SeededRandom
import Testing

@testable import BankCompiler

@Suite("Near-duplicate finder")
struct NearDuplicateFinderTests {
    @Test("merging sorted runs counts each key across them", arguments: [
        [[1, 2, 2, 5], [2, 3], [], [5, 5, 9]],
        [[], []],
        [[7]],
        [[0, 0, 0], [0], [UInt64.max, UInt64.max]],
    ] as [[[UInt64]]])
    func sortedMerge(runs: [[UInt64]]) {
        var merge = SortedMerge(runs)
        var merged: [(UInt64, Int)] = []
        while let (key, count) = merge.next() { merged.append((key, count)) }
        let expected = Dictionary(grouping: runs.flatMap { $0 }, by: { $0 }).map { ($0.key, $0.value.count) }
            .sorted { $0.0 < $1.0 }
        #expect(merged.map(\.0) == expected.map(\.0))
        #expect(merged.map(\.1) == expected.map(\.1))
    }

    /// Prompts of random words from a small vocabulary, a fifth of them an earlier prompt with
    /// a word or two changed.
    private static func questions(seed: UInt64, count: Int) -> [Question] {
        var random = SplitMix64(seed: seed)
        func below(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
        var prompts: [[String]] = []
        for _ in 0..<count {
            if !prompts.isEmpty, below(5) == 0 {
                var words = prompts[below(prompts.count)]
                for _ in 0...below(2) { words[below(words.count)] = "w\(below(60))" }
                prompts.append(words)
            } else {
                prompts.append((0..<(3 + below(15))).map { _ in "w\(below(60))" })
            }
        }
        return prompts.enumerated().map { number, words in
            Question(
                bank: "b", id: "q\(number)", type: number % 17 == 0 ? .trace : .flashcard,
                prompt: words.joined(separator: " "), answer: "answer \(number % 7)",
                location: SourceLocation(file: "f", line: number + 1, column: 1))
        }
    }

    @Test("how the questions are split into files does not change the pairs", arguments: [1, 2, 3] as [UInt64])
    func splitIntoFiles(seed: UInt64) {
        let questions = Self.questions(seed: seed, count: 1_500)
        var whole = ShingleTable()
        for question in questions { whole.append(question) }
        var tables: [ShingleTable] = []
        var start = 0
        for size in [0, 1, 400, 0, 99, 1_000] {
            var table = ShingleTable()
            for question in questions[start..<start + size] { table.append(question) }
            table.seal()
            tables.append(table)
            start += size
        }
        let expected = NearDuplicateFinder.pairs([whole])
        let found = NearDuplicateFinder.pairs(tables)
        #expect(expected.count > 50)
        #expect(found.map(\.0) == expected.map(\.0))
        #expect(found.map(\.1) == expected.map(\.1))
        #expect(found.map(\.2) == expected.map(\.2))
        // Each later question is reported once, with an earlier one, and trace questions never.
        #expect(Set(found.map(\.1)).count == found.count)
        #expect(found.allSatisfy { $0.0 < $0.1 && $0.1 % 17 != 0 && $0.0 % 17 != 0 })
    }
}
