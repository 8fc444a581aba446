import QuizEngine
import Testing

@testable import BankCompiler

@Suite("Question runs")
struct QuestionRunsTests {
    private static func question(_ number: Int) -> Question {
        Question(
            bank: "b", id: "q\(number)", type: .flashcard, prompt: "prompt \(number)", answer: "answer",
            location: SourceLocation(file: "Banks/b.yaml", line: number, column: 5))
    }

    @Test("every ordinal finds its question, past empty runs", arguments: [
        [3], [0, 2], [2, 0, 0, 1], [0, 0, 4, 0], [1, 1, 1, 1, 1],
    ])
    func locate(sizes: [Int]) {
        var runs = QuestionRuns()
        var next = 0
        for size in sizes {
            runs.append(PackedQuestions((next..<next + size).map(Self.question)))
            next += size
        }
        #expect(runs.count == next)
        for ordinal in 0..<next {
            #expect(runs[ordinal] == Self.question(ordinal))
        }
    }
}
