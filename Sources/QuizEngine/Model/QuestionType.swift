/// The kinds of question the schema knows, each with its own way of being graded.
public enum QuestionType: String, CaseIterable, Sendable, Hashable, Codable {
    /// A prompt and an answer, self-graded.
    case flashcard
    /// Several choices, exactly one correct; graded by the engine.
    case choice
    /// Several choices, at least one correct; all and only the correct ones must be picked.
    case multi
    /// A typed answer compared with accepted answers, ignoring case, spaces and punctuation.
    case short
    /// An open prompt with guidance and a rubric, self-graded after reading them.
    case open
    /// Items to put in order, shown shuffled.
    case order
    /// A sorting-algorithm prediction whose answer is computed by running the algorithm.
    case trace
}

/// How hard a question is meant to be.
public enum Difficulty: String, CaseIterable, Sendable, Hashable, Codable, Comparable {
    case easy
    case medium
    case hard

    public static func < (lhs: Difficulty, rhs: Difficulty) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .easy: 0
        case .medium: 1
        case .hard: 2
        }
    }
}
