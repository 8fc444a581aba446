import QuizEngine
import QuizStore

/// An Anki review log replayed through quiz's scheduler (FSRS-6) under the new question keys,
/// so each card's state continues where Anki left it.
struct HistoryReplay {
    var records: [ReviewRecord] = []
    var warnings: [ImportWarning] = []
    var cardCount = 0

    /// Replays the reviews of each question's first card (the card quiz's one question
    /// continues). Manual and rescheduling rows (type 4 and 5, rating 0) are left out; keys
    /// that already have history in `store` are skipped, since a package moves history once.
    ///
    /// - Complexity: O(reviews + cards).
    init(
        collection: AnkiCollection, questions: [ImportedQuestion], bank: String, store: ReviewStore, rolloverHour: Int
    ) throws {
        let scheduler = try store.scheduler()
        var reviewsOfCard: [Int64: [AnkiCollection.Review]] = [:]
        var undatedOfCard: [Int64: Int] = [:]
        for review in collection.reviews where (1...4).contains(review.ease) && (0...3).contains(review.kind) {
            if Self.datable.contains(review.id) {
                reviewsOfCard[review.cardID, default: []].append(review)
            } else {
                undatedOfCard[review.cardID, default: 0] += 1
            }
        }
        var cardsOfNote: [Int64: [AnkiCollection.Card]] = [:]
        for card in collection.cards { cardsOfNote[card.noteID, default: []].append(card) }
        for question in questions {
            guard let noteID = question.noteID,
                let cards = cardsOfNote[noteID]?.sorted(by: { $0.ordinal < $1.ordinal }),
                let first = cards.first
            else { continue }
            let key = "\(bank)/\(question.id)"
            let subject = "question '\(key)'"
            let others = cards.dropFirst().reduce(0) { $0 + (reviewsOfCard[$1.id]?.count ?? 0) }
            if others > 0 {
                warnings.append(
                    ImportWarning(
                        line: nil, subject: subject,
                        message:
                            "\(others) reviews of the note's other cards are not imported "
                            + "(one question continues its first card)"
                    ))
            }
            if let undated = undatedOfCard[first.id] {
                warnings.append(
                    ImportWarning(
                        line: nil, subject: subject,
                        message:
                            "\(undated) review\(undated == 1 ? " is" : "s are") not imported: "
                            + "dated outside the years 1970 to 9999, which no review can be"
                    ))
            }
            guard let reviews = reviewsOfCard[first.id], !reviews.isEmpty else { continue }
            guard try store.reviewLog(forKey: key).isEmpty else {
                warnings.append(
                    ImportWarning(
                        line: nil, subject: subject,
                        message:
                            "already has review history in the store; its \(reviews.count) Anki reviews "
                            + "are not imported again"
                    ))
                continue
            }
            // The scheduler runs on a timeline of whole review days, so the days between two
            // reviews are counted as Anki counts them (by day boundary, not by 24-hour
            // periods): an evening review and the next morning's are a day apart, as in
            // Anki's own memory state. What is stored keeps the real times.
            var card = CardState(key: key, due: Self.dayTime(reviews[0].id, index: 0, rolloverHour: rolloverHour))
            for (index, review) in reviews.enumerated() {
                let reviewedAt = Self.instant(review.id)
                let computedAt = Self.dayTime(review.id, index: index, rolloverHour: rolloverHour)
                var result = scheduler.review(card, rating: Rating(rawValue: review.ease)!, at: computedAt)
                card = result.card
                result.card.lastReview = reviewedAt
                result.card.due = reviewedAt.advanced(byMicroseconds: card.due.microseconds(since: computedAt))
                result.log.reviewedAt = reviewedAt
                records.append(ReviewRecord(result, durationMilliseconds: max(0, review.durationMilliseconds)))
            }
            cardCount += 1
        }
    }

    /// The review's local day (days change at `rolloverHour`) as a moment on a timeline of
    /// whole days, plus `index` milliseconds so the card's reviews stay in order and apart.
    static func dayTime(_ milliseconds: Int64, index: Int, rolloverHour: Int) -> Instant {
        let day = LocalDay.containing(instant(milliseconds), rolloverHour: rolloverHour).dayNumber
        return Instant(microsecondsSinceEpoch: Int64(day) * Instant.microsecondsPerDay + Int64(index) * 1000)
    }

    /// The review-log ids (milliseconds since 1970) replayed: 1970 up to the end of 9999. A
    /// corrupt or hostile log may hold any integer, and times near Int64's ends overflow the
    /// day arithmetic (or, clamped, would replay a review out of order).
    static let datable: Range<Int64> = 0..<253_402_300_800_000

    /// A review-log id in ``datable`` (milliseconds since 1970) as an instant.
    static func instant(_ milliseconds: Int64) -> Instant {
        Instant(microsecondsSinceEpoch: milliseconds * 1000)
    }
}
