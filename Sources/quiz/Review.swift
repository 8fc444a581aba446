import ArgumentParser
import Foundation
import QuizEngine
import QuizStore

/// `quiz review`: the daily spaced-repetition review (FSRS-6), one durable transaction per
/// answer.
struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "The daily spaced-repetition review: due cards first, then a few new ones.",
        discussion: """
            Cards due today (before the next rollover hour, local time) come lowest \
            retrievability first, then up to --new-limit new cards. Auto-graded questions \
            are Again when wrong; when right you choose Hard, Good or Easy. Flashcards and \
            open questions are revealed and self-graded 1-4. Each answer is saved before the \
            next card appears; type u to undo the last answer, q to stop.

            --format jsonl speaks a line protocol for front ends: for each card it writes \
            {"event":"card",...} and reads one line, {"grade":1-4} or {"answer":"..."} \
            (optionally with "grade" 2-4 for a right answer), or {"undo":true}; it writes \
            {"event":"saved","key","grade","due"} once the answer is durable and \
            {"event":"done","reviewed":N} at the end.
            """
    )

    enum Format: String, ExpressibleByArgument {
        case text
        case jsonl
    }

    @Option(
        name: .customLong("tag"),
        help: ArgumentHelp("Review only questions matching this tag expression (repeats are ANDed).", valueName: "expr")
    )
    var tags: [String] = []

    @Option(help: ArgumentHelp("New cards a day, counting those already introduced today.", valueName: "count"))
    var newLimit = 10

    @Option(help: ArgumentHelp("Reviews a day, counting those already done today.", valueName: "count"))
    var limit = 200

    /// The largest daily limit accepted (0 turns new cards or reviews off for the day).
    static let maximumLimit = 1_000_000

    @Option(help: "Output format: text, or jsonl for the line protocol.")
    var format: Format = .text

    @OptionGroup var storeOptions: StoreOptions

    @OptionGroup var indexOptions: IndexOptions

    func validate() throws {
        try CommandLineText.require(newLimit, in: 0...Self.maximumLimit, for: "--new-limit")
        try CommandLineText.require(limit, in: 0...Self.maximumLimit, for: "--limit")
    }

    func run() throws {
        let index = try indexOptions.open()
        let scope = tags.isEmpty ? nil : try SelectionOptions.query(index, tags: tags)
        let store = try storeOptions.open()
        let now = storeOptions.instant
        let day = LocalDay.containing(now, rolloverHour: storeOptions.rollover)
        let scheduler: Scheduler
        do {
            scheduler = try store.scheduler()
        } catch {
            throw CommandFailure("\(error)")
        }
        let review = DailyReview(
            index: index, store: store, scheduler: scheduler, scope: scope,
            limits: DailyReview.Limits(newCards: newLimit, reviews: limit))
        let plan: DailyReview.Plan
        do {
            plan = try review.plan(now: now, day: day)
        } catch {
            throw CommandFailure("\(error)")
        }
        let fixedNow = storeOptions.now == nil ? nil : now
        let session = ReviewSession(
            index: index, store: store, scheduler: review.scheduler, plan: plan,
            clock: { fixedNow ?? StoreOptions.clock() })
        switch format {
        case .text:
            var terminal = ReviewTerminal(session: session, day: day)
            try terminal.run()
        case .jsonl:
            var lines = ReviewLineProtocol(session: session, day: day)
            try lines.run()
        }
    }

    /// What the learner did with a card, in either front end.
    enum CardOutcome { case answered, undo, stop }

    /// The question of `item`, presented with the day's seed (the same order all day).
    ///
    /// A damaged index ends the review with the reader's error; a question that cannot be
    /// presented (a trace whose generator fails) is nil, and the front end skips it.
    static func present(_ item: DailyReview.Item, of session: ReviewSession, day: LocalDay) throws
        -> Result<PresentedQuestion, any Error>
    {
        let question = try session.index.question(at: item.ordinal)
        return Result { try PresentedQuestion(question, seed: UInt64(bitPattern: day.start.microsecondsSinceEpoch)) }
    }

    /// "learning", "review", "relearning", or "new" for a card never reviewed.
    static func stateName(_ item: DailyReview.Item) -> String {
        item.isNew ? "new" : stateName(item.card.state)
    }

    /// "learning", "review" or "relearning".
    static func stateName(_ state: SchedulingState) -> String { state.description.lowercased() }

    /// "in 10m", "tomorrow", "on 2026-12-08 (in 9d)".
    static func describe(_ due: Instant, from now: Instant) -> String {
        let microseconds = due.microseconds(since: now)
        if microseconds <= 0 {
            return microseconds > -86_400_000_000
                ? "now (due since \(LocalDay.clockTime(due)))" : "now (overdue since \(LocalDay.calendarDate(due)))"
        }
        let label = IntervalPreview.label(microseconds: max(0, microseconds))
        if microseconds < 86_400_000_000 { return "in \(label) (at \(LocalDay.clockTime(due)))" }
        return "on \(LocalDay.calendarDate(due)) (in \(label))"
    }
}

