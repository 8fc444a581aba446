/// Tallies a practice round: right and wrong by type and by tag, and self-grades.
public struct RoundSummary: Sendable {
    /// Right and total for one group.
    public struct Tally: Sendable, Hashable {
        public var right = 0
        public var total = 0
    }

    public private(set) var answered = 0
    public private(set) var right = 0
    /// Self-graded answers by rating (1 again … 4 easy).
    public private(set) var selfGrades: [Rating: Int] = [:]
    public private(set) var byType: [QuestionType: Tally] = [:]
    public private(set) var byTag: [String: Tally] = [:]

    public init() {}

    /// Records one answer. Self-graded answers count as right when rated good or easy.
    public mutating func record(_ question: Question, isCorrect: Bool?, rating: Rating?) {
        answered += 1
        let correct = isCorrect ?? ((rating?.rawValue ?? 0) >= Rating.good.rawValue)
        if correct { right += 1 }
        if isCorrect == nil, let rating { selfGrades[rating, default: 0] += 1 }
        byType[question.type, default: Tally()].total += 1
        if correct { byType[question.type, default: Tally()].right += 1 }
        for tag in question.tags {
            byTag[tag, default: Tally()].total += 1
            if correct { byTag[tag, default: Tally()].right += 1 }
        }
    }

    /// Types in schema order with their tallies.
    public var types: [(QuestionType, Tally)] {
        QuestionType.allCases.compactMap { type in byType[type].map { (type, $0) } }
    }

    /// Tags sorted by how often they came up, then by name, with their tallies.
    public var tags: [(String, Tally)] {
        byTag.sorted { $0.value.total != $1.value.total ? $0.value.total > $1.value.total : $0.key < $1.key }
            .map { ($0.key, $0.value) }
    }
}
