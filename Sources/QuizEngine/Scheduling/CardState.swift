/// One card's FSRS scheduling state (py-fsrs's `Card`), plus its key and review count,
/// which seed the deterministic fuzz.
///
///     var card = CardState(key: "behavioral/negative-feedback", due: now)
///     (card, _) = scheduler.review(card, rating: .good, at: now)
public struct CardState: Hashable, Sendable {
    /// The question's stable key (`bank/id`).
    public var key: String
    /// Learning, review or relearning.
    public var state: SchedulingState
    /// The (re)learning step index; `nil` in review.
    public var step: Int?
    /// Stability in days; `nil` until the first review.
    public var stability: Double?
    /// Difficulty in [1, 10]; `nil` until the first review.
    public var difficulty: Double?
    /// When the card is next due.
    public var due: Instant
    /// When the card was last reviewed; `nil` if never.
    public var lastReview: Instant?
    /// How many reviews the card has had.
    public var reviewCount: Int

    /// A new card: learning at step 0, no memory state, due at `due`.
    public init(key: String, due: Instant) {
        self.init(
            key: key, state: .learning, step: 0, stability: nil, difficulty: nil, due: due, lastReview: nil,
            reviewCount: 0)
    }

    /// A card with every field given, for example one loaded from the store.
    public init(
        key: String, state: SchedulingState, step: Int?, stability: Double?, difficulty: Double?, due: Instant,
        lastReview: Instant?, reviewCount: Int
    ) {
        self.key = key
        self.state = state
        self.step = step
        self.stability = stability
        self.difficulty = difficulty
        self.due = due
        self.lastReview = lastReview
        self.reviewCount = reviewCount
    }

    /// Whether the card has no memory state yet (never reviewed).
    public var isNew: Bool { stability == nil || difficulty == nil }
}
