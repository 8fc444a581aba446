import QuizEngine

/// The test-wise strategies a bank rewards, measured over its graded questions: how often
/// "pick the longest (or shortest) option" finds a `choice` key, against chance, and how the
/// number of correct options of its `multi` questions is spread.
public struct BankItemStatistics: Sendable {
    /// `choice` questions measured.
    public private(set) var choiceCount = 0
    /// Expected score of always picking the longest option (ties split evenly), summed.
    public private(set) var longestScore = 0.0
    /// The same for the shortest option.
    public private(set) var shortestScore = 0.0
    /// Expected score of guessing blindly (1 / number of options), summed.
    public private(set) var chanceScore = 0.0
    /// How many `multi` questions have each number of correct options.
    public private(set) var correctCounts: [Int: Int] = [:]

    /// A strategy's lead over chance that earns a warning, in points of the share.
    public static let allowedLead = 0.10
    /// The fewest questions of a kind for which the bank-level figures are judged.
    public static let minimumQuestions = 6

    public init<Questions: Sequence>(_ questions: Questions) where Questions.Element == Question {
        for question in questions { add(question) }
    }

    /// Counts one more question.
    mutating func add(_ question: borrowing Question) {
        switch question.type {
        case .choice:
            guard let key = question.choices.first(where: \.isCorrect) else { return }
            let lengths = question.choices.map { ItemWritingCheck.length($0.text) }
            let keyLength = ItemWritingCheck.length(key.text)
            choiceCount += 1
            chanceScore += 1 / Double(lengths.count)
            if let longest = lengths.max(), keyLength == longest {
                longestScore += 1 / Double(lengths.count { $0 == longest })
            }
            if let shortest = lengths.min(), keyLength == shortest {
                shortestScore += 1 / Double(lengths.count { $0 == shortest })
            }
        case .multi:
            correctCounts[question.choices.count(where: \.isCorrect), default: 0] += 1
        default:
            break
        }
    }

    /// The share of `choice` questions answered by picking the longest option.
    public var longestShare: Double { choiceCount == 0 ? 0 : longestScore / Double(choiceCount) }
    /// The share answered by picking the shortest option.
    public var shortestShare: Double { choiceCount == 0 ? 0 : shortestScore / Double(choiceCount) }
    /// The share answered by guessing.
    public var chance: Double { choiceCount == 0 ? 0 : chanceScore / Double(choiceCount) }

    /// `multi` questions measured.
    public var multiCount: Int { correctCounts.values.reduce(0, +) }

    /// The most common number of correct options and how many `multi` questions have it
    /// (the smaller number on a tie, so the report is deterministic).
    public var commonestCorrectCount: (correct: Int, questions: Int)? {
        correctCounts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }.map { ($0.key, $0.value) }
    }

    /// Whether picking the longest or the shortest option beats chance by more than ``allowedLead``.
    public var hasLengthCue: Bool {
        choiceCount >= Self.minimumQuestions
            && (longestShare - chance > Self.allowedLead || shortestShare - chance > Self.allowedLead)
    }

    /// Whether one number of correct options covers more than half the `multi` questions.
    public var hasCorrectCountPattern: Bool {
        guard multiCount >= Self.minimumQuestions, let commonest = commonestCorrectCount else { return false }
        return commonest.questions * 2 > multiCount
    }
}
