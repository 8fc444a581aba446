/// One row of the append-only review log, with whether it was later undone.
public struct ReviewLogEntry: Sendable, Hashable {
    /// The row's id: increasing in commit order, never reused.
    public var id: Int64
    public var key: String
    /// The question's revision when the answer was given.
    public var revision: Int
    /// When the answer was given, in UTC microseconds.
    public var reviewedAt: Int64
    /// 1 Again, 2 Hard, 3 Good, 4 Easy.
    public var grade: Int
    public var durationMilliseconds: Int64
    /// The stored card before the answer, or nil when the card had never been answered.
    public var before: CardSnapshot?
    /// The revision of `before`; when it differs from `revision`, the answer started the card over.
    public var revisionBefore: Int?
    /// The card after the answer.
    public var after: CardSnapshot
    /// The predicted recall probability at the moment of the review.
    public var retrievability: Double?
    /// `after.due - reviewedAt`: the interval the scheduler chose, in microseconds.
    public var scheduledInterval: Int64
    /// Whether the answer was undone (`u` in review); an undone answer stays in the log.
    public var isUndone: Bool

    public init(
        id: Int64, key: String, revision: Int, reviewedAt: Int64, grade: Int, durationMilliseconds: Int64,
        before: CardSnapshot?, revisionBefore: Int?, after: CardSnapshot, retrievability: Double?,
        scheduledInterval: Int64, isUndone: Bool
    ) {
        self.id = id
        self.key = key
        self.revision = revision
        self.reviewedAt = reviewedAt
        self.grade = grade
        self.durationMilliseconds = durationMilliseconds
        self.before = before
        self.revisionBefore = revisionBefore
        self.after = after
        self.retrievability = retrievability
        self.scheduledInterval = scheduledInterval
        self.isUndone = isUndone
    }
}
