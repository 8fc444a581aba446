/// One answer to store: what the learner graded and the card state the scheduler computed.
///
/// The state *before* the answer is not part of the record: the store reads it from its own
/// card row inside the answer's transaction, so the log always holds the state that was
/// really replaced (even when another process answered the same card a moment earlier), and
/// undo can restore it exactly.
public struct ReviewRecord: Sendable, Hashable {
    /// The question key, `bank/id`.
    public var key: String
    /// The question's `revision:` (1 when the bank gives none). A value different from the
    /// stored card's starts the card over; its log is kept.
    public var revision: Int
    /// When the answer was given, in UTC microseconds.
    public var reviewedAt: Int64
    /// The rating: 1 Again, 2 Hard, 3 Good, 4 Easy.
    public var grade: Int
    /// How long the learner took to answer, in milliseconds.
    public var durationMilliseconds: Int64
    /// The predicted recall probability at the moment of the review, if the card had one.
    public var retrievability: Double?
    /// The card state the scheduler computed from this answer.
    public var after: CardSnapshot

    public init(
        key: String, revision: Int = 1, reviewedAt: Int64, grade: Int, durationMilliseconds: Int64,
        retrievability: Double?, after: CardSnapshot
    ) {
        self.key = key
        self.revision = revision
        self.reviewedAt = reviewedAt
        self.grade = grade
        self.durationMilliseconds = durationMilliseconds
        self.retrievability = retrievability
        self.after = after
    }
}
