import FSRSOptimizer
import GRDB
import QuizEngine

/// A store's review log as the items the FSRS optimizer fits, made the way Anki makes them
/// for fsrs-rs.
///
/// - Only the answers in force count: undone answers are left out, and so are overruled
///   ones (an override is the learner's claim, not a graded recall).
/// - A card's history starts at its current revision: a question whose meaning changed was
///   reset, like an Anki card that was "forgotten", and what came before says nothing about
///   the new question. History of questions no longer in the banks still counts.
/// - One review per card per local day, the first: later same-day answers are practice
///   within the day, not recall after an interval.
/// - Items are ordered by the day of their last review.
public struct OptimizerHistory: Sendable {
    public var items: [FSRSItem]
    /// The reviews used (after the rules above) and the cards they belong to.
    public var reviewCount: Int
    public var cardCount: Int

    /// - Complexity: O(n log n) for n log rows.
    public init(store: ReviewStore, rolloverHour: Int) throws {
        let rows = try store.perform {
            try store.pool.read { db in
                let sql = """
                    SELECT l.key, l.reviewed_at, l.grade FROM review_log AS l
                    LEFT JOIN card AS c ON c.key = l.key
                    WHERE l.override = 0
                      AND NOT EXISTS (SELECT 1 FROM review_undo AS u WHERE u.review_id = l.id)
                      AND l.revision = COALESCE(c.revision, l.revision)
                    ORDER BY l.key, l.reviewed_at, l.id
                    """
                return try Row.fetchAll(db, sql: sql).map { row -> (String, Int64, Int) in
                    (row[0], row[1], row[2])
                }
            }
        }
        var histories: [[(rating: Int, day: Int)]] = []
        var currentKey: String?
        for (key, reviewedAt, grade) in rows {
            let day = LocalDay.containing(Instant(microsecondsSinceEpoch: reviewedAt), rolloverHour: rolloverHour).dayNumber
            if key != currentKey {
                histories.append([])
                currentKey = key
            }
            if let last = histories[histories.count - 1].last, last.day == day { continue }
            histories[histories.count - 1].append((grade, day))
        }
        items = FSRSItem.items(fromHistories: histories)
        reviewCount = histories.reduce(0) { $0 + $1.count }
        cardCount = histories.count
    }
}
