import QuizEngine
import QuizStore

/// A card's quiz history as Anki keeps it: the review log rows and the card's scheduling
/// columns, so Anki continues where quiz stopped.
struct AnkiCardHistory: Sendable {
    /// One `revlog` row.
    struct Review: Sendable {
        var time: Instant
        var ease: Int
        /// Days for a review card, negative seconds for a learning step (Anki's convention).
        var interval: Int
        var lastInterval: Int
        var factor: Int
        var milliseconds: Int
        /// 0 learning, 1 review, 2 relearning: the card's state when it was answered.
        var kind: Int
    }

    var reviews: [Review]
    var card: CardState
    var lapses: Int

    /// The answers in force for the card's current revision (undone and voided ones left
    /// out; an override counts, as it scheduled the card).
    init?(log: [ReviewLogEntry], card stored: StoredCard) {
        let entries = log.filter { !$0.isUndone && $0.revision == stored.revision }
        guard !entries.isEmpty else { return nil }
        var reviews: [Review] = []
        var lastInterval = 0
        var lapses = 0
        for entry in entries {
            let interval: Int
            if entry.after.state == .review {
                interval = max(1, Int((Double(entry.scheduledInterval) / Double(Instant.microsecondsPerDay)).rounded()))
            } else {
                interval = -max(1, Int(entry.scheduledInterval / 1_000_000))
            }
            let kind: Int
            switch entry.before?.state {
            case .review?: kind = 1
            case .relearning?: kind = 2
            default: kind = 0
            }
            if entry.before?.state == .review && entry.rating == .again { lapses += 1 }
            reviews.append(
                Review(
                    time: entry.reviewedAt, ease: entry.rating.rawValue, interval: interval, lastInterval: lastInterval,
                    factor: Int(((entry.after.difficulty ?? 0) * 100).rounded()),
                    milliseconds: Int(min(max(entry.durationMilliseconds, 0), 3_600_000)), kind: kind))
            lastInterval = interval
        }
        self.reviews = reviews
        self.card = stored.card
        self.lapses = lapses
    }
}
