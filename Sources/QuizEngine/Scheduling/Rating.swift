/// The learner's answer to a review, as FSRS grades it.
///
/// Again is the only failing grade; Hard is a pass with a penalty.
public enum Rating: Int, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    case again = 1
    case hard = 2
    case good = 3
    case easy = 4

    public var description: String {
        switch self {
        case .again: "again"
        case .hard: "hard"
        case .good: "good"
        case .easy: "easy"
        }
    }
}
