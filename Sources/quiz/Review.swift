import ArgumentParser
import Foundation
import QuizEngine
import QuizStore

/// `quiz review`: the daily spaced-repetition review (FSRS-6), one durable transaction per
/// answer.
struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
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
        let review = DailyReview(
            index: index, store: store, scheduler: Scheduler(), scope: scope,
            limits: DailyReview.Limits(newCards: newLimit, reviews: limit))
        let plan: DailyReview.Plan
        do {
            plan = try review.plan(now: now, day: day)
        } catch {
            throw CommandFailure("\(error)")
        }
        var session = ReviewSession(
            index: index, store: store, scheduler: review.scheduler, day: day,
            fixedNow: storeOptions.now == nil ? nil : now,
            plan: plan, format: format)
        try session.run()
    }
}

/// One review session: shows each planned card, grades it, saves it durably, and sums up.
struct ReviewSession {
    let index: QuestionIndex
    let store: ReviewStore
    let scheduler: Scheduler
    let day: LocalDay
    /// The `--now` moment, held fixed for the whole session; nil to follow the clock.
    let fixedNow: Instant?
    let plan: DailyReview.Plan
    let format: Review.Format
    private var console = Console()
    private var reviewed = 0
    private var undoable: [(id: Int64, item: DailyReview.Item)] = []
    private var ratings: [Int: Int] = [:]
    /// The last answer, graded wrong, that the learner may still overrule with `{"override":true}`.
    private var pendingOverride: (item: DailyReview.Item, question: Question, shownAt: Instant)?

    init(
        index: QuestionIndex, store: ReviewStore, scheduler: Scheduler, day: LocalDay, fixedNow: Instant?,
        plan: DailyReview.Plan, format: Review.Format
    ) {
        self.index = index
        self.store = store
        self.scheduler = scheduler
        self.day = day
        self.fixedNow = fixedNow
        self.plan = plan
        self.format = format
    }

    private var now: Instant { fixedNow ?? StoreOptions.clock() }

    mutating func run() throws {
        if plan.items.isEmpty {
            nothingDue()
            return
        }
        if format == .text {
            console.line(
                console.paint(
                    "Review · \(day.date) · \(plan.dueCount) due · \(plan.newCount) new"
                        + " (today so far: \(plan.reviewedToday) reviewed, \(plan.introducedToday) introduced)", .bold))
        }
        var queue = plan.items
        var position = 0
        while position < queue.count {
            let item = queue[position]
            switch try show(item, position: position + 1, total: queue.count) {
            case .answered:
                position += 1
            case .undo:
                guard let last = undoable.popLast() else {
                    message("nothing to undo")
                    continue
                }
                do {
                    try store.undo(reviewID: last.id, at: now)
                } catch {
                    message("cannot undo: \(error)")
                    continue
                }
                reviewed -= 1
                var restored = last.item
                if let card = try store.card(
                    forKey: restored.card.key, revision: try index.revision(at: restored.ordinal))
                {
                    restored.card = card.card
                } else {
                    restored.card = CardState(key: restored.card.key, due: now)
                }
                position -= 1
                queue[position] = restored
                undone(restored.card.key)
            case .stop:
                try finish(stopped: true)
                return
            }
        }
        try finish(stopped: false)
    }

    enum Outcome {
        case answered
        case undo
        case stop
    }

    // MARK: Showing one card

    private mutating func show(_ item: DailyReview.Item, position: Int, total: Int) throws -> Outcome {
        let question = try index.question(at: item.ordinal)
        let presented: PresentedQuestion
        do {
            presented = try PresentedQuestion(question, seed: UInt64(bitPattern: day.start.microsecondsSinceEpoch))
        } catch {
            message("skipping \(question.key): \(error)")
            return .answered
        }
        let shownAt = now
        let preview = scheduler.previewIntervals(item.card, at: shownAt)
        switch format {
        case .jsonl:
            return try showJSONL(item, presented, preview: preview, position: position, total: total, shownAt: shownAt)
        case .text:
            return try showText(item, presented, preview: preview, position: position, total: total, shownAt: shownAt)
        }
    }

    private mutating func showText(
        _ item: DailyReview.Item, _ presented: PresentedQuestion, preview: IntervalPreview, position: Int, total: Int,
        shownAt: Instant
    ) throws -> Outcome {
        let presenter = QuestionPresenter(console: console)
        let state = item.isNew ? "new" : Self.stateName(item.card.state)
        console.line()
        console.line(
            presenter.header(presented, position: position, total: total) + console.paint("  \(state)", .magenta))
        console.line(presenter.body(presented))
        var isCorrect: Bool?
        var overridable = false
        if Grader.isSelfGraded(presented.question.type) {
            guard let reply = console.ask(console.paint("Enter reveals the answer (u undo, q stop): ", .dim)) else {
                return .stop
            }
            switch reply.trimmingWhitespace() {
            case "q": return .stop
            case "u": return .undo
            default: break
            }
            console.line(presenter.reveal(presented))
        } else {
            while isCorrect == nil {
                guard let answer = console.ask(presenter.answerPrompt(presented, extra: "or u/q")) else {
                    return .stop
                }
                switch answer.trimmingWhitespace() {
                case "q": return .stop
                case "u": return .undo
                default: break
                }
                do {
                    let verdict = try Grader.grade(answer, for: presented)
                    console.line(presenter.feedback(presented, verdict: verdict))
                    isCorrect = verdict.isCorrect
                    overridable = verdict.isOverridable
                } catch {
                    console.line(console.paint("  \(error.description)", .yellow))
                }
            }
        }
        let rating: Rating
        if isCorrect == false {
            rating = .again
            console.line("  Graded again: next in \(preview[.again].label).")
            guard overridable else {
                let due = try save(item, presented.question, rating: rating, shownAt: shownAt)
                console.line(console.paint("  saved · next review \(Self.describe(due, from: now))", .dim))
                return .answered
            }
            _ = try save(item, presented.question, rating: rating, shownAt: shownAt)
            while true {
                guard
                    let reply = console.ask(
                        console.paint(
                            "Enter goes on · r if you were right (counts as good, \(preview[.good].label)) · u undo · q stop: ",
                            .dim))
                else { return .stop }
                switch reply.trimmingWhitespace() {
                case "": return .answered
                case "q": return .stop
                case "u": return .undo
                case "r":
                    let due = try overrule(item, presented.question, shownAt: shownAt)
                    console.line(console.paint("  overridden: counted as good · next review \(Self.describe(due, from: now))", .dim))
                    return .answered
                default:
                    console.line(console.paint("  press Enter, or r, u or q", .yellow))
                }
            }
        } else {
            let choices = (isCorrect == true ? [Rating.hard, .good, .easy] : Rating.allCases)
            let menu = choices.map { "\($0.rawValue) \($0.description) \(preview[$0].label)" }.joined(
                separator: " · ")
            var chosen: Rating?
            while chosen == nil {
                guard let reply = console.ask("\(menu): ") else { return .stop }
                if reply.trimmingWhitespace() == "q" { return .stop }
                if reply.trimmingWhitespace() == "u" { return .undo }
                if let picked = Grader.rating(reply), choices.contains(picked) {
                    chosen = picked
                } else {
                    console.line(
                        console.paint(
                            "  answer \(choices.map { String($0.rawValue) }.joined(separator: ", "))", .yellow))
                }
            }
            rating = chosen!
        }
        let due = try save(item, presented.question, rating: rating, shownAt: shownAt)
        console.line(console.paint("  saved · next review \(Self.describe(due, from: now))", .dim))
        return .answered
    }

    private mutating func showJSONL(
        _ item: DailyReview.Item, _ presented: PresentedQuestion, preview: IntervalPreview, position: Int, total: Int,
        shownAt: Instant
    ) throws -> Outcome {
        let question = presented.question
        var fields: [(String, JSON)] = [
            ("event", .string("card")), ("key", .string(question.key)), ("type", .string(question.type.rawValue)),
            ("prompt", .string(presented.prompt)), ("position", .int(position)), ("total", .int(total)),
            ("new", .bool(item.isNew)), ("state", .string(item.isNew ? "new" : Self.stateName(item.card.state))),
            ("self_graded", .bool(Grader.isSelfGraded(question.type))),
        ]
        if question.type == .choice || question.type == .multi {
            fields.append(("choices", .strings(presented.displayedChoices.map(\.text))))
        }
        if question.type == .order { fields.append(("items", .strings(presented.displayedItems))) }
        fields.append(
            (
                "intervals",
                .object(Rating.allCases.map { ($0.description, .string(preview[$0].label)) })
            ))
        emit(JSON.object(fields).text)
        while true {
            guard let line = LineReader.next() else { return .stop }
            guard let reply = ReviewReply(line: line) else {
                emitError("expected a JSON object such as {\"grade\":3} or {\"answer\":\"b\"}")
                continue
            }
            if reply.override == true {
                try overrulePending()
                continue
            }
            pendingOverride = nil
            if reply.undo == true { return .undo }
            if reply.quit == true { return .stop }
            let grade = reply.grade
            if let grade, !(1...4).contains(grade) {
                emitError("grade must be 1 (again), 2 (hard), 3 (good) or 4 (easy)")
                continue
            }
            var isCorrect: Bool?
            var verdict: Grader.Verdict?
            if let answer = reply.answer {
                guard !Grader.isSelfGraded(question.type) else {
                    emitError("'\(question.key)' is self-graded: send {\"grade\":1-4}")
                    continue
                }
                do {
                    verdict = try Grader.grade(answer, for: presented)
                    isCorrect = verdict?.isCorrect
                } catch {
                    emitError(error.description)
                    continue
                }
            } else if grade == nil {
                emitError("send {\"grade\":1-4} or {\"answer\":\"...\"}")
                continue
            }
            let rating: Rating
            switch isCorrect {
            case false?: rating = .again
            case true?: rating = Rating(rawValue: max(2, grade ?? 3))!
            case nil: rating = Rating(rawValue: grade!)!
            }
            let due = try save(item, question, rating: rating, shownAt: shownAt)
            var saved: [(String, JSON)] = [
                ("event", .string("saved")), ("key", .string(question.key)), ("grade", .int(rating.rawValue)),
                ("due", .string(due.iso8601)), ("correct", isCorrect.map(JSON.bool) ?? .null),
            ]
            if let match = verdict?.match, let form = match.accepted {
                saved.append((match.kind == .wrong ? "closest" : "accepted", .string(form)))
            }
            if verdict?.isOverridable == true {
                saved.append(("overridable", .bool(true)))
                pendingOverride = (item, question, shownAt)
            }
            emit(JSON.object(saved).text)
            return .answered
        }
    }

    /// Replaces the latest answer (graded wrong) of `item` with an override counted as Good,
    /// scheduled from the card as it was before that answer; returns the new due time.
    private mutating func overrule(_ item: DailyReview.Item, _ question: Question, shownAt: Instant) throws -> Instant {
        guard let last = undoable.popLast() else { return item.card.due }
        let answeredAt = now
        let result = scheduler.review(item.card, rating: .good, at: answeredAt)
        let duration = max(0, answeredAt.microseconds(since: shownAt) / 1000)
        do {
            let id = try store.overrule(
                reviewID: last.id,
                with: ReviewRecord(result, revision: question.revision, durationMilliseconds: duration))
            undoable.append((id, item))
        } catch {
            undoable.append(last)
            throw CommandFailure("the override was not saved: \(error)")
        }
        // The overruled answer was counted as again when it was saved.
        ratings[Rating.again.rawValue] = ratings[Rating.again.rawValue].flatMap { $0 > 1 ? $0 - 1 : nil }
        ratings[Rating.good.rawValue, default: 0] += 1
        return result.card.due
    }

    /// Applies `{"override":true}` to the pending wrong answer, or says there is none.
    private mutating func overrulePending() throws {
        guard let pending = pendingOverride else {
            emitError("nothing to override: {\"override\":true} follows an answer graded wrong")
            return
        }
        pendingOverride = nil
        let due = try overrule(pending.item, pending.question, shownAt: pending.shownAt)
        emit(
            JSON.object([
                ("event", .string("saved")), ("key", .string(pending.question.key)), ("grade", .int(Rating.good.rawValue)),
                ("due", .string(due.iso8601)), ("correct", .bool(true)), ("override", .bool(true)),
            ]).text)
    }

    /// Reviews the card and commits the answer; returns the new due time once it is durable.
    private mutating func save(
        _ item: DailyReview.Item, _ question: Question, rating: Rating, shownAt: Instant
    ) throws -> Instant {
        let answeredAt = now
        let result = scheduler.review(item.card, rating: rating, at: answeredAt)
        let duration = max(0, answeredAt.microseconds(since: shownAt) / 1000)
        do {
            let id = try store.record(ReviewRecord(result, revision: question.revision, durationMilliseconds: duration))
            undoable.append((id, item))
        } catch {
            throw CommandFailure("the answer was not saved: \(error)")
        }
        reviewed += 1
        ratings[rating.rawValue, default: 0] += 1
        return result.card.due
    }

    // MARK: Messages

    private func message(_ text: String) {
        switch format {
        case .text: console.line(console.paint("  \(text)", .yellow))
        case .jsonl: emitError(text)
        }
    }

    private func emitError(_ text: String) {
        emit(JSON.object([("event", .string("error")), ("message", .string(text))]).text)
    }

    /// Writes one protocol line and flushes it: a pipe is block-buffered, and a front end
    /// waits for each line before it answers.
    private func emit(_ line: String) {
        print(line)
        fflush(nil)
    }

    private func undone(_ key: String) {
        switch format {
        case .text: console.line(console.paint("  undone: \(key) is back in the queue", .yellow))
        case .jsonl: emit(JSON.object([("event", .string("undone")), ("key", .string(key))]).text)
        }
    }

    private func nothingDue() {
        let next = plan.nextDue
        switch format {
        case .jsonl:
            emit(
                JSON.object([
                    ("event", .string("done")), ("reviewed", .int(0)),
                    ("next_due", next.map { .string($0.instant.iso8601) } ?? .null),
                    ("next_due_count", .int(next?.count ?? 0)),
                ]).text)
        case .text:
            var text = "Nothing due today (\(plan.reviewedToday) reviewed, \(plan.introducedToday) new introduced)."
            if let next {
                text +=
                    " Next: \(next.count) card\(next.count == 1 ? "" : "s") \(Self.describe(next.instant, from: now))."
            } else {
                text += " No cards are scheduled yet."
            }
            console.line(text)
        }
    }

    private mutating func finish(stopped: Bool) throws {
        switch format {
        case .jsonl:
            // The last card's wrong answer may still be overruled: one more line decides.
            if !stopped, pendingOverride != nil, let line = LineReader.next(),
                ReviewReply(line: line)?.override == true
            {
                try overrulePending()
            }
            emit(JSON.object([("event", .string("done")), ("reviewed", .int(reviewed))]).text)
        case .text:
            console.line()
            let names = ratings.keys.sorted().map { "\(Rating(rawValue: $0)!.description) \(ratings[$0]!)" }
            let detail = names.isEmpty ? "" : " (" + names.joined(separator: " · ") + ")"
            console.line(
                console.paint(
                    "Reviewed \(reviewed) card\(reviewed == 1 ? "" : "s")\(detail)\(stopped ? "; stopped early" : "").",
                    .bold))
            console.line("Every answer is saved; `quiz stats` shows what comes next.")
        }
    }

    // MARK: Formatting

    static func stateName(_ state: SchedulingState) -> String {
        switch state {
        case .learning: "learning"
        case .review: "review"
        case .relearning: "relearning"
        }
    }

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
