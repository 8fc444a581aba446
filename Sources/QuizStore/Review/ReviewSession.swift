import QuizEngine

/// One daily review in progress: the queue of planned cards, each answer saved durably before
/// the next card, undo of the latest answers, and the override of an answer graded wrong.
///
/// Front ends (the terminal and the jsonl protocol) ask for ``current``, show it, and report
/// what the learner did; the session owns the queue, the store and the tallies.
public struct ReviewSession {
    public let index: QuestionIndex
    public let store: ReviewStore
    public let scheduler: Scheduler
    public let plan: DailyReview.Plan
    /// The moment of each action: the clock, or a fixed `--now`.
    private let clock: () -> Instant
    private var queue: [DailyReview.Item]
    /// The queue position of ``current``.
    public private(set) var position = 0
    /// Answers saved and not undone.
    public var reviewed: Int { undoable.count }
    /// Saved answers by rating (an overruled answer counts as the Good that replaced it).
    public private(set) var ratings: [Rating: Int] = [:]
    /// The saved answers that undo can take back, latest last.
    private var undoable: [(reviewID: Int64, item: DailyReview.Item, position: Int, rating: Rating)] = []
    /// The latest answer, graded wrong, that the learner may still overrule.
    private var overridable: (item: DailyReview.Item, revision: Int, shownAt: Instant)?

    public init(
        index: QuestionIndex, store: ReviewStore, scheduler: Scheduler, plan: DailyReview.Plan,
        clock: @escaping () -> Instant
    ) {
        self.index = index
        self.store = store
        self.scheduler = scheduler
        self.plan = plan
        self.clock = clock
        queue = plan.items
    }

    /// The card to show next; nil when the queue is done.
    public var current: DailyReview.Item? { position < queue.count ? queue[position] : nil }

    /// The number of cards in the queue.
    public var total: Int { queue.count }

    /// The moment now, as the session counts it.
    public var now: Instant { clock() }

    /// Whether the latest answer may still be overruled.
    public var canOverrule: Bool { overridable != nil }

    /// Goes past the current card without an answer (a question that cannot be presented).
    public mutating func skip() {
        overridable = nil
        position += 1
    }

    /// Saves `rating` for the current card, shown at `shownAt`, and moves on; returns the new
    /// due time once the answer is durable. An answer graded wrong that the learner may dispute
    /// stays ``canOverrule`` until the next action.
    public mutating func answer(
        _ rating: Rating, revision: Int, shownAt: Instant, overridable isOverridable: Bool = false
    ) throws(ReviewSessionError) -> Instant {
        guard let item = current else { throw .noCard }
        let answeredAt = now
        let result = scheduler.review(item.card, rating: rating, at: answeredAt)
        let record = ReviewRecord(result, revision: revision, durationMilliseconds: Self.duration(shownAt, answeredAt))
        do {
            undoable.append((try store.record(record), item, position, rating))
        } catch {
            throw .notSaved("the answer was not saved: \(error)")
        }
        ratings[rating, default: 0] += 1
        overridable = isOverridable ? (item, revision, shownAt) : nil
        position += 1
        return result.card.due
    }

    /// Replaces the latest answer (graded wrong) with an override counted as Good, scheduled
    /// from the card as it was before that answer; returns the key and the new due time.
    public mutating func overrule() throws(ReviewSessionError) -> (key: String, due: Instant) {
        guard let pending = overridable, let last = undoable.last else { throw .nothingToOverrule }
        overridable = nil
        let result = scheduler.review(pending.item.card, rating: .good, at: now)
        let record = ReviewRecord(
            result, revision: pending.revision, durationMilliseconds: Self.duration(pending.shownAt, now))
        do {
            let id = try store.overrule(reviewID: last.reviewID, with: record)
            undoable[undoable.count - 1] = (id, pending.item, last.position, .good)
        } catch {
            throw .notSaved("the override was not saved: \(error)")
        }
        Self.decrement(&ratings, last.rating)
        ratings[.good, default: 0] += 1
        return (pending.item.card.key, result.card.due)
    }

    /// Takes back the latest saved answer and puts its card back in front; returns its key.
    public mutating func undo() throws(ReviewSessionError) -> String {
        guard let last = undoable.last else { throw .nothingToUndo }
        do {
            try store.undo(reviewID: last.reviewID, at: now)
            var restored = last.item
            let revision = try index.revision(at: restored.ordinal)
            restored.card =
                try store.card(forKey: restored.card.key, revision: revision)?.card
                ?? CardState(key: restored.card.key, due: now)
            undoable.removeLast()
            overridable = nil
            Self.decrement(&ratings, last.rating)
            // Back to the answered card's own place: cards skipped after it come again.
            position = last.position
            queue[position] = restored
            return restored.card.key
        } catch {
            throw .cannotUndo("cannot undo: \(error)")
        }
    }

    private static func duration(_ shownAt: Instant, _ answeredAt: Instant) -> Int64 {
        max(0, answeredAt.microseconds(since: shownAt) / 1000)
    }

    private static func decrement(_ ratings: inout [Rating: Int], _ rating: Rating) {
        ratings[rating] = ratings[rating].flatMap { $0 > 1 ? $0 - 1 : nil }
    }
}

/// Why a review session could not do what the learner asked.
public enum ReviewSessionError: Error, Equatable, CustomStringConvertible {
    case noCard
    case nothingToUndo
    case nothingToOverrule
    case cannotUndo(String)
    case notSaved(String)

    public var description: String {
        switch self {
        case .noCard: "no card to answer: the review is done"
        case .nothingToUndo: "nothing to undo"
        case .nothingToOverrule: "nothing to override: an override follows an answer graded wrong"
        case .cannotUndo(let message), .notSaved(let message): message
        }
    }
}
