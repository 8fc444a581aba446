/// A card right after one replayed review, with what the scheduler used to get there.
public struct ReplayStep: Sendable {
    /// The card after the review.
    public var card: CardState
    /// The interval from this review to the next due time.
    public var intervalMicroseconds: Int64
    /// The retrievability the review saw; nil for a card never reviewed before (py-fsrs
    /// reports the integer 0 there).
    public var retrievability: Double?
}
