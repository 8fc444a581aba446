import QuizEngine

/// A card as the store holds it: the scheduler's state plus the store's bookkeeping.
public struct StoredCard: Sendable, Hashable {
    /// The FSRS state after the card's latest answer not undone.
    public var card: CardState
    /// The question's `revision:` when that answer was given.
    public var revision: Int
    /// When the card was first answered at this revision: the moment it counted against the
    /// daily limit of new cards.
    public var introducedAt: Instant

    /// The question key, `bank/id`.
    public var key: String { card.key }

    public init(card: CardState, revision: Int, introducedAt: Instant) {
        self.card = card
        self.revision = revision
        self.introducedAt = introducedAt
    }
}
