import GRDB
import QuizEngine

extension ReviewStore {
    /// The stored card for a question key, or nil if it has never been answered.
    ///
    /// - Parameters:
    ///   - key: the question key, `bank/id`.
    ///   - revision: the question's current `revision:`. When given and different from the
    ///     stored card's, returns nil: the question's meaning changed, so the card starts
    ///     over as a new card (its log is kept, and the next `record` replaces the state).
    /// - Complexity: O(log n) in the number of cards.
    public func card(forKey key: String, revision: Int? = nil) throws -> StoredCard? {
        let card = try perform { try pool.read { db in try fetchCard(db, key: key) } }
        if let card, let revision, card.revision != revision { return nil }
        return card
    }

    /// The cards due at or before `time`, earliest due first.
    ///
    /// The engine orders them further (lowest retrievability first) and applies the day's
    /// limits; this query only has to be cheap, through the index on `due`.
    ///
    /// - Parameters:
    ///   - time: the moment "now" of the review.
    ///   - limit: at most this many cards, if given.
    /// - Complexity: O(log n + k) for k cards returned.
    public func dueCards(before time: Instant, limit: Int? = nil) throws -> [StoredCard] {
        try perform {
            try pool.read { db in
                let sql = "SELECT \(Self.cardColumns) FROM card WHERE due <= ? ORDER BY due LIMIT ?"
                let arguments: StatementArguments = [time.microsecondsSinceEpoch, limit ?? -1]
                let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
                var cards: [StoredCard] = []
                while let row = try rows.next() {
                    cards.append(try card(from: row))
                }
                return cards
            }
        }
    }

    /// How many cards were introduced (first answered at their current revision) at or
    /// after `time`: what counts against the daily limit of new cards.
    ///
    /// - Parameter time: the start of the learner's day.
    /// - Complexity: O(log n + k), through the index on `introduced_at`.
    public func introducedCount(since time: Instant) throws -> Int {
        try perform {
            try pool.read { db in
                let sql = "SELECT COUNT(*) FROM card WHERE introduced_at >= ?"
                return try Int.fetchOne(db, sql: sql, arguments: [time.microsecondsSinceEpoch]) ?? 0
            }
        }
    }

    /// How many answers (not undone) were given at or after `time`: what counts against the
    /// daily limit of reviews.
    ///
    /// - Complexity: O(log n + k), through the index on `reviewed_at`.
    public func reviewCount(since time: Instant) throws -> Int {
        try perform {
            try pool.read { db in
                let sql = """
                    SELECT COUNT(*) FROM review_log AS l WHERE reviewed_at >= ?
                    AND NOT EXISTS (SELECT 1 FROM review_undo AS u WHERE u.review_id = l.id)
                    """
                return try Int.fetchOne(db, sql: sql, arguments: [time.microsecondsSinceEpoch]) ?? 0
            }
        }
    }

    /// Every answer given for a key, oldest first, undone ones included (and marked).
    ///
    /// - Complexity: O(log n + k), through the index on `key`.
    public func reviewLog(forKey key: String) throws -> [ReviewLogEntry] {
        try perform {
            try pool.read { db in try fetchLogEntries(db, where: "l.key = ?", arguments: [key]) }
        }
    }

    /// Every answer given at or after `time`, oldest first, undone ones included (and
    /// marked): the raw material of statistics.
    ///
    /// - Complexity: O(log n + k), through the index on `reviewed_at`.
    public func reviewLog(since time: Instant) throws -> [ReviewLogEntry] {
        try perform {
            try pool.read { db in
                try fetchLogEntries(db, where: "l.reviewed_at >= ?", arguments: [time.microsecondsSinceEpoch])
            }
        }
    }

    /// Every stored card, in key order.
    ///
    /// - Complexity: O(n).
    public func allCards() throws -> [StoredCard] {
        try perform {
            try pool.read { db in
                let rows = try Row.fetchCursor(db, sql: "SELECT \(Self.cardColumns) FROM card ORDER BY key")
                var cards: [StoredCard] = []
                while let row = try rows.next() { cards.append(try card(from: row)) }
                return cards
            }
        }
    }

    /// The number of answers in the review log that were not undone.
    ///
    /// - Complexity: O(n): SQLite counts the entries of the smallest index.
    public var totalReviews: Int {
        get throws {
            try perform {
                try pool.read { db in
                    let logged = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM review_log") ?? 0
                    let undone = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM review_undo") ?? 0
                    return logged - undone
                }
            }
        }
    }

    /// The history of questions that are no longer in any bank, sorted by key.
    ///
    /// Such history is kept, never deleted: a question removed by mistake and restored
    /// with the same key resumes where it stopped.
    ///
    /// - Parameter knownKeys: the keys of every question the banks define now.
    /// - Complexity: O(n + m log m) for n log rows and m orphan keys.
    public func orphans(knownKeys: Set<String>) throws -> [OrphanHistory] {
        try perform {
            try pool.read { db in
                // DISTINCT over the key index is one pass over small entries; only the
                // (usually few) orphans need their counts.
                let keys = try String.fetchAll(db, sql: "SELECT DISTINCT key FROM review_log ORDER BY key")
                let sql = """
                    SELECT COUNT(*) - (SELECT COUNT(*) FROM review_undo AS u JOIN review_log AS v
                                       ON v.id = u.review_id WHERE v.key = ?1),
                           MAX(reviewed_at)
                    FROM review_log WHERE key = ?1
                    """
                var orphans: [OrphanHistory] = []
                for key in keys where !knownKeys.contains(key) {
                    guard let row = try Row.fetchOne(db, sql: sql, arguments: [key]) else { continue }
                    let last = Instant(microsecondsSinceEpoch: row[1])
                    orphans.append(OrphanHistory(key: key, reviews: row[0], lastReviewedAt: last))
                }
                return orphans
            }
        }
    }

    // MARK: - Row decoding

    static let cardColumns =
        "key, state, step, stability, difficulty, due, last_review, review_count, revision, introduced_at"

    func card(from row: Row) throws -> StoredCard {
        let card = try cardState(
            key: row[0], state: row[1], step: row[2], stability: row[3], difficulty: row[4], due: row[5],
            lastReview: row[6], reviewCount: row[7])
        return StoredCard(card: card, revision: row[8], introducedAt: Instant(microsecondsSinceEpoch: row[9]))
    }

    func cardState(
        key: String, state: Int, step: Int?, stability: Double?, difficulty: Double?, due: Int64, lastReview: Int64?,
        reviewCount: Int
    ) throws -> CardState {
        // The tables' CHECK constraints keep states in 1...3; a file edited by hand may not.
        guard let state = SchedulingState(rawValue: state) else {
            throw StoreError(.database(detail: "card '\(key)' has state \(state), not 1, 2 or 3"), path: path)
        }
        return CardState(
            key: key, state: state, step: step, stability: stability, difficulty: difficulty,
            due: Instant(microsecondsSinceEpoch: due),
            lastReview: lastReview.map(Instant.init(microsecondsSinceEpoch:)),
            reviewCount: reviewCount)
    }

    func fetchCard(_ db: Database, key: String) throws -> StoredCard? {
        let sql = "SELECT \(Self.cardColumns) FROM card WHERE key = ?"
        return try Row.fetchOne(db.cachedStatement(sql: sql), arguments: [key]).map(card(from:))
    }

    func fetchLogEntries(
        _ db: Database, where condition: String, arguments: StatementArguments
    ) throws
        -> [ReviewLogEntry]
    {
        let sql = """
            SELECT l.id, l.key, l.revision, l.reviewed_at, l.grade, l.duration_ms,
                   l.state_before, l.step_before, l.stability_before, l.difficulty_before, l.due_before,
                   l.last_review_before, l.review_count_before, l.revision_before,
                   l.state_after, l.step_after, l.stability_after, l.difficulty_after, l.due_after,
                   l.last_review_after, l.review_count_after, l.retrievability, l.scheduled_interval,
                   EXISTS (SELECT 1 FROM review_undo AS u WHERE u.review_id = l.id), l.override
            FROM review_log AS l WHERE \(condition) ORDER BY l.id
            """
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            let key: String = row[1]
            var before: CardState?
            if let state = row[6] as Int? {
                before = try cardState(
                    key: key, state: state, step: row[7], stability: row[8], difficulty: row[9], due: row[10] ?? 0,
                    lastReview: row[11], reviewCount: row[12] ?? 0)
            }
            let after = try cardState(
                key: key, state: row[14], step: row[15], stability: row[16], difficulty: row[17], due: row[18],
                lastReview: row[19], reviewCount: row[20] ?? 0)
            guard let rating = Rating(rawValue: row[4]) else {
                throw StoreError(.database(detail: "review \(row[0] as Int64) has grade \(row[4] as Int)"), path: path)
            }
            var entry = ReviewLogEntry(
                id: row[0], revision: row[2], rating: rating, reviewedAt: Instant(microsecondsSinceEpoch: row[3]),
                durationMilliseconds: row[5], before: before, revisionBefore: row[13], after: after,
                retrievability: row[21], scheduledInterval: row[22], isUndone: row[23])
            entry.isOverride = row[24]
            return entry
        }
    }
}
