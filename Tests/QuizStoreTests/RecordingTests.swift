import GRDB
import QuizEngine
import TestSupport
import Testing

@testable import QuizStore

@Suite struct RecordingTests {
    let directory: TemporaryFolder
    let store: ReviewStore

    init() throws {
        directory = try TemporaryFolder()
        store = try ReviewStore(path: directory.file("progress.sqlite"))
    }

    @Test func recordWritesLogAndCardTogether() throws {
        defer { directory.remove() }
        let first = try store.record(review("b/q", at: epoch, stability: 2.3, interval: 2 * day))
        let second = try store.record(
            review("b/q", at: epoch + 2 * day, rating: .easy, stability: 11, interval: 11 * day, count: 2))
        #expect(second > first)
        let stored = try #require(try store.card(forKey: "b/q"))
        #expect(
            stored.card
                == CardState(
                    key: "b/q", state: .review, step: nil, stability: 11, difficulty: 5,
                    due: instant(epoch + 13 * day), lastReview: instant(epoch + 2 * day), reviewCount: 2))
        #expect(stored.introducedAt == instant(epoch))
        let log = try store.reviewLog(forKey: "b/q")
        #expect(log.map(\.id) == [first, second])
        #expect(log[0].before == nil)
        #expect(log[1].before?.stability == 2.3)
        #expect(log[1].before?.reviewCount == 1)
        #expect(log[1].revisionBefore == 1)
        #expect(log[1].after == stored.card)
        #expect(log[1].rating == .easy)
        #expect(log[1].scheduledInterval == 11 * day)
        #expect(log[1].durationMilliseconds == 2_500)
        #expect(try store.totalReviews == 2)
        #expect(try store.card(forKey: "b/other") == nil)
    }

    @Test func schedulerOutputRoundTrips() throws {
        defer { directory.remove() }
        let scheduler = Scheduler()
        var card = CardState(key: "b/q", due: instant(epoch))
        var time = epoch
        for rating in [Rating.good, .good, .again, .hard, .easy] {
            let result = scheduler.review(card, rating: rating, at: instant(time))
            try store.record(ReviewRecord(result, revision: 1, durationMilliseconds: 1_000))
            card = result.card
            #expect(try store.card(forKey: "b/q")?.card == card)
            time = result.card.due.microsecondsSinceEpoch
        }
        let log = try store.reviewLog(forKey: "b/q")
        #expect(log.map(\.rating) == [.good, .good, .again, .hard, .easy])
        #expect(log.last?.after == card)
    }

    struct InvalidCase: Sendable, CustomTestStringConvertible {
        let id: String
        let record: ReviewRecord
        let reason: String
        var testDescription: String { id }
    }

    static let invalid: [InvalidCase] = {
        var duration = review("b/q", at: epoch)
        duration.durationMilliseconds = -1
        var stability = review("b/q", at: epoch)
        stability.card.stability = .nan
        var retrievability = review("b/q", at: epoch)
        retrievability.retrievability = .infinity
        return [
            .init(id: "duration", record: duration, reason: "the duration -1 ms is negative"),
            .init(id: "stability", record: stability, reason: "the stability nan is not a finite number"),
            .init(
                id: "retrievability", record: retrievability, reason: "the retrievability inf is not a finite number"),
            .init(id: "key", record: review("", at: epoch), reason: "the key is empty"),
        ]
    }()

    @Test(arguments: invalid)
    func invalidRecordIsRefusedAndNothingWritten(_ test: InvalidCase) throws {
        defer { directory.remove() }
        let error = #expect(throws: StoreError.self) { try store.record(test.record) }
        #expect(error?.kind == .invalidRecord(key: test.record.key, reason: test.reason))
        #expect(try store.totalReviews == 0)
    }

    @Test func reviewLogIsAppendOnly() throws {
        defer { directory.remove() }
        let id = try store.record(review("b/q", at: epoch))
        try store.undoLast(at: instant(epoch + second))
        let statements = [
            "UPDATE review_log SET grade = 1", "DELETE FROM review_log", "DELETE FROM review_log WHERE id = \(id)",
            "UPDATE review_undo SET undone_at = 0", "DELETE FROM review_undo",
        ]
        for sql in statements {
            let error = #expect(throws: DatabaseError.self, "\(sql)") {
                try store.pool.write { try $0.execute(sql: sql) }
            }
            #expect(error?.message?.contains("append-only") == true, "\(sql)")
        }
        #expect(try store.reviewLog(forKey: "b/q").count == 1)
        #expect(try store.reviewLog(forKey: "b/q")[0].isUndone)
    }

    @Test func dueCardsInDueOrderWithLimit() throws {
        defer { directory.remove() }
        try store.record(review("b/late", at: epoch, interval: 5 * day))
        try store.record(review("b/soon", at: epoch, interval: day))
        try store.record(review("b/mid", at: epoch, interval: 3 * day))
        #expect(try store.dueCards(before: instant(epoch + 4 * day)).map(\.key) == ["b/soon", "b/mid"])
        #expect(try store.dueCards(before: instant(epoch + 5 * day)).map(\.key) == ["b/soon", "b/mid", "b/late"])
        #expect(try store.dueCards(before: instant(epoch + 5 * day), limit: 1).map(\.key) == ["b/soon"])
        #expect(try store.dueCards(before: instant(epoch)).isEmpty)
        let plan = try store.pool.read { db in
            try Row.fetchAll(
                db, sql: "EXPLAIN QUERY PLAN SELECT \(ReviewStore.cardColumns) FROM card WHERE due <= 0 ORDER BY due"
            ).map { $0["detail"] as String }
        }
        #expect(plan.joined().contains("COVERING INDEX card_by_due_covering"))
    }

    @Test func dailyCountsExcludeUndoneAnswers() throws {
        defer { directory.remove() }
        try store.record(review("b/old", at: epoch - day))
        try store.record(review("b/old", at: epoch + hour, count: 2))
        try store.record(review("b/new", at: epoch + 2 * hour))
        try store.record(review("b/newer", at: epoch + 3 * hour))
        #expect(try store.introducedCount(since: instant(epoch)) == 2)
        #expect(try store.reviewCount(since: instant(epoch)) == 3)
        try store.undoLast(at: instant(epoch + 4 * hour))
        #expect(try store.introducedCount(since: instant(epoch)) == 1)
        #expect(try store.reviewCount(since: instant(epoch)) == 2)
        #expect(try store.totalReviews == 3)
    }

    @Test func bumpedRevisionStartsTheCardOverAndKeepsItsLog() throws {
        defer { directory.remove() }
        try store.record(review("b/q", at: epoch - 10 * day, stability: 20, interval: 20 * day))
        #expect(try store.card(forKey: "b/q", revision: 1) != nil)
        // The bank bumps the question to revision 2: the engine sees a new card...
        #expect(try store.card(forKey: "b/q", revision: 2) == nil)
        #expect(try store.card(forKey: "b/q")?.revision == 1)
        // ...schedules it from scratch, and the store keeps both histories.
        try store.record(review("b/q", at: epoch, revision: 2, stability: 2.3))
        let stored = try #require(try store.card(forKey: "b/q", revision: 2))
        #expect(stored.card.stability == 2.3)
        #expect(stored.introducedAt == instant(epoch))
        #expect(try store.introducedCount(since: instant(epoch)) == 1)
        let log = try store.reviewLog(forKey: "b/q")
        #expect(log.map(\.revision) == [1, 2])
        #expect(log[1].revisionBefore == 1)
        #expect(log[1].before?.stability == 20)
        // Undoing the first answer at revision 2 restores the revision-1 card.
        try store.undoLast(at: instant(epoch + second))
        let restored = try #require(try store.card(forKey: "b/q"))
        #expect(restored.revision == 1)
        #expect(restored.card.stability == 20)
        #expect(restored.introducedAt == instant(epoch - 10 * day))
    }

    @Test func orphansAreReportedNeverDeleted() throws {
        defer { directory.remove() }
        try store.record(review("b/kept", at: epoch))
        try store.record(review("b/gone", at: epoch))
        try store.record(review("b/gone", at: epoch + day, count: 2))
        try store.record(review("c/gone-too", at: epoch + 2 * day))
        try store.undoLast(at: instant(epoch + 3 * day))
        let orphans = try store.orphans(knownKeys: ["b/kept", "b/new"])
        #expect(
            orphans == [
                OrphanHistory(key: "b/gone", reviews: 2, lastReviewedAt: instant(epoch + day)),
                OrphanHistory(key: "c/gone-too", reviews: 0, lastReviewedAt: instant(epoch + 2 * day)),
            ])
        #expect(try store.orphans(knownKeys: ["b/kept", "b/gone", "c/gone-too"]).isEmpty)
        #expect(try store.reviewLog(forKey: "b/gone").count == 2)
        #expect(try store.card(forKey: "b/gone") != nil)
    }

    @Test func undoRestoresThePreviousStateExactly() throws {
        defer { directory.remove() }
        let first = try store.record(review("b/q", at: epoch, stability: 2.3, interval: 2 * day))
        let before = try #require(try store.card(forKey: "b/q"))
        let second = try store.record(
            review("b/q", at: epoch + 2 * day, rating: .again, stability: 0.5, interval: 600 * second, count: 2))
        let undone = try store.undoLast(at: instant(epoch + 2 * day + second))
        #expect(undone.id == second && undone.isUndone && undone.rating == .again)
        #expect(try store.card(forKey: "b/q") == before)
        #expect(try store.reviewLog(forKey: "b/q").map(\.isUndone) == [false, true])
        // Undo again: the first answer goes, and with it the card (it had never been answered).
        #expect(try store.undoLast(at: instant(epoch + 3 * day)).id == first)
        #expect(try store.card(forKey: "b/q") == nil)
        #expect(try store.totalReviews == 0)
        let nothing = #expect(throws: StoreError.self) { try store.undoLast(at: instant(epoch + 4 * day)) }
        #expect(nothing?.kind == .nothingToUndo)
        #expect(try store.reviewLog(forKey: "b/q").count == 2)
    }

    /// An override voids the graded answer and records Good with the flag, in one transaction;
    /// undoing the override restores the card as it was before both.
    @Test func overrideReplacesTheGradedAnswerAndUndoesCleanly() throws {
        defer { directory.remove() }
        try store.record(review("b/q", at: epoch, stability: 2.3, interval: 2 * day))
        let before = try #require(try store.card(forKey: "b/q"))
        let graded = try store.record(
            review("b/q", at: epoch + 2 * day, rating: .again, stability: 0.5, interval: 600 * second, count: 2))
        let overrideID = try store.overrule(
            reviewID: graded,
            with: review("b/q", at: epoch + 2 * day + second, rating: .good, stability: 6, interval: 6 * day, count: 2))
        let log = try store.reviewLog(forKey: "b/q")
        #expect(log.map(\.isUndone) == [false, true, false])
        #expect(log.map(\.isOverride) == [false, false, true])
        #expect(log.last?.rating == .good && log.last?.id == overrideID)
        #expect(try store.card(forKey: "b/q")?.card.stability == 6)
        #expect(try store.totalReviews == 2)
        #expect(try store.undo(reviewID: overrideID, at: instant(epoch + 3 * day)).isOverride)
        #expect(try store.card(forKey: "b/q") == before)
        // Overruling an answer that is not the card's latest changes nothing.
        let stale = #expect(throws: StoreError.self) {
            try store.overrule(reviewID: graded, with: review("b/q", at: epoch + 4 * day, rating: .good))
        }
        #expect(stale?.kind == .alreadyUndone(id: graded))
        #expect(try store.reviewLog(forKey: "b/q").count == 3)
    }

    @Test func undoByIDOnlyForTheCardsLatestAnswer() throws {
        defer { directory.remove() }
        let a1 = try store.record(review("b/a", at: epoch))
        let b1 = try store.record(review("b/b", at: epoch + second))
        let a2 = try store.record(review("b/a", at: epoch + 2 * second, count: 2))
        let notLatest = #expect(throws: StoreError.self) { try store.undo(reviewID: a1, at: instant(epoch + day)) }
        #expect(notLatest?.kind == .notLatestReview(id: a1, key: "b/a", latest: a2))
        // A session undoes its own answer even though another came later.
        #expect(try store.undo(reviewID: b1, at: instant(epoch + day)).key == "b/b")
        #expect(try store.card(forKey: "b/b") == nil)
        let again = #expect(throws: StoreError.self) { try store.undo(reviewID: b1, at: instant(epoch + day)) }
        #expect(again?.kind == .alreadyUndone(id: b1))
        let unknown = #expect(throws: StoreError.self) { try store.undo(reviewID: 999, at: instant(epoch + day)) }
        #expect(unknown?.kind == .unknownReview(id: 999))
        // undoLast skips the undone row and takes a2.
        #expect(try store.undoLast(at: instant(epoch + day)).id == a2)
        #expect(try store.integrityProblems().isEmpty)
    }
}
