import QuizEngine

/// One answer to store: the rating and the card state the scheduler computed from it.
///
/// The state *before* the answer is not part of the record: the store reads it from its own
/// card row inside the answer's transaction, so the log always holds the state that was
/// really replaced (even when another process answered the same card a moment earlier), and
/// undo can restore it exactly.
///
///     let (card, log) = scheduler.review(current, rating: .good, at: now)
///     try store.record(ReviewRecord((card, log), revision: question.revision, durationMilliseconds: 4_200))
public struct ReviewRecord: Sendable, Hashable {
    /// The card after the answer, as the scheduler computed it; its key is the record's key.
    public var card: CardState
    /// The learner's rating.
    public var rating: Rating
    /// When the answer was given.
    public var reviewedAt: Instant
    /// The question's `revision:` (1 when the bank gives none). A value different from the
    /// stored card's starts the card over; its log is kept.
    public var revision: Int
    /// How long the learner took to answer, in milliseconds.
    public var durationMilliseconds: Int64
    /// The predicted recall probability at the moment of the review (0 for a new card, as
    /// py-fsrs reports it).
    public var retrievability: Double
    /// Whether the learner overruled a wrong grade of this answer (stored as Good).
    public var isOverride: Bool = false

    /// The question key, `bank/id`.
    public var key: String { card.key }

    public init(
        card: CardState, rating: Rating, reviewedAt: Instant, revision: Int = 1, durationMilliseconds: Int64,
        retrievability: Double
    ) {
        self.card = card
        self.rating = rating
        self.reviewedAt = reviewedAt
        self.revision = revision
        self.durationMilliseconds = durationMilliseconds
        self.retrievability = retrievability
    }

    /// The record of what `Scheduler.review(_:rating:at:)` returned.
    public init(_ review: (card: CardState, log: ReviewLog), revision: Int = 1, durationMilliseconds: Int64) {
        self.init(
            card: review.card, rating: review.log.rating, reviewedAt: review.log.reviewedAt, revision: revision,
            durationMilliseconds: durationMilliseconds, retrievability: review.log.retrievability)
    }
}
