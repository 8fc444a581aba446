import GRDB

extension ReviewStore {
    /// Stores one answer: appends its review-log row and updates its card, in one transaction.
    ///
    /// Returns only once the transaction is durable. The state before the answer is read
    /// from the card row inside the same transaction, so it is the state really replaced.
    /// When `review.revision` differs from the stored card's, the card starts over: it is
    /// introduced again (for the daily new-card limit) and its log is kept.
    ///
    /// - Returns: the id of the new review-log row.
    /// - Throws: `StoreError`: `.invalidRecord` (nothing written) or `.database`.
    /// - Complexity: O(log n) in the number of cards and log rows.
    @discardableResult
    public func record(_ review: ReviewRecord) throws -> Int64 {
        if let reason = Self.problem(with: review) {
            throw StoreError(.invalidRecord(key: review.key, reason: reason), path: path)
        }
        return try perform {
            try pool.write { db in
                let current = try Self.fetchCard(db, key: review.key)
                let introducedAt: Int64
                if let current, current.revision == review.revision {
                    introducedAt = current.introducedAt
                } else {
                    introducedAt = review.reviewedAt
                }
                let before = current?.snapshot
                let after = review.after
                let logArguments: StatementArguments = [
                    review.key, review.revision, review.reviewedAt, review.grade, review.durationMilliseconds,
                    before?.state, before?.step, before?.stability, before?.difficulty, before?.due,
                    before?.lastReview, current?.revision,
                    after.state, after.step, after.stability, after.difficulty, after.due, after.lastReview,
                    review.retrievability, after.due &- review.reviewedAt,
                ]
                try db.cachedStatement(sql: Self.insertLogSQL).execute(arguments: logArguments)
                let id = db.lastInsertedRowID
                try Self.writeCard(
                    db,
                    StoredCard(key: review.key, snapshot: after, revision: review.revision, introducedAt: introducedAt))
                return id
            }
        }
    }

    /// Undoes the latest answer not yet undone: marks its log row void and restores its card
    /// to the state before it.
    ///
    /// `u` in review calls this. The log row stays (the log is append-only); a row in
    /// `review_undo` voids it, so it no longer counts anywhere.
    ///
    /// - Parameter time: when the undo happens, in UTC microseconds.
    /// - Returns: the log entry that was undone (now with `isUndone` set).
    /// - Throws: `StoreError`: `.nothingToUndo` or `.database`.
    @discardableResult
    public func undoLast(at time: Int64) throws -> ReviewLogEntry {
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

    /// Undoes one answer, which must be the latest answer of its card not yet undone (so the
    /// card can be restored exactly). Use it with the id `record` returned, so that a review
    /// session undoes its own answer even when another process answered since.
    ///
    /// - Returns: the log entry that was undone (now with `isUndone` set).
    /// - Throws: `StoreError`: `.unknownReview`, `.alreadyUndone`, `.notLatestReview` or `.database`.
    @discardableResult
    public func undo(reviewID id: Int64, at time: Int64) throws -> ReviewLogEntry {
        try perform {
            try pool.write { db in try undo(db, id: id, at: time) }
        }
    }

    private func undo(_ db: Database, id: Int64, at time: Int64) throws -> ReviewLogEntry {
        guard let entry = try Self.fetchLogEntries(db, where: "l.id = ?", arguments: [id]).first else {
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
        try db.execute(sql: "INSERT INTO review_undo (review_id, undone_at) VALUES (?, ?)", arguments: [id, time])
        if let before = entry.before, let revision = entry.revisionBefore {
            // Introduced at the first answer, still standing, at the restored revision.
            let firstSQL = """
                SELECT MIN(reviewed_at) FROM review_log AS l
                WHERE key = ? AND revision = ?
                AND NOT EXISTS (SELECT 1 FROM review_undo AS u WHERE u.review_id = l.id)
                """
            let first = try Int64.fetchOne(db, sql: firstSQL, arguments: [entry.key, revision])
            let introducedAt = first ?? before.lastReview ?? before.due
            try Self.writeCard(
                db, StoredCard(key: entry.key, snapshot: before, revision: revision, introducedAt: introducedAt))
        } else {
            try db.execute(sql: "DELETE FROM card WHERE key = ?", arguments: [entry.key])
        }
        var undone = entry
        undone.isUndone = true
        return undone
    }

    // MARK: - Helpers

    static let insertLogSQL = """
        INSERT INTO review_log (
            key, revision, reviewed_at, grade, duration_ms,
            state_before, step_before, stability_before, difficulty_before, due_before, last_review_before,
            revision_before,
            state_after, step_after, stability_after, difficulty_after, due_after, last_review_after,
            retrievability, scheduled_interval
        ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    static func writeCard(_ db: Database, _ card: StoredCard) throws {
        let sql = """
            INSERT INTO card (key, state, step, stability, difficulty, due, last_review, revision, introduced_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (key) DO UPDATE SET
                state = excluded.state, step = excluded.step, stability = excluded.stability,
                difficulty = excluded.difficulty, due = excluded.due, last_review = excluded.last_review,
                revision = excluded.revision, introduced_at = excluded.introduced_at
            """
        let snapshot = card.snapshot
        try db.cachedStatement(sql: sql).execute(arguments: [
            card.key, snapshot.state, snapshot.step, snapshot.stability, snapshot.difficulty, snapshot.due,
            snapshot.lastReview, card.revision, card.introducedAt,
        ])
    }

    /// What is wrong with a record, or nil when the store can write it.
    static func problem(with review: ReviewRecord) -> String? {
        if review.key.isEmpty { return "the key is empty" }
        if !(1...4).contains(review.grade) { return "grade \(review.grade) is not 1 (Again) to 4 (Easy)" }
        if !(1...3).contains(review.after.state) {
            return "state \(review.after.state) is not 1 (Learning), 2 (Review) or 3 (Relearning)"
        }
        if review.durationMilliseconds < 0 { return "the duration \(review.durationMilliseconds) ms is negative" }
        for (name, value) in [
            ("stability", review.after.stability), ("difficulty", review.after.difficulty),
            ("retrievability", review.retrievability),
        ] {
            if let value, !value.isFinite { return "the \(name) \(value) is not a finite number" }
        }
        return nil
    }
}
