/// The scheduler's view of one card at one moment: the FSRS-6 card fields, as stored.
///
/// The fields are those of py-fsrs's `Card` (`fsrs6.md` §1.1): `state` is 1 Learning,
/// 2 Review, 3 Relearning (a new card is Learning, step 0, no stability or difficulty);
/// `step` is nil in Review. Times are microseconds since 1970-01-01T00:00:00Z (UTC), the
/// store's one time unit: integers compare and index exactly, and a microsecond keeps every
/// instant a `Double` of seconds can name today.
public struct CardSnapshot: Sendable, Hashable {
    /// 1 Learning, 2 Review, 3 Relearning.
    public var state: Int
    /// The learning or relearning step, or nil in Review.
    public var step: Int?
    /// Stability S in days, or nil before the first review.
    public var stability: Double?
    /// Difficulty D in [1, 10], or nil before the first review.
    public var difficulty: Double?
    /// When the card is next due, in UTC microseconds.
    public var due: Int64
    /// When the card was last reviewed, in UTC microseconds, or nil if never.
    public var lastReview: Int64?

    public init(state: Int, step: Int?, stability: Double?, difficulty: Double?, due: Int64, lastReview: Int64?) {
        self.state = state
        self.step = step
        self.stability = stability
        self.difficulty = difficulty
        self.due = due
        self.lastReview = lastReview
    }
}
