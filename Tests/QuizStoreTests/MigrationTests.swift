import GRDB
import QuizEngine
import TestSupport
import Testing

@testable import QuizStore

@Suite struct MigrationTests {
    /// The v1 schema exactly as the first store version wrote it, frozen here on purpose:
    /// later edits to `StoreSchema` must not change what an old user's file looks like.
    static let frozenVersion1 = """
        CREATE TABLE review_log (
            id INTEGER PRIMARY KEY, key TEXT NOT NULL, revision INTEGER NOT NULL,
            reviewed_at INTEGER NOT NULL, grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 4),
            duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0),
            state_before INTEGER CHECK (state_before BETWEEN 1 AND 3), step_before INTEGER,
            stability_before REAL, difficulty_before REAL, due_before INTEGER, last_review_before INTEGER,
            revision_before INTEGER,
            state_after INTEGER NOT NULL CHECK (state_after BETWEEN 1 AND 3), step_after INTEGER,
            stability_after REAL, difficulty_after REAL, due_after INTEGER NOT NULL, last_review_after INTEGER,
            retrievability REAL, scheduled_interval INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX review_log_by_key ON review_log(key);
        CREATE INDEX review_log_by_time ON review_log(reviewed_at);
        CREATE TRIGGER review_log_no_update BEFORE UPDATE ON review_log
        BEGIN SELECT RAISE(ABORT, 'review_log is append-only: its rows are never updated'); END;
        CREATE TRIGGER review_log_no_delete BEFORE DELETE ON review_log
        BEGIN SELECT RAISE(ABORT, 'review_log is append-only: its rows are never deleted'); END;
        CREATE TABLE card (
            key TEXT NOT NULL PRIMARY KEY, state INTEGER NOT NULL CHECK (state BETWEEN 1 AND 3),
            step INTEGER, stability REAL, difficulty REAL, due INTEGER NOT NULL, last_review INTEGER,
            revision INTEGER NOT NULL
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX card_by_due ON card(due);
        PRAGMA application_id = 1364543834;
        PRAGMA user_version = 1;
        CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
        INSERT INTO grdb_migrations VALUES ('v1-review-log-and-cards');
        """

    /// A v1 store with two cards: `a/one` answered twice (revision 1), `a/two` answered at
    /// revision 1, then reset by revision 2.
    static func makeVersion1Store(at path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: frozenVersion1)
            let insert = """
                INSERT INTO review_log (key, revision, reviewed_at, grade, duration_ms,
                    state_before, step_before, stability_before, difficulty_before, due_before, last_review_before,
                    revision_before, state_after, step_after, stability_after, difficulty_after, due_after,
                    last_review_after, retrievability, scheduled_interval)
                VALUES (?, ?, ?, ?, 1000, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, 5.0, ?, ?, ?, ?)
                """
            let rows: [StatementArguments] = [
                [
                    "a/one", 1, epoch, 3, nil, nil, nil, nil, nil, nil, nil, 2, 2.3, epoch + 2 * day, epoch, nil,
                    2 * day,
                ],
                [
                    "a/one", 1, epoch + 2 * day, 3, 2, nil, 2.3, 5.0, epoch + 2 * day, epoch, 1, 2, 10.5,
                    epoch + 12 * day, epoch + 2 * day, 0.9, 10 * day,
                ],
                [
                    "a/two", 1, epoch + day, 4, nil, nil, nil, nil, nil, nil, nil, 2, 8.3, epoch + 9 * day, epoch + day,
                    nil, 8 * day,
                ],
                [
                    "a/two", 2, epoch + 3 * day, 3, 2, nil, 8.3, 5.0, epoch + 9 * day, epoch + day, 1, 2, 2.3,
                    epoch + 5 * day, epoch + 3 * day, nil, 2 * day,
                ],
            ]
            for row in rows { try db.execute(sql: insert, arguments: row) }
            try db.execute(
                sql: """
                    INSERT INTO card VALUES ('a/one', 2, NULL, 10.5, 5.0, ?, ?, 1), ('a/two', 2, NULL, 2.3, 5.0, ?, ?, 2)
                    """,
                arguments: [epoch + 12 * day, epoch + 2 * day, epoch + 5 * day, epoch + 3 * day])
        }
        try queue.close()
    }

    @Test func version1StoreMigratesAndKeepsItsData() throws {
        let directory = try TemporaryFolder()
        defer { directory.remove() }
        let path = directory.file("progress.sqlite")
        try Self.makeVersion1Store(at: path)
        #expect(try inspect(path, "PRAGMA user_version", as: Int.self) == 1)

        let store = try ReviewStore(path: path)
        #expect(try inspect(path, "PRAGMA user_version", as: Int.self) == StoreSchema.version)
        #expect(try store.integrityProblems().isEmpty)
        #expect(try store.totalReviews == 4)
        let one = try #require(try store.card(forKey: "a/one"))
        #expect(one.card.stability == 10.5)
        #expect(one.card.due == instant(epoch + 12 * day))
        #expect(one.card.reviewCount == 2)  // backfilled: answers at revision 1
        #expect(one.introducedAt == instant(epoch))  // backfilled: first answer at revision 1
        let two = try #require(try store.card(forKey: "a/two"))
        #expect(two.revision == 2)
        #expect(two.introducedAt == instant(epoch + 3 * day))  // the first answer at revision 2
        #expect(two.card.reviewCount == 1)
        #expect(try store.reviewLog(forKey: "a/one").map(\.rating) == [.good, .good])
        #expect(try store.reviewLog(forKey: "a/one")[1].before?.stability == 2.3)
        #expect(try store.introducedCount(since: instant(epoch + 3 * day)) == 1)

        // The migrated store works as a new one: the log stays append-only, undo exists.
        try store.record(review("a/one", at: epoch + 12 * day, count: 3))
        let undone = try store.undoLast(at: instant(epoch + 12 * day + second))
        #expect(undone.key == "a/one")
        #expect(try store.card(forKey: "a/one") == one)
        // Undoing an answer written by v1 (no review count in the row) derives the count.
        let v1Answer = try store.reviewLog(forKey: "a/one")[1].id
        try store.undo(reviewID: v1Answer, at: instant(epoch + 12 * day + 2 * second))
        let first = try #require(try store.card(forKey: "a/one"))
        #expect(first.card.stability == 2.3 && first.card.reviewCount == 1 && first.introducedAt == instant(epoch))
        #expect(throws: DatabaseError.self) {
            try store.pool.write { try $0.execute(sql: "DELETE FROM review_log") }
        }
    }

    @Test func migratingTwiceIsANoOp() throws {
        let directory = try TemporaryFolder()
        defer { directory.remove() }
        let path = directory.file("progress.sqlite")
        try Self.makeVersion1Store(at: path)
        _ = try ReviewStore(path: path)
        let store = try ReviewStore(path: path)
        let applied = try store.pool.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(applied.sorted() == ["v1-review-log-and-cards", "v2-undo-and-introductions", "v3-overrides", "v4-fsrs-parameters", "v5-interviews"])
        #expect(try store.totalReviews == 4)
    }
}
