import Testing

@testable import QuizEngine

/// The known answers of fsrs6.md §1.9 (py-fsrs 6.3.2, defaults, fuzz off), compared exactly.
@Suite("FSRS known answers")
struct FSRSKnownAnswerTests {
    static let scheduler = Scheduler(try! SchedulerConfiguration(isFuzzEnabled: false))
    static let noSteps = Scheduler(
        try! SchedulerConfiguration(learningSteps: [], relearningSteps: [], isFuzzEnabled: false))
    /// 2022-11-29T12:30:00Z, the py-fsrs test suite's start.
    static let t0 = Instant(iso8601: "2022-11-29T12:30:00Z")!
    static let minute: Int64 = 60_000_000

    @Test("Good×6, Again×2, Good×5, each at the previous due: the whole-day intervals")
    func intervalHistory() {
        let ratings: [Rating] = [
            .good, .good, .good, .good, .good, .good, .again, .again, .good, .good, .good, .good, .good,
        ]
        var card = CardState(key: "k", due: Self.t0)
        var intervals: [Int64] = []
        for rating in ratings {
            let now = card.due
            card = Self.scheduler.review(card, rating: rating, at: now).card
            intervals.append(card.due.wholeDays(since: now))
        }
        #expect(intervals == [0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21])
    }

    @Test("Again, Good×5 at day offsets 0, 0, 1, 4, 12, 33: S and D bit for bit")
    func memoryState() {
        var card = CardState(key: "k", due: Self.t0)
        for (rating, day) in zip([Rating.again, .good, .good, .good, .good, .good], [0.0, 0, 1, 4, 12, 33]) {
            card = Self.scheduler.review(card, rating: rating, at: Self.t0.advanced(byDays: day)).card
        }
        #expect(card.stability == 53.626902917141365)
        #expect(card.difficulty == 6.357487083997829)
    }

    struct FirstReview: Sendable, CustomTestStringConvertible {
        var rating: Rating
        var state: SchedulingState
        var step: Int?
        var stability: Double
        var difficulty: Double
        var interval: Int64
        var testDescription: String { "\(rating)" }
    }

    @Test(
        "first review of a new card",
        arguments: [
            FirstReview(
                rating: .again, state: .learning, step: 0, stability: 0.212, difficulty: 6.4133, interval: minute),
            FirstReview(
                rating: .hard, state: .learning, step: 0, stability: 1.2931, difficulty: 5.112170705601056,
                interval: 330_000_000),
            FirstReview(
                rating: .good, state: .learning, step: 1, stability: 2.3065, difficulty: 2.118103970459016,
                interval: 10 * minute),
            FirstReview(
                rating: .easy, state: .review, step: nil, stability: 8.2956, difficulty: 1.0,
                interval: 8 * Instant.microsecondsPerDay),
        ])
    func firstReview(_ row: FirstReview) {
        let (card, log) = Self.scheduler.review(CardState(key: "k", due: Self.t0), rating: row.rating, at: Self.t0)
        #expect(card.state == row.state)
        #expect(card.step == row.step)
        #expect(card.stability == row.stability)
        #expect(card.difficulty == row.difficulty)
        #expect(card.due.microseconds(since: Self.t0) == row.interval)
        #expect(log.branch == .initial && log.retrievability == 0 && log.elapsedDays == nil)
    }

    struct DayRow: Sendable, CustomTestStringConvertible {
        var day: Double
        var rating: Rating
        var elapsed: Int64?
        var retrievability: Double
        var branch: ReviewLog.Branch
        var stability: Double
        var difficulty: Double
        var interval: Int64
        var testDescription: String { "day \(Int(day))" }
    }

    static let dayRun: [DayRow] = [
        DayRow(
            day: 0, rating: .good, elapsed: nil, retrievability: 0, branch: .initial, stability: 2.3065,
            difficulty: 2.118103970459016, interval: 2),
        DayRow(
            day: 2, rating: .good, elapsed: 2, retrievability: 0.9094932559773545, branch: .longTerm,
            stability: 10.964332335820698, difficulty: 2.111214235785395, interval: 11),
        DayRow(
            day: 13, rating: .good, elapsed: 11, retrievability: 0.8997767176252718, branch: .longTerm,
            stability: 46.28021728755693, difficulty: 2.1043313908464483, interval: 46),
        DayRow(
            day: 60, rating: .again, elapsed: 47, retrievability: 0.8989362293164751, branch: .longTerm,
            stability: 2.9397454210478644, difficulty: 7.389975788014609, interval: 3),
        DayRow(
            day: 61, rating: .hard, elapsed: 1, retrievability: 0.9565927332805073, branch: .longTerm,
            stability: 4.158872597913846, difficulty: 8.252572670252656, interval: 4),
        DayRow(
            day: 66, rating: .easy, elapsed: 5, retrievability: 0.8868545523725097, branch: .longTerm,
            stability: 14.501603776998724, difficulty: 7.653892256061498, interval: 15),
    ]

    @Test("pure day-level run with no learning or relearning steps")
    func dayLevelRun() {
        var card = CardState(key: "k", due: Self.t0)
        for row in Self.dayRun {
            let now = Self.t0.advanced(byDays: row.day)
            let (next, log) = Self.noSteps.review(card, rating: row.rating, at: now)
            #expect(log.elapsedDays == row.elapsed, "\(row.testDescription)")
            #expect(log.retrievability == row.retrievability, "\(row.testDescription)")
            #expect(log.branch == row.branch, "\(row.testDescription)")
            #expect(next.stability == row.stability, "\(row.testDescription)")
            #expect(next.difficulty == row.difficulty, "\(row.testDescription)")
            #expect(next.state == .review && next.step == nil, "\(row.testDescription)")
            #expect(
                next.due.microseconds(since: now) == row.interval * Instant.microsecondsPerDay, "\(row.testDescription)"
            )
            card = next
        }
    }

    @Test(
        "intervals round half to even and stay within 1...maximum",
        arguments: [
            (2.5, 2), (4.5, 4), (10.5, 10), (12.5, 12), (1.5, 2), (3.5, 4), (0.5, 1), (0.001, 1), (36_600, 36_500),
        ])
    func bankersRounding(stability: Double, days: Int) {
        #expect(Self.scheduler.nextInterval(stability: stability) == days)
    }

    @Test("constants: FACTOR and the unclamped D0(Easy)")
    func constants() {
        #expect(Self.scheduler.factor == 0.9803464944134797)
        #expect(Self.scheduler.initialDifficulty(.easy) == -4.771630703161737)
    }

    @Test("elapsed time is whole 24-hour periods: 23h59m is the same day, 10.99 days is t = 10")
    func wholeDays() {
        let first = Self.noSteps.review(CardState(key: "k", due: Self.t0), rating: .good, at: Self.t0).card
        let almostDay = Self.noSteps.review(first, rating: .good, at: Self.t0.advanced(byMicroseconds: 86_399_999_999))
            .log
        #expect(almostDay.elapsedDays == 0 && almostDay.branch == .shortTerm)
        let oneDay = Self.noSteps.review(first, rating: .good, at: Self.t0.advanced(byDays: 1)).log
        #expect(oneDay.elapsedDays == 1 && oneDay.branch == .longTerm)
        #expect(Self.noSteps.review(first, rating: .again, at: Self.t0.advanced(byDays: 10.99)).log.elapsedDays == 10)
        #expect(Self.scheduler.retrievability(of: first, at: Self.t0.advanced(byDays: 0.5)) == 1)
        #expect(Self.scheduler.retrievability(of: CardState(key: "k", due: Self.t0), at: Self.t0) == 0)
    }

    @Test("preview of a new card: again 1m · hard 6m · good 10m · easy 8d")
    func preview() {
        let preview = Self.scheduler.previewIntervals(CardState(key: "k", due: Self.t0), at: Self.t0)
        #expect(preview.summary == "again 1m · hard 6m · good 10m · easy 8d")
        #expect(preview[.hard].intervalMicroseconds == 330_000_000)
        #expect(preview[.easy].card.state == .review)
        for outcome in preview.outcomes {
            #expect(
                outcome.card
                    == Self.scheduler.review(CardState(key: "k", due: Self.t0), rating: outcome.rating, at: Self.t0)
                    .card)
        }
    }

    @Test(
        "interval labels",
        arguments: [
            (30 * 1_000_000, "30s"), (60 * 1_000_000, "1m"), (330 * 1_000_000, "6m"), (3_600 * 1_000_000, "1h"),
            (86_400 * 1_000_000, "1d"), (29 * 86_400 * 1_000_000, "29d"), (45 * 86_400 * 1_000_000, "1.5mo"),
            (60 * 86_400 * 1_000_000, "2mo"), (730 * 86_400 * 1_000_000, "2y"), (800 * 86_400 * 1_000_000, "2.2y"),
        ] as [(Int64, String)])
    func labels(microseconds: Int64, label: String) {
        #expect(IntervalPreview.label(microseconds: microseconds) == label)
    }
}
