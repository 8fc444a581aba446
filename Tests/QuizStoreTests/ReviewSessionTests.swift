import QuizEngine
import TestSupport
import Testing

@testable import QuizStore

/// The review session's state machine against the shipped index and a scratch store: what
/// is saved, undone and overruled, and what the tallies say afterwards.
@Suite struct ReviewSessionTests {
    let directory: TemporaryFolder
    let session: ReviewSession
    let start = Instant(microsecondsSinceEpoch: 1_764_576_000_000_000)  // 2025-12-01T08:00:00Z

    init() throws {
        directory = try TemporaryFolder()
        let index = try QuestionIndex(contentsOf: TestPaths.packageRoot.appendingPathComponent("Build/banks.qbx").path)
        let store = try ReviewStore(path: directory.file("progress.sqlite"))
        let review = DailyReview(
            index: index, store: store, scheduler: Scheduler(), scope: nil,
            limits: DailyReview.Limits(newCards: 3, reviews: 10))
        let now = start
        let plan = try review.plan(now: now, day: LocalDay.containing(now, rolloverHour: 4))
        session = ReviewSession(index: index, store: store, scheduler: review.scheduler, plan: plan, clock: { now })
    }

    @Test func answersAreSavedAndUndoTakesBackTheTally() throws {
        defer { directory.remove() }
        var session = self.session
        let first = try #require(session.current)
        _ = try session.answer(.again, revision: 1, shownAt: start)
        _ = try session.answer(.good, revision: 1, shownAt: start)
        #expect(session.reviewed == 2)
        #expect(session.ratings == [.again: 1, .good: 1])
        #expect(try session.undo() != first.card.key)
        #expect(try session.undo() == first.card.key)
        #expect(session.reviewed == 0)
        #expect(session.ratings.isEmpty)
        #expect(session.position == 0)
        #expect(try session.store.card(forKey: first.card.key) == nil)
        #expect(throws: ReviewSessionError.nothingToUndo) { try session.undo() }
    }

    @Test func aWrongAnswerCanBeOverruledOnceAndOnlyUntilTheNextAction() throws {
        defer { directory.remove() }
        var session = self.session
        let key = try #require(session.current).card.key
        _ = try session.answer(.again, revision: 1, shownAt: start, overridable: true)
        #expect(session.canOverrule)
        let overruled = try session.overrule()
        #expect(overruled.key == key)
        #expect(session.ratings == [.good: 1])
        #expect(try session.store.reviewLog(forKey: key).last?.rating == .good)
        #expect(throws: ReviewSessionError.nothingToOverrule) { try session.overrule() }
        _ = try session.answer(.again, revision: 1, shownAt: start, overridable: true)
        _ = try session.answer(.hard, revision: 1, shownAt: start)
        #expect(!session.canOverrule)
        #expect(throws: ReviewSessionError.nothingToOverrule) { try session.overrule() }
    }

    @Test func undoAfterASkipPutsTheAnsweredCardBackInItsOwnPlace() throws {
        defer { directory.remove() }
        var session = self.session
        let first = try #require(session.current)
        _ = try session.answer(.good, revision: 1, shownAt: start)
        let skipped = try #require(session.current)
        session.skip()
        #expect(try session.undo() == first.card.key)
        #expect(session.position == 0)
        #expect(session.current?.card.key == first.card.key)
        _ = try session.answer(.good, revision: 1, shownAt: start)
        #expect(session.current?.card.key == skipped.card.key)
    }
}
