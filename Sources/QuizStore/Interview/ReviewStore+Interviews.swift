import GRDB
import QuizEngine

extension ReviewStore {
    /// Starts a rehearsal of `plan`: stores it with its stages (as the plan is now) and
    /// returns its id.
    ///
    /// - Throws: `StoreError.database`.
    public func beginInterview(
        plan: InterviewPlan, seed: UInt64, countsAsReviews: Bool, at time: Instant
    ) throws -> Int64 {
        try perform {
            try pool.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO interview (plan, plan_title, seed, started_at, counts_as_reviews)
                        VALUES (?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        plan.name, plan.title, String(seed), time.microsecondsSinceEpoch, countsAsReviews ? 1 : 0,
                    ])
                let id = db.lastInsertedRowID
                for (position, stage) in plan.stages.enumerated() {
                    try db.execute(
                        sql: """
                            INSERT INTO interview_stage (interview_id, position, title, interviewer, budget_minutes, planned)
                            VALUES (?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [id, position, stage.title, stage.interviewer, stage.minutes, stage.questionCount])
                }
                return id
            }
        }
    }

    /// Records when stage `position` of interview `id` started or ended.
    ///
    /// - Throws: `StoreError.database`.
    public func markInterviewStage(
        _ position: Int, of id: Int64, startedAt: Instant? = nil, finishedAt: Instant? = nil
    )
        throws
    {
        try perform {
            try pool.write { db in
                try db.execute(
                    sql: """
                        UPDATE interview_stage SET started_at = COALESCE(?, started_at),
                            finished_at = COALESCE(?, finished_at)
                        WHERE interview_id = ? AND position = ?
                        """,
                    arguments: [
                        startedAt?.microsecondsSinceEpoch, finishedAt?.microsecondsSinceEpoch, id, position,
                    ])
            }
        }
    }

    /// Stores one interview answer and, when `review` is given, the review it counts as,
    /// in one transaction (the review through the same path as `record(_:)`); returns the
    /// answer's row id and the review-log row's id (nil without a review).
    ///
    /// - Throws: `StoreError`: `.invalidRecord` (nothing written) or `.database`.
    @discardableResult
    public func recordInterviewAnswer(
        _ answer: InterviewAnswer, of id: Int64, review: ReviewRecord?
    ) throws -> (answerID: Int64, reviewID: Int64?) {
        if let review, let reason = Self.problem(with: review) {
            throw StoreError(.invalidRecord(key: review.key, reason: reason), path: path)
        }
        guard answer.durationMilliseconds >= 0 else {
            throw StoreError(.invalidRecord(key: answer.key, reason: "the duration is negative"), path: path)
        }
        return try perform {
            try pool.write { db in
                let reviewID = try review.map { try insert($0, into: db) }
                var response: String?
                var correct: Int?
                var overridden = 0
                var rubric: String?
                var selfGrade: Int?
                switch answer.judgement {
                case .graded(let typed, let isCorrect, let isOverridden):
                    response = typed
                    correct = isCorrect ? 1 : 0
                    overridden = isOverridden ? 1 : 0
                case .rubric(let met): rubric = String(met.map { $0 ? "1" : "0" })
                case .selfGraded(let rating): selfGrade = rating.rawValue
                }
                try db.execute(
                    sql: """
                        INSERT INTO interview_answer (interview_id, stage, key, prompt, type, tags, response, correct,
                            override, rubric_met, self_grade, score, answered_at, duration_ms, review_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        id, answer.stage, answer.key, answer.prompt, answer.type.rawValue,
                        answer.tags.joined(separator: " "), response, correct, overridden, rubric, selfGrade,
                        answer.score, answer.answeredAt.microsecondsSinceEpoch, answer.durationMilliseconds, reviewID,
                    ])
                return (db.lastInsertedRowID, reviewID)
            }
        }
    }

    /// Overrules interview answer `answerID`, graded wrong: the learner was right. Its score
    /// becomes 1; under `--review`, its review row is voided and `replacement` (Good, an
    /// override) recorded in its place, as `overrule(reviewID:with:)` does; one transaction.
    ///
    /// - Returns: the replacement's review-log id, or nil without a review.
    /// - Throws: `StoreError`: `.invalidRecord` or `.database`.
    @discardableResult
    public func overruleInterviewAnswer(
        _ answerID: Int64, review: (voiding: Int64, replacement: ReviewRecord)?
    ) throws -> Int64? {
        var replacement = review?.replacement
        replacement?.isOverride = true
        if let replacement, let reason = Self.problem(with: replacement) {
            throw StoreError(.invalidRecord(key: replacement.key, reason: reason), path: path)
        }
        return try perform {
            try pool.write { db in
                var reviewID: Int64?
                if let review, let replacement {
                    _ = try undo(db, id: review.voiding, at: replacement.reviewedAt)
                    reviewID = try insert(replacement, into: db)
                }
                try db.execute(
                    sql:
                        "UPDATE interview_answer SET override = 1, score = 1, review_id = COALESCE(?, review_id) WHERE id = ?",
                    arguments: [reviewID, answerID])
                return reviewID
            }
        }
    }

    /// Ends interview `id` at `time`; `stopped` when the learner left before its last question.
    ///
    /// - Throws: `StoreError.database`.
    public func finishInterview(_ id: Int64, at time: Instant, stopped: Bool) throws {
        try perform {
            try pool.write { db in
                try db.execute(
                    sql: "UPDATE interview SET finished_at = ?, stopped = ? WHERE id = ?",
                    arguments: [time.microsecondsSinceEpoch, stopped ? 1 : 0, id])
            }
        }
    }

    /// Every rehearsal, oldest first, with stages and answers.
    ///
    /// - Complexity: O(i + s + a) rows for i interviews, s stages and a answers.
    public func interviews() throws -> [InterviewRecord] {
        try perform { try pool.read { db in try fetchInterviews(db, where: nil) } }
    }

    /// Rehearsal `id`, or nil when there is none.
    public func interview(_ id: Int64) throws -> InterviewRecord? {
        try perform { try pool.read { db in try fetchInterviews(db, where: id).first } }
    }

    /// The keys asked in the latest `count` rehearsals, so a new one can prefer others.
    public func recentInterviewKeys(interviews count: Int) throws -> Set<String> {
        try perform {
            try pool.read { db in
                let keys = try String.fetchAll(
                    db,
                    sql: """
                        SELECT DISTINCT key FROM interview_answer
                        WHERE interview_id IN (SELECT id FROM interview ORDER BY id DESC LIMIT ?)
                        """,
                    arguments: [count])
                return Set(keys)
            }
        }
    }

    private func fetchInterviews(_ db: Database, where id: Int64?) throws -> [InterviewRecord] {
        // One rehearsal's rows, or every one's.
        let arguments: StatementArguments = id.map { [$0] } ?? StatementArguments()
        let filter = id == nil ? "" : " WHERE id = ?"
        let childFilter = id == nil ? "" : " WHERE interview_id = ?"
        var records: [InterviewRecord] = []
        var positions: [Int64: Int] = [:]
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT id, plan, plan_title, seed, started_at, finished_at, stopped, counts_as_reviews
                FROM interview\(filter) ORDER BY id
                """,
            arguments: arguments)
        for row in rows {
            let interviewID: Int64 = row[0]
            positions[interviewID] = records.count
            records.append(
                InterviewRecord(
                    id: interviewID, plan: row[1], planTitle: row[2], seed: UInt64(row[3] as String) ?? 0,
                    startedAt: Instant(microsecondsSinceEpoch: row[4]),
                    finishedAt: (row[5] as Int64?).map(Instant.init(microsecondsSinceEpoch:)),
                    stopped: row[6] as Int == 1,
                    countsAsReviews: row[7] as Int == 1, stages: [], answers: []))
        }
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT interview_id, position, title, interviewer, budget_minutes, planned, started_at, finished_at
                FROM interview_stage\(childFilter) ORDER BY interview_id, position
                """,
            arguments: arguments)
        {
            guard let at = positions[row[0]] else { continue }
            records[at].stages.append(
                InterviewStageRecord(
                    position: row[1], title: row[2], interviewer: row[3], budgetMinutes: row[4], planned: row[5],
                    startedAt: (row[6] as Int64?).map(Instant.init(microsecondsSinceEpoch:)),
                    finishedAt: (row[7] as Int64?).map(Instant.init(microsecondsSinceEpoch:))))
        }
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT interview_id, stage, key, prompt, type, tags, response, correct, override, rubric_met,
                    self_grade, answered_at, duration_ms, review_id
                FROM interview_answer\(childFilter) ORDER BY interview_id, id
                """,
            arguments: arguments)
        {
            guard let at = positions[row[0]] else { continue }
            let judgement: InterviewAnswer.Judgement
            if let rubric = row[9] as String? {
                judgement = .rubric(rubric.map { $0 == "1" })
            } else if let grade = row[10] as Int?, let rating = Rating(rawValue: grade) {
                judgement = .selfGraded(rating)
            } else {
                judgement = .graded(
                    response: row[6] as String? ?? "", correct: row[7] as Int? == 1, overridden: row[8] as Int == 1)
            }
            let tags = (row[5] as String).split(separator: " ").map(String.init)
            records[at].answers.append(
                InterviewAnswer(
                    stage: row[1], key: row[2], prompt: row[3], type: QuestionType(rawValue: row[4]) ?? .open,
                    tags: tags, judgement: judgement, answeredAt: Instant(microsecondsSinceEpoch: row[11]),
                    durationMilliseconds: row[12], reviewID: row[13]))
        }
        return records
    }
}
