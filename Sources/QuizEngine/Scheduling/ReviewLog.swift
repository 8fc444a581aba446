/// What one review did: the answer, when, and what the scheduler saw and decided.
public struct ReviewLog: Hashable, Sendable {
    /// Which stability formula ran.
    public enum Branch: String, Hashable, Sendable {
        /// First review: S0 and D0 from the rating.
        case initial
        /// Same whole-day review (elapsed < 1 day): the short-term formula.
        case shortTerm = "short_term"
        /// A review at least one whole day later: the recall or forget formula.
        case longTerm = "long_term"
    }

    public var key: String
    public var rating: Rating
    public var reviewedAt: Instant
    /// The card's state and step before the review.
    public var stateBefore: SchedulingState
    public var stepBefore: Int?
    /// Whole 24-hour days since the previous review; `nil` for a first review.
    public var elapsedDays: Int64?
    /// Retrievability at review time, from the card before the review (0 if never reviewed).
    public var retrievability: Double
    public var branch: Branch
    /// From the review to the new due time, in microseconds (after any fuzz).
    public var intervalMicroseconds: Int64
}
