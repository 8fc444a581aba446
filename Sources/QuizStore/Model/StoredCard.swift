/// A card as the store holds it: its key, its scheduling state and the bookkeeping around it.
public struct StoredCard: Sendable, Hashable {
    /// The question key, `bank/id`.
    public var key: String
    /// The FSRS state after the card's latest (not undone) review.
    public var snapshot: CardSnapshot
    /// The question's `revision:` when that review was given.
    public var revision: Int
    /// When the card was first reviewed at this revision (UTC microseconds): the moment it
    /// counted against the daily limit of new cards.
    public var introducedAt: Int64

    public init(key: String, snapshot: CardSnapshot, revision: Int, introducedAt: Int64) {
        self.key = key
        self.snapshot = snapshot
        self.revision = revision
        self.introducedAt = introducedAt
    }
}
