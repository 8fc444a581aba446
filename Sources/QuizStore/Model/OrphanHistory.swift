import QuizEngine

/// The history of a question that is no longer in any bank: reported, never deleted.
public struct OrphanHistory: Sendable, Hashable {
    /// The question key, `bank/id`, that no bank defines any more.
    public var key: String
    /// Its answers in the log that were not undone.
    public var reviews: Int
    /// When it was last answered, undone answers included.
    public var lastReviewedAt: Instant

    public init(key: String, reviews: Int, lastReviewedAt: Instant) {
        self.key = key
        self.reviews = reviews
        self.lastReviewedAt = lastReviewedAt
    }
}
