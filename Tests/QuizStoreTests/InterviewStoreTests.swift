import GRDB
import QuizEngine
import TestSupport
import Testing

@testable import QuizStore

/// The interview tables (schema 5): the migration from a version-4 store, recording answers
/// with and without reviews, overrides, and the scorecard's arithmetic and verdicts.
@Suite struct InterviewStoreTests {
    static let plan = InterviewPlan(
        name: "loop", title: "Loop", description: nil,
        stages: [
            .init(
                title: "Screen", interviewer: "a recruiter", focus: "fit", minutes: 1,
                slots: [.init(tags: "a", count: 2, location: SourceLocation(file: "i.yaml", line: 1, column: 1))]),
            .init(
                title: "Onsite", interviewer: "an engineer", focus: "depth", minutes: 2,
                slots: [.init(tags: "b", count: 2, location: SourceLocation(file: "i.yaml", line: 2, column: 1))]),
        ],
        location: SourceLocation(file: "i.yaml", line: 1, column: 1))

    static func answer(
        _ key: String, stage: Int, _ judgement: InterviewAnswer.Judgement, tags: [String] = ["x"],
        at time: Int64 = epoch
    ) -> InterviewAnswer {
        InterviewAnswer(
            stage: stage, key: key, prompt: "P \(key)", type: .short, tags: tags, judgement: judgement,
            answeredAt: instant(time), durationMilliseconds: 1_000)
    }

    @Test func version4StoreMigratesToInterviewsAndKeepsItsData() throws {
        let directory = try TemporaryFolder()
        defer { directory.remove() }
        let path = directory.file("progress.sqlite")
        try MigrationTests.makeVersion1Store(at: path)
        // Bring it to version 4 with the migrations as they shipped, one saved parameter row.
        let queue = try DatabaseQueue(path: path)
        try StoreSchema.migrator.migrate(queue, upTo: "v4-fsrs-parameters")
        try queue.write { db in
            try db.execute(
                sql:
                    "INSERT INTO fsrs_parameters (saved_at, parameters, review_count, card_count) VALUES (?, NULL, 4, 2)",
                arguments: [epoch])
        }
        try queue.close()
        #expect(try inspect(path, "PRAGMA user_version", as: Int.self) == 4)

        let store = try ReviewStore(path: path)
        #expect(try inspect(path, "PRAGMA user_version", as: Int.self) == 5)
        #expect(try store.integrityProblems().isEmpty)
        #expect(try store.totalReviews == 4)
        #expect(try inspect(path, "SELECT COUNT(*) FROM fsrs_parameters", as: Int.self) == 1)
        #expect(try store.interviews().isEmpty)

        let id = try store.beginInterview(
            plan: Self.plan, seed: 18_446_744_073_709_551_615, countsAsReviews: false, at: instant(epoch))
        try store.recordInterviewAnswer(
            Self.answer("a/one", stage: 0, .graded(response: "x", correct: true, overridden: false)), of: id,
            review: nil)
        try store.finishInterview(id, at: instant(epoch + 90 * second), stopped: true)
        let record = try #require(try store.interview(id))
        #expect(record.seed == 18_446_744_073_709_551_615)
        #expect(record.stages.map(\.title) == ["Screen", "Onsite"] && record.stages.map(\.planned) == [2, 2])
        #expect(record.answers.map(\.key) == ["a/one"] && record.stopped && !record.isComplete)
        // What was answered is kept: only an override may change a row, and none is deleted.
        #expect(throws: DatabaseError.self) {
            try store.pool.write { try $0.execute(sql: "UPDATE interview_answer SET response = 'y'") }
        }
        #expect(throws: DatabaseError.self) {
            try store.pool.write { try $0.execute(sql: "DELETE FROM interview_answer") }
        }
    }

    @Test func answersWithReviewsAreOneTransactionAndOverridesVoidTheAgain() throws {
        let directory = try TemporaryFolder()
        defer { directory.remove() }
        let store = try ReviewStore(path: directory.file("progress.sqlite"))
        let id = try store.beginInterview(plan: Self.plan, seed: 1, countsAsReviews: true, at: instant(epoch))
        let scheduler = Scheduler()
        let wrong = Self.answer("a/typed", stage: 0, .graded(response: "x", correct: false, overridden: false))
        let first = ReviewRecord(
            scheduler.review(CardState(key: "a/typed", due: instant(epoch)), rating: wrong.rating, at: instant(epoch)),
            durationMilliseconds: 1_000)
        let saved = try store.recordInterviewAnswer(wrong, of: id, review: first)
        #expect(saved.reviewID != nil && wrong.rating == .again && wrong.score == 0)
        #expect(try store.totalReviews == 1)
        let replacement = ReviewRecord(
            scheduler.review(
                CardState(key: "a/typed", due: instant(epoch)), rating: .good, at: instant(epoch + second)),
            durationMilliseconds: 2_000)
        let overruled = try store.overruleInterviewAnswer(saved.answerID, review: (saved.reviewID!, replacement))
        #expect(try store.totalReviews == 1)  // the Again is voided, the Good counts
        #expect(try store.reviewLog(forKey: "a/typed").map(\.isUndone) == [true, false])
        let record = try #require(try store.interview(id))
        #expect(record.answers.first?.judgement == .graded(response: "x", correct: false, overridden: true))
        #expect(record.answers.first?.score == 1 && record.answers.first?.reviewID == overruled)
        // A bad review writes neither row.
        var broken = first
        broken.durationMilliseconds = -1
        #expect(throws: StoreError.self) { try store.recordInterviewAnswer(wrong, of: id, review: broken) }
        #expect(try store.interview(id)?.answers.count == 1)
    }

    /// An override under `--review` schedules its Good from the card the wrong answer was
    /// scheduled from: a fresh card when the stored one is of another revision of the question.
    @Test func overruleUnderReviewSchedulesFromTheAnsweredCard() throws {
        let directory = try TemporaryFolder()
        defer { directory.remove() }
        let index = try QuestionIndex(contentsOf: TestPaths.packageRoot.appendingPathComponent("Build/banks.qbx").path)
        let store = try ReviewStore(path: directory.file("progress.sqlite"))
        let plan = try #require(try index.interviewPlans().first)
        let scheduler = Scheduler()
        let now = instant(epoch)
        var session = try InterviewSession(
            index: index, store: store, plan: plan, seed: 7, reviewScheduler: scheduler, clock: { now })
        let question = try session.present(try #require(session.currentQuestion)).question
        // A review of an older revision of the question: its state must not carry over.
        let old = scheduler.review(
            CardState(key: question.key, due: instant(epoch - 90 * day)), rating: .easy, at: instant(epoch - 90 * day))
        try store.record(ReviewRecord(old, revision: question.revision + 1, durationMilliseconds: 1_000))
        try session.beginStage()
        _ = try session.answer(
            .graded(response: "x", correct: false, overridden: false), to: question, shownAt: now, isOverridable: true)
        let overruled = try session.overrule()
        let expected = scheduler.review(CardState(key: question.key, due: now), rating: .good, at: now).card
        #expect(overruled.due == expected.due)
        #expect(try store.card(forKey: question.key)?.card == expected)
        #expect(try store.reviewLog(forKey: question.key).map(\.isUndone) == [false, true, false])
    }

    @Test func recentKeysComeFromTheLatestRehearsals() throws {
        let directory = try TemporaryFolder()
        defer { directory.remove() }
        let store = try ReviewStore(path: directory.file("progress.sqlite"))
        for key in ["a/one", "a/two", "a/three"] {
            let id = try store.beginInterview(plan: Self.plan, seed: 1, countsAsReviews: false, at: instant(epoch))
            try store.recordInterviewAnswer(Self.answer(key, stage: 0, .selfGraded(.good)), of: id, review: nil)
        }
        #expect(try store.recentInterviewKeys(interviews: 2) == ["a/two", "a/three"])
    }

    /// (judgement, score, rating under --review)
    @Test(arguments: [
        (InterviewAnswer.Judgement.graded(response: "b", correct: true, overridden: false), 1.0, Rating.good),
        (.graded(response: "c", correct: false, overridden: false), 0, .again),
        (.graded(response: "c", correct: false, overridden: true), 1, .good),
        (.rubric([true, true, true]), 1, .good),
        (.rubric([true, false, true, false]), 0.5, .hard),
        (.rubric([false, false, true]), 1.0 / 3, .again),
        (.selfGraded(.again), 0, .again), (.selfGraded(.hard), 0.5, .hard), (.selfGraded(.good), 1, .good),
        (.selfGraded(.easy), 1, .easy),
    ])
    func scoresAndRatings(_ judgement: InterviewAnswer.Judgement, _ score: Double, _ rating: Rating) {
        let answer = Self.answer("a/q", stage: 0, judgement)
        #expect(abs(answer.score - score) < 1e-12)
        #expect(answer.rating == rating)
    }

    /// (typed, item count, items met): item numbers 1 to count, `a` for all, nothing for none;
    /// anything else, even against an empty rubric, is nil rather than a trap.
    @Test(arguments: [
        ("1 3", 3, [true, false, true] as [Bool]?), ("2,1", 2, [true, true]), ("a", 2, [true, true]),
        ("", 2, [false, false]), ("0", 2, nil), ("3", 2, nil), ("x", 2, nil), ("1", 0, nil),
        ("99999999999999999999", 2, nil),
    ])
    func rubricItemsReadTheTypedNumbers(_ typed: String, _ count: Int, _ met: [Bool]?) {
        #expect(InterviewJudging.rubricItems(typed, count: count) == met)
    }

    /// (overall, stage scores, verdict): the README's thresholds.
    @Test(arguments: [
        (0.80, [0.8, 0.8], InterviewScorecard.Verdict.hire), (0.95, [1.0, 0.49], .leanHire),
        (0.7999, [0.8, 0.8], .leanHire), (0.65, [0.0, 1.0], .leanHire), (0.6499, [0.6, 0.7], .leanNoHire),
        (0.50, [0.5, 0.5], .leanNoHire), (0.4999, [0.5, 0.5], .noHire), (0, [], .noHire),
    ])
    func verdicts(_ overall: Double, _ stages: [Double], _ verdict: InterviewScorecard.Verdict) {
        #expect(InterviewScorecard.verdict(overall: overall, stageScores: stages) == verdict)
    }

    @Test func scorecardCountsUnansweredAsZeroAndNamesWeakTags() {
        let stages = Self.plan.stages.enumerated().map { position, stage in
            InterviewStageRecord(
                position: position, title: stage.title, interviewer: stage.interviewer, budgetMinutes: stage.minutes,
                planned: stage.questionCount, startedAt: instant(epoch), finishedAt: instant(epoch + 75 * second))
        }
        let answers = [
            Self.answer("a/1", stage: 0, .selfGraded(.good), tags: ["x", "sql"]),
            Self.answer("a/2", stage: 0, .rubric([true, false]), tags: ["x", "nosql"]),
            Self.answer("a/3", stage: 1, .graded(response: "a", correct: false, overridden: false), tags: ["x"]),
        ]
        let record = InterviewRecord(
            id: 1, plan: "loop", planTitle: "Loop", seed: 1, startedAt: instant(epoch), finishedAt: instant(epoch),
            stopped: true, countsAsReviews: false, stages: stages, answers: answers)
        let card = InterviewScorecard(record)
        #expect(card.stages.map(\.score) == [0.75, 0])
        #expect(card.stages.map(\.answered) == [2, 1])
        #expect(card.overall == 1.5 / 4)
        #expect(card.stages[0].weakestTags == [.init(tag: "nosql", score: 0.5)])  // x is on every question
        #expect(card.stages.map(\.isOverTime) == [true, false])  // 75 s against 60 and 120
        #expect(card.verdict == .noHire && card.stopped)
    }
}
