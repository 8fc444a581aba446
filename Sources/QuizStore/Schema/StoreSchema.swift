import GRDB

/// The store's SQLite schema, as versioned migrations.
///
/// Tables (STRICT; times are UTC microseconds since 1970 in INTEGER columns):
///
/// - `review_log`: one row per answer, **append-only**: triggers abort any UPDATE or DELETE.
///   It holds the key, the question's revision, the time, the grade, the answer's duration,
///   the card state before (`*_before`, all NULL when the card had never been answered) and
///   after (`*_after`), the retrievability at review and the scheduled interval
///   (`due_after - reviewed_at`). Keyed by question key (`bank/id`), never by an ordinal, so
///   history survives reordering banks, and the history of a question that left the banks
///   stays (reported as an orphan, never deleted).
/// - `card`: the current FSRS state per key (state, step, S, D, due, last review, review
///   count, which seeds the scheduler's fuzz), the revision it was computed at and when it
///   was introduced. It is a cache of the log: every
///   row equals the `*_after` columns of the card's latest answer not undone.
/// - `review_undo` (v2): one row per undone answer, pointing at the log row it voids.
///
/// Version 2 also added the cards' `introduced_at` and `review_count` (backfilled from the
/// log) and the log's `review_count_before`/`_after` (NULL in rows written by version 1,
/// which are never rewritten: undo derives the count from the log for those).
///
/// Why undo is a separate table and not a compensating log row: the log records what the
/// learner answered, and every consumer (counts, daily limits, stats, a future optimiser of
/// the FSRS parameters) would have to pair compensating rows with the rows they cancel. A
/// `review_undo` row instead marks one log row as void, leaves the log literal and
/// append-only (the undo table is append-only too: an undo is never undone), and lets
/// queries exclude voided rows with one `NOT EXISTS`. The card row is restored from the
/// voided row's `*_before` columns, which is exact because only a card's latest answer may
/// be undone.
///
/// Version 3 added the log's `override` flag: 1 on an answer the engine graded wrong that the
/// learner overruled ("I was right", counted as Good). The graded answer it replaces is voided
/// through `review_undo` in the same transaction, so the log still says what happened, and a
/// later optimiser of the FSRS parameters can leave overridden answers out.
///
/// Version 4 added `fsrs_parameters`: one row per `quiz fsrs optimize --save` or `--reset`,
/// append-only like the log. The newest row is in force; its `parameters` is NULL after a
/// reset (the FSRS-6 defaults) or a JSON array of the 21 fitted parameters, with how many
/// reviews and cards the fit used. Keeping every row answers "which parameters scheduled
/// this answer" for any past review, which one mutable settings row would forget.
///
/// Version 5 added the mock interviews of `quiz interview`: `interview` (one row per
/// rehearsal: the plan, its seed, when it started and ended, whether it was stopped early and
/// whether its answers counted as reviews), `interview_stage` (each stage's title,
/// interviewer, budget and planned question count, copied from the plan at the start so a
/// later edit of `interviews.yaml` does not rewrite history, with when the stage was run) and
/// `interview_answer` (each answer with the question's key, prompt, type and tags as asked,
/// what was typed, the verdict or the rubric items met or the self-grade, the score from 0 to
/// 1, and the review-log row it also wrote under `--review`). Its rows are never deleted, and
/// triggers refuse any change but an override's: the `override` flag, the score it raises to
/// 1 and the review row that replaces the voided one.
///
/// `PRAGMA application_id` marks the file as ours and is checked before anything is written;
/// `PRAGMA user_version` always equals the schema version of the last applied migration.
enum StoreSchema {
    /// `PRAGMA application_id` of every quiz store: the ASCII bytes "QUIZ".
    static let applicationID: Int32 = 0x5155_495A

    /// The schema version this code writes; `user_version` after migrating.
    static let version = 5

    /// The migrations, in order; each ends by setting `user_version` to its own number.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-review-log-and-cards") { db in
            try db.execute(sql: version1)
        }
        migrator.registerMigration("v2-undo-and-introductions") { db in
            try db.execute(sql: version2)
        }
        migrator.registerMigration("v3-overrides") { db in
            try db.execute(sql: version3)
        }
        migrator.registerMigration("v4-fsrs-parameters") { db in
            try db.execute(sql: version4)
        }
        migrator.registerMigration("v5-interviews") { db in
            try db.execute(sql: version5)
        }
        return migrator
    }

    /// The first schema: the log, its append-only triggers, the card table.
    static let version1 = """
        CREATE TABLE review_log (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL,
            revision INTEGER NOT NULL,
            reviewed_at INTEGER NOT NULL,
            grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 4),
            duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0),
            state_before INTEGER CHECK (state_before BETWEEN 1 AND 3),
            step_before INTEGER,
            stability_before REAL,
            difficulty_before REAL,
            due_before INTEGER,
            last_review_before INTEGER,
            revision_before INTEGER,
            state_after INTEGER NOT NULL CHECK (state_after BETWEEN 1 AND 3),
            step_after INTEGER,
            stability_after REAL,
            difficulty_after REAL,
            due_after INTEGER NOT NULL,
            last_review_after INTEGER,
            retrievability REAL,
            scheduled_interval INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX review_log_by_key ON review_log(key);
        CREATE INDEX review_log_by_time ON review_log(reviewed_at);
        CREATE TRIGGER review_log_no_update BEFORE UPDATE ON review_log
        BEGIN SELECT RAISE(ABORT, 'review_log is append-only: its rows are never updated'); END;
        CREATE TRIGGER review_log_no_delete BEFORE DELETE ON review_log
        BEGIN SELECT RAISE(ABORT, 'review_log is append-only: its rows are never deleted'); END;
        CREATE TABLE card (
            key TEXT NOT NULL PRIMARY KEY,
            state INTEGER NOT NULL CHECK (state BETWEEN 1 AND 3),
            step INTEGER,
            stability REAL,
            difficulty REAL,
            due INTEGER NOT NULL,
            last_review INTEGER,
            revision INTEGER NOT NULL
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX card_by_due ON card(due);
        PRAGMA application_id = \(applicationID);
        PRAGMA user_version = 1;
        """

    /// Undo as its own append-only table; cards learn when they were introduced and how many
    /// answers they have had (the scheduler's `reviewCount`), both backfilled from the log
    /// at the card's current revision. The due index becomes covering (every column the due
    /// query returns; the key comes with it, being the primary key of a WITHOUT ROWID
    /// table): measured on 100k cards, all due, the query takes 56 ms instead of 157 ms in
    /// the sqlite3 shell, as it reads the index in order instead of looking up each card.
    static let version2 = """
        CREATE TABLE review_undo (
            review_id INTEGER NOT NULL PRIMARY KEY REFERENCES review_log(id),
            undone_at INTEGER NOT NULL
        ) STRICT;
        CREATE TRIGGER review_undo_no_update BEFORE UPDATE ON review_undo
        BEGIN SELECT RAISE(ABORT, 'review_undo is append-only: an undo is never changed'); END;
        CREATE TRIGGER review_undo_no_delete BEFORE DELETE ON review_undo
        BEGIN SELECT RAISE(ABORT, 'review_undo is append-only: an undo is never removed'); END;
        ALTER TABLE card ADD COLUMN introduced_at INTEGER NOT NULL DEFAULT 0;
        UPDATE card SET introduced_at = COALESCE(
            (SELECT MIN(reviewed_at) FROM review_log AS l WHERE l.key = card.key AND l.revision = card.revision),
            last_review, due);
        CREATE INDEX card_by_introduction ON card(introduced_at);
        ALTER TABLE card ADD COLUMN review_count INTEGER NOT NULL DEFAULT 0;
        UPDATE card SET review_count =
            (SELECT COUNT(*) FROM review_log AS l WHERE l.key = card.key AND l.revision = card.revision);
        ALTER TABLE review_log ADD COLUMN review_count_before INTEGER;
        ALTER TABLE review_log ADD COLUMN review_count_after INTEGER;
        DROP INDEX card_by_due;
        CREATE INDEX card_by_due_covering ON card(
            due, state, step, stability, difficulty, last_review, review_count, revision, introduced_at);
        PRAGMA user_version = 2;
        """

    /// The override flag on review-log rows; 0 on every row written before.
    static let version3 = """
        ALTER TABLE review_log ADD COLUMN override INTEGER NOT NULL DEFAULT 0 CHECK (override IN (0, 1));
        PRAGMA user_version = 3;
        """

    /// The saved FSRS parameters, one append-only row per save or reset.
    static let version4 = """
        CREATE TABLE fsrs_parameters (
            id INTEGER PRIMARY KEY,
            saved_at INTEGER NOT NULL,
            parameters TEXT,
            review_count INTEGER NOT NULL CHECK (review_count >= 0),
            card_count INTEGER NOT NULL CHECK (card_count >= 0)
        ) STRICT;
        CREATE TRIGGER fsrs_parameters_no_update BEFORE UPDATE ON fsrs_parameters
        BEGIN SELECT RAISE(ABORT, 'fsrs_parameters is append-only: a save is never changed'); END;
        CREATE TRIGGER fsrs_parameters_no_delete BEFORE DELETE ON fsrs_parameters
        BEGIN SELECT RAISE(ABORT, 'fsrs_parameters is append-only: a save is never removed'); END;
        PRAGMA user_version = 4;
        """

    /// Mock interviews: the rehearsals, their stages and their answers.
    static let version5 = """
        CREATE TABLE interview (
            id INTEGER PRIMARY KEY,
            plan TEXT NOT NULL,
            plan_title TEXT NOT NULL,
            seed TEXT NOT NULL,
            started_at INTEGER NOT NULL,
            finished_at INTEGER,
            stopped INTEGER NOT NULL DEFAULT 0 CHECK (stopped IN (0, 1)),
            counts_as_reviews INTEGER NOT NULL CHECK (counts_as_reviews IN (0, 1))
        ) STRICT;
        CREATE INDEX interview_by_plan ON interview(plan, started_at);
        CREATE TABLE interview_stage (
            interview_id INTEGER NOT NULL REFERENCES interview(id),
            position INTEGER NOT NULL CHECK (position >= 0),
            title TEXT NOT NULL,
            interviewer TEXT NOT NULL,
            budget_minutes INTEGER NOT NULL CHECK (budget_minutes >= 1),
            planned INTEGER NOT NULL CHECK (planned >= 0),
            started_at INTEGER,
            finished_at INTEGER,
            PRIMARY KEY (interview_id, position)
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE interview_answer (
            id INTEGER PRIMARY KEY,
            interview_id INTEGER NOT NULL REFERENCES interview(id),
            stage INTEGER NOT NULL CHECK (stage >= 0),
            key TEXT NOT NULL,
            prompt TEXT NOT NULL,
            type TEXT NOT NULL,
            tags TEXT NOT NULL,
            response TEXT,
            correct INTEGER CHECK (correct IN (0, 1)),
            override INTEGER NOT NULL DEFAULT 0 CHECK (override IN (0, 1)),
            rubric_met TEXT,
            self_grade INTEGER CHECK (self_grade BETWEEN 1 AND 4),
            score REAL NOT NULL CHECK (score BETWEEN 0 AND 1),
            answered_at INTEGER NOT NULL,
            duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0),
            review_id INTEGER REFERENCES review_log(id)
        ) STRICT;
        CREATE INDEX interview_answer_by_interview ON interview_answer(interview_id, id);
        CREATE INDEX interview_answer_by_key ON interview_answer(key);
        CREATE TRIGGER interview_answer_no_update BEFORE UPDATE OF
            id, interview_id, stage, key, prompt, type, tags, response, correct, rubric_met, self_grade, answered_at,
            duration_ms ON interview_answer
        BEGIN SELECT RAISE(ABORT, 'interview_answer keeps what was answered: only an override changes a row'); END;
        CREATE TRIGGER interview_answer_no_delete BEFORE DELETE ON interview_answer
        BEGIN SELECT RAISE(ABORT, 'interview_answer is append-only: an answer is never removed'); END;
        PRAGMA user_version = 5;
        """
}
