import GRDB
import QuizEngine

extension ReviewStore {
    /// Stores one answer: appends its review-log row and updates its card, in one transaction.
    ///
    /// Returns only once the transaction is durable. The state before the answer is read
    /// from the card row inside the same transaction, so it is the state really replaced.
    /// When `review.revision` differs from the stored card's, the card starts over: it is
    /// introduced again (for the daily new-card limit) and its log is kept.
    ///
    /// - Returns: the id of the new review-log row (for `undo(reviewID:at:)`).
    /// - Throws: `StoreError`: `.invalidRecord` (nothing written) or `.database`.
    /// - Complexity: O(log n) in the number of cards and log rows.
    @discardableResult
    public func record(_ review: ReviewRecord) throws -> Int64 {
        if let reason = Self.problem(with: review) {
            throw StoreError(.invalidRecord(key: review.key, reason: reason), path: path)
        }
        return try perform { try pool.write { db in try insert(review, into: db) } }
    }

    /// Stores many answers in one transaction, in order: for importing history and for
    /// building large stores in benchmarks. Each answer is stored exactly as by `record`.
    ///
    /// - Returns: the ids of the new review-log rows.
    /// - Throws: `StoreError`: `.invalidRecord` (nothing written) or `.database`.
    @discardableResult
    package func record(contentsOf reviews: [ReviewRecord]) throws -> [Int64] {
        for review in reviews {
            if let reason = Self.problem(with: review) {
                throw StoreError(.invalidRecord(key: review.key, reason: reason), path: path)
            }
        }
        return try perform { try pool.write { db in try reviews.map { try insert($0, into: db) } } }
    }

    /// Appends the log row and upserts the card of one valid answer, inside a transaction
    /// (also the path of an interview answer that counts as a review).
    func insert(_ review: ReviewRecord, into db: Database) throws -> Int64 {
        let current = try fetchCard(db, key: review.key)
        let introducedAt: Instant
        if let current, current.revision == review.revision {
            introducedAt = current.introducedAt
        } else {
            introducedAt = review.reviewedAt
        }
        let before = current?.card
        let after = review.card
        let logArguments: StatementArguments = [
            review.key, review.revision, review.reviewedAt.microsecondsSinceEpoch, review.rating.rawValue,
            review.durationMilliseconds,
            before?.state.rawValue, before?.step, before?.stability, before?.difficulty,
            before?.due.microsecondsSinceEpoch, before?.lastReview?.microsecondsSinceEpoch,
            before?.reviewCount, current?.revision,
            after.state.rawValue, after.step, after.stability, after.difficulty,
            after.due.microsecondsSinceEpoch, after.lastReview?.microsecondsSinceEpoch, after.reviewCount,
            review.retrievability, after.due.microseconds(since: review.reviewedAt), review.isOverride ? 1 : 0,
        ]
        try db.cachedStatement(sql: Self.insertLogSQL).execute(arguments: logArguments)
        let id = db.lastInsertedRowID
        try Self.writeCard(db, StoredCard(card: after, revision: review.revision, introducedAt: introducedAt))
        return id
    }

    /// Undoes the latest answer not yet undone: marks its log row void and restores its card
    /// to the state before it.
    ///
    /// The log row stays (the log is append-only); a row in `review_undo` voids it, so it no
    /// longer counts anywhere. A review session should prefer `undo(reviewID:at:)` with the
    /// id `record` returned, which undoes its own answer even if another process answered
    /// since.
    ///
    /// - Parameter time: when the undo happens.
    /// - Returns: the log entry that was undone (with `isUndone` set).
    /// - Throws: `StoreError`: `.nothingToUndo` or `.database`.
    @discardableResult
    public func undoLast(at time: Instant) throws -> ReviewLogEntry {
        try perform {
            try pool.write { db in
                let sql = """
                    SELECT id FROM review_log AS l
                    WHERE NOT EXISTS (SELECT 1 FROM review_undo AS u WHERE u.review_id = l.id)
                    ORDER BY id DESC LIMIT 1
                    """
                guard let id = try Int64.fetchOne(db, sql: sql) else {
                    throw StoreError(.nothingToUndo, path: path)
                }
                return try undo(db, id: id, at: time)
            }
        }
    }

    /// Undoes one answer, which must be the latest answer of its card not yet undone, so
    /// that the card can be restored exactly (`u` in review, with the id `record` returned).
    ///
    /// - Returns: the log entry that was undone (with `isUndone` set).
    /// - Throws: `StoreError`: `.unknownReview`, `.alreadyUndone`, `.notLatestReview` or `.database`.
    @discardableResult
    public func undo(reviewID id: Int64, at time: Instant) throws -> ReviewLogEntry {
        try perform {
            try pool.write { db in try undo(db, id: id, at: time) }
        }
    }

    /// Replaces a graded answer with the learner's override, in one transaction: voids the
    /// answer `id` (as `undo` does) and records `replacement`, flagged as an override.
    ///
    /// `replacement` must be computed from the card as it was before answer `id` (the state
    /// `undo` restores), so the override schedules as if the learner had answered Good.
    ///
    /// - Returns: the id of the override's log row (undoing it restores the state before both).
    /// - Throws: `StoreError`: as `undo(reviewID:at:)` and `record`; nothing is written then.
    @discardableResult
    public func overrule(reviewID id: Int64, with replacement: ReviewRecord) throws -> Int64 {
        var replacement = replacement
        replacement.isOverride = true
        if let reason = Self.problem(with: replacement) {
            throw StoreError(.invalidRecord(key: replacement.key, reason: reason), path: path)
        }
        return try perform {
            try pool.write { db in
                _ = try undo(db, id: id, at: replacement.reviewedAt)
                return try insert(replacement, into: db)
            }
        }
    }

    func undo(_ db: Database, id: Int64, at time: Instant) throws -> ReviewLogEntry {
        guard let entry = try fetchLogEntries(db, where: "l.id = ?", arguments: [id]).first else {
            throw StoreError(.unknownReview(id: id), path: path)
        }
        if entry.isUndone {
            throw StoreError(.alreadyUndone(id: id), path: path)
        }
        let latestSQL = """
            SELECT MAX(id) FROM review_log AS l
            WHERE key = ? AND NOT EXISTS (SELECT 1 FROM review_undo AS u WHERE u.review_id = l.id)
            """
        let latest = try Int64.fetchOne(db, sql: latestSQL, arguments: [entry.key]) ?? id
        guard latest == id else {
            throw StoreError(.notLatestReview(id: id, key: entry.key, latest: latest), path: path)
        }
        try db.execute(
            sql: "INSERT INTO review_undo (review_id, undone_at) VALUES (?, ?)",
            arguments: [id, time.microsecondsSinceEpoch])
        guard var before = entry.before, let revision = entry.revisionBefore else {
            // The answer introduced the card: without it, the card was never answered.
            try db.execute(sql: "DELETE FROM card WHERE key = ?", arguments: [entry.key])
            return undone(entry)
        }
        // What the before-columns do not hold comes from the answers still standing at the
        // restored revision: the first one introduced the card; a row written by schema v1
        // has no review count, which is then their number.
        let standingSQL = """
            SELECT MIN(reviewed_at), COUNT(*) FROM review_log AS l
            WHERE key = ? AND revision = ?
            AND NOT EXISTS (SELECT 1 FROM review_undo AS u WHERE u.review_id = l.id)
            """
        let standing = try Row.fetchOne(db, sql: standingSQL, arguments: [entry.key, revision])
        let firstAnswer: Int64? = standing?[0]
        if try Bool.fetchOne(
            db, sql: "SELECT review_count_before IS NULL FROM review_log WHERE id = ?", arguments: [id])
            == true
        {
            before.reviewCount = standing?[1] ?? 0
        }
        let introducedAt = firstAnswer.map(Instant.init(microsecondsSinceEpoch:)) ?? before.lastReview ?? before.due
        try Self.writeCard(db, StoredCard(card: before, revision: revision, introducedAt: introducedAt))
        return undone(entry)
    }

    private func undone(_ entry: ReviewLogEntry) -> ReviewLogEntry {
        var entry = entry
        entry.isUndone = true
        return entry
    }

    // MARK: - Helpers

    static let insertLogSQL = """
        INSERT INTO review_log (
            key, revision, reviewed_at, grade, duration_ms,
            state_before, step_before, stability_before, difficulty_before, due_before, last_review_before,
            review_count_before, revision_before,
            state_after, step_after, stability_after, difficulty_after, due_after, last_review_after,
            review_count_after, retrievability, scheduled_interval, override
        ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    static func writeCard(_ db: Database, _ stored: StoredCard) throws {
        let sql = """
            INSERT INTO card (key, state, step, stability, difficulty, due, last_review, review_count, revision,
                              introduced_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (key) DO UPDATE SET
                state = excluded.state, step = excluded.step, stability = excluded.stability,
                difficulty = excluded.difficulty, due = excluded.due, last_review = excluded.last_review,
                review_count = excluded.review_count, revision = excluded.revision,
                introduced_at = excluded.introduced_at
            """
        let card = stored.card
        try db.cachedStatement(sql: sql).execute(arguments: [
            card.key, card.state.rawValue, card.step, card.stability, card.difficulty,
            card.due.microsecondsSinceEpoch, card.lastReview?.microsecondsSinceEpoch, card.reviewCount,
            stored.revision, stored.introducedAt.microsecondsSinceEpoch,
        ])
    }

    /// What is wrong with a record, or nil when the store can write it.
    static func problem(with review: ReviewRecord) -> String? {
        if review.key.isEmpty { return "the key is empty" }
        if review.durationMilliseconds < 0 { return "the duration \(review.durationMilliseconds) ms is negative" }
        for (name, value) in [
            ("stability", review.card.stability), ("difficulty", review.card.difficulty),
            ("retrievability", review.retrievability),
        ] {
            if let value, !value.isFinite { return "the \(name) \(value) is not a finite number" }
        }
        return nil
    }
}
