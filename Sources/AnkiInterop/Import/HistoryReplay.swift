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
    init(collection: AnkiCollection, questions: [ImportedQuestion], bank: String, store: ReviewStore) throws {
        let scheduler = try store.scheduler()
        var reviewsOfCard: [Int64: [AnkiCollection.Review]] = [:]
        for review in collection.reviews where (1...4).contains(review.ease) && (0...3).contains(review.kind) {
            reviewsOfCard[review.cardID, default: []].append(review)
        }
        var cardsOfNote: [Int64: [AnkiCollection.Card]] = [:]
        for card in collection.cards { cardsOfNote[card.noteID, default: []].append(card) }
        for question in questions {
            guard let noteID = question.noteID, let cards = cardsOfNote[noteID]?.sorted(by: { $0.ordinal < $1.ordinal }),
                let first = cards.first
            else { continue }
            let key = "\(bank)/\(question.id)"
            let subject = "question '\(key)'"
            let others = cards.dropFirst().reduce(0) { $0 + (reviewsOfCard[$1.id]?.count ?? 0) }
            if others > 0 {
                warnings.append(
                    ImportWarning(
                        line: nil, subject: subject,
                        message: "\(others) reviews of the note's other cards are not imported (one question continues its first card)"))
            }
            guard let reviews = reviewsOfCard[first.id], !reviews.isEmpty else { continue }
            guard try store.reviewLog(forKey: key).isEmpty else {
                warnings.append(
                    ImportWarning(
                        line: nil, subject: subject,
                        message: "already has review history in the store; its \(reviews.count) Anki reviews are not imported again"))
                continue
            }
            var card = CardState(key: key, due: Self.instant(reviews[0].id))
            for review in reviews {
                let rating = Rating(rawValue: review.ease)!
                let result = scheduler.review(card, rating: rating, at: Self.instant(review.id))
                records.append(ReviewRecord(result, durationMilliseconds: max(0, review.durationMilliseconds)))
                card = result.card
            }
            cardCount += 1
        }
    }

    /// A review-log id (milliseconds since 1970) as an instant.
    static func instant(_ milliseconds: Int64) -> Instant {
        Instant(microsecondsSinceEpoch: milliseconds.multipliedReportingOverflow(by: 1000).overflow ? 0 : milliseconds * 1000)
    }
}
