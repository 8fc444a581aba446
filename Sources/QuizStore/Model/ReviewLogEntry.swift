import QuizEngine

/// One row of the append-only review log, with whether it was later undone.
public struct ReviewLogEntry: Sendable, Hashable {
    /// The row's id: increasing in commit order.
    public var id: Int64
    /// The question's revision when the answer was given.
    public var revision: Int
    public var rating: Rating
    /// When the answer was given.
    public var reviewedAt: Instant
    public var durationMilliseconds: Int64
    /// The stored card before the answer, or nil when the card had never been answered.
    public var before: CardState?
    /// The revision of `before`; when it differs from `revision`, the answer started the card over.
    public var revisionBefore: Int?
    /// The card after the answer.
    public var after: CardState
    /// The predicted recall probability at the moment of the review.
    public var retrievability: Double?
    /// The interval the scheduler chose (`after.due - reviewedAt`), in microseconds.
    public var scheduledInterval: Int64
    /// Whether the answer was undone (`u` in review); an undone answer stays in the log.
    public var isUndone: Bool
    /// Whether the answer is a learner's override of a wrong grade (see `ReviewStore.overrule`).
    public var isOverride: Bool = false

    /// The question key, `bank/id`.
    public var key: String { after.key }

    public init(
        id: Int64, revision: Int, rating: Rating, reviewedAt: Instant, durationMilliseconds: Int64,
        before: CardState?, revisionBefore: Int?, after: CardState, retrievability: Double?,
        scheduledInterval: Int64, isUndone: Bool
    ) {
        self.id = id
        self.revision = revision
        self.rating = rating
        self.reviewedAt = reviewedAt
        self.durationMilliseconds = durationMilliseconds
        self.before = before
        self.revisionBefore = revisionBefore
        self.after = after
        self.retrievability = retrievability
        self.scheduledInterval = scheduledInterval
        self.isUndone = isUndone
    }
}
