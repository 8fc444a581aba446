/// The history of a question that is no longer in any bank: reported, never deleted.
public struct OrphanHistory: Sendable, Hashable {
    /// The question key, `bank/id`, that no bank defines any more.
    public var key: String
    /// Its answers in the log that were not undone.
    public var reviews: Int
    /// When it was last answered (UTC microseconds), undone answers included.
    public var lastReviewedAt: Int64

    public init(key: String, reviews: Int, lastReviewedAt: Int64) {
        self.key = key
        self.reviews = reviews
        self.lastReviewedAt = lastReviewedAt
    }
}
