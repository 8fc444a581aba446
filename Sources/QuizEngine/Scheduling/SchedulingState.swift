/// Where a card is in the FSRS state machine (py-fsrs's `State`).
///
/// There is no "new" state: a card never reviewed is `learning` at step 0 with no
/// stability or difficulty (``CardState/isNew``).
public enum SchedulingState: Int, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// Working through the learning steps after the first sight.
    case learning = 1
    /// Graduated: scheduled in whole days by the memory model.
    case review = 2
    /// Forgotten in review, working through the relearning steps.
    case relearning = 3

    /// The name py-fsrs and the oracle print: `Learning`, `Review`, `Relearning`.
    public var description: String {
        switch self {
        case .learning: "Learning"
        case .review: "Review"
        case .relearning: "Relearning"
        }
    }
}
