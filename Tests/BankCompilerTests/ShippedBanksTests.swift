import BankCompiler
import Foundation
import QuizEngine
import Testing

/// The shipped content: clean, big enough, without duplicates, and every question checkable.
@Suite("Shipped banks")
struct ShippedBanksTests {
    static let banks = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Banks").path

    static let result: CompilationResult = {
        do {
            return try Compiler().compile(paths: [banks])
        } catch {
            fatalError("cannot read \(banks): \(error)")
        }
    }()

    @Test func checkCleanWithoutWarnings() {
        #expect(Self.result.diagnostics.isEmpty, "\(Self.result.diagnostics.prefix(5).map(\.message))")
    }

    /// Issue #11's bar, the bank-level warnings applied to everything: a learner who always
    /// picks the longest (or the shortest) option of a `choice` question scores within 10
    /// points of chance, across all banks and in each; no number of correct options covers
    /// more than half the `multi` questions of a bank with at least six.
    @Test func lengthAndCountStrategiesScoreNearChance() throws {
        let set = try #require(Self.result.questionSet)
        let overall = BankItemStatistics(set.questions)
        #expect(overall.choiceCount > 200)
        #expect(overall.longestShare - overall.chance <= 0.10, "longest \(overall.longestShare) vs \(overall.chance)")
        #expect(overall.shortestShare - overall.chance <= 0.10, "shortest \(overall.shortestShare) vs \(overall.chance)")
        for bank in set.banks {
            let figures = BankItemStatistics(set.questions.filter { $0.bank == bank.id })
            #expect(!figures.hasLengthCue, "\(bank.id): longest \(figures.longestShare), shortest \(figures.shortestShare)")
            #expect(!figures.hasCorrectCountPattern, "\(bank.id): \(figures.correctCounts)")
        }
    }

    @Test(arguments: [("technical", 150), ("behavioral", 50), ("soft-skills", 35), ("career", 30), ("sorting", 60)])
    func minimumCountPerArea(_ area: String, _ minimum: Int) throws {
        let set = try #require(Self.result.questionSet)
        let count = set.questions.count { $0.tags.contains(area) }
        #expect(count >= minimum, "\(area): \(count) questions")
    }

    @Test func everyQuestionHasExactlyOneArea() throws {
        let set = try #require(Self.result.questionSet)
        let areas: Set = ["technical", "behavioral", "soft-skills", "career", "sorting", "algorithms"]
        for question in set.questions {
            #expect(Set(question.tags).intersection(areas).count == 1, "\(question.key): \(question.tags)")
        }
    }

    @Test func noTwoPromptsAreTheSameAfterNormalising() throws {
        let set = try #require(Self.result.questionSet)
        var seen: [String: String] = [:]
        for question in set.questions where question.type != .trace {
            let normalized = AnswerNormalizer.normalize(question.prompt)
            #expect(seen[normalized] == nil, "\(question.key) repeats \(seen[normalized] ?? "")")
            seen[normalized] = question.key
        }
    }

    @Test func everyQuestionHasSomethingToCheckAgainst() throws {
        let set = try #require(Self.result.questionSet)
        for question in set.questions {
            let checkable: Bool =
                switch question.type {
                case .flashcard: !(question.answer ?? "").isEmpty
                case .short: !question.accept.isEmpty
                case .choice, .multi: question.choices.contains(where: \.isCorrect)
                case .order: question.items.count >= 2
                case .open: question.guidance != nil || !question.rubric.isEmpty
                case .trace: question.trace != nil
                }
            #expect(checkable, "\(question.key)")
            #expect(question.difficulty != nil, "\(question.key) has no difficulty")
        }
    }

    @Test func theArticlesTwelveQuestionsAreIn() throws {
        let set = try #require(Self.result.questionSet)
        let seeds = set.questions.filter { $0.source == "seed" }
        #expect(seeds.count == 12, "\(seeds.map(\.key))")
        #expect(seeds.allSatisfy { $0.tags.contains("seed") })
    }
}
