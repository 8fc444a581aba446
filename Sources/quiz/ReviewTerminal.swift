import QuizEngine
import QuizStore

/// `quiz review` on a terminal (or with piped answers): one card at a time, graded, saved,
/// with u to undo, r to overrule a wrong typed answer and q to stop.
struct ReviewTerminal {
    var session: ReviewSession
    let day: LocalDay
    private let console = Console()

    init(session: ReviewSession, day: LocalDay) {
        self.session = session
        self.day = day
    }

    mutating func run() throws {
        let plan = session.plan
        guard !plan.items.isEmpty else { return nothingDue() }
        console.line(
            console.paint(
                "Review · \(day.date) · \(plan.dueCount) due · \(plan.newCount) new"
                    + " (today so far: \(plan.reviewedToday) reviewed, \(plan.introducedToday) introduced)", .bold))
        while let item = session.current {
            switch try show(item) {
            case .answered: continue
            case .stop: return finish(stopped: true)
            case .undo:
                do {
                    let key = try session.undo()
                    warn("undone: \(key) is back in the queue")
                } catch {
                    warn(error.description)
                }
            }
        }
        finish(stopped: false)
    }

    private mutating func show(_ item: DailyReview.Item) throws -> Review.CardOutcome {
        let presented: PresentedQuestion
        switch try Review.present(item, of: session, day: day) {
        case .success(let question): presented = question
        case .failure(let error):
            warn("skipping \(item.card.key): \(error)")
            session.skip()
            return .answered
        }
        let shownAt = session.now
        let preview = session.scheduler.previewIntervals(item.card, at: shownAt)
        let presenter = console.presenter
        console.line()
        console.line(
            presenter.header(presented, position: session.position + 1, total: session.total)
                + console.paint("  \(Review.stateName(item))", .magenta))
        console.line(presenter.body(presented))
        let revision = presented.question.revision
        if Grader.isSelfGraded(presented.question.type) {
            guard let reply = console.ask(console.paint("Enter reveals the answer (u undo, q stop): ", .dim)) else {
                return .stop
            }
            if let outcome = Self.command(reply) { return outcome }
            console.line(presenter.reveal(presented))
            return try chooseRating(from: Rating.allCases, preview: preview, revision: revision, shownAt: shownAt)
        }
        while true {
            guard let answer = console.ask(presenter.answerPrompt(presented, extra: "or u/q")) else { return .stop }
            if let outcome = Self.command(answer) { return outcome }
            let verdict: Grader.Verdict
            do {
                verdict = try Grader.grade(answer, for: presented)
            } catch {
                console.line(console.paint("  \(error.description)", .yellow))
                continue
            }
            console.line(presenter.feedback(presented, verdict: verdict))
            if verdict.isCorrect {
                return try chooseRating(from: [.hard, .good, .easy], preview: preview, revision: revision, shownAt: shownAt)
            }
            console.line("  Graded again: next in \(preview[.again].label).")
            let due = try session.answer(.again, revision: revision, shownAt: shownAt, overridable: verdict.isOverridable)
            guard verdict.isOverridable else {
                saved(due)
                return .answered
            }
            return try offerOverride(preview: preview)
        }
    }

    /// After a wrong typed answer that may be a near miss: Enter goes on, r counts it as Good.
    private mutating func offerOverride(preview: IntervalPreview) throws -> Review.CardOutcome {
        let prompt = "Enter goes on · r if you were right (counts as good, \(preview[.good].label)) · u undo · q stop: "
        while true {
            guard let reply = console.ask(console.paint(prompt, .dim)) else { return .stop }
            switch reply.trimmingWhitespace() {
            case "": return .answered
            case "q": return .stop
            case "u": return .undo
            case "r":
                let due = try session.overrule().due
                console.line(
                    console.paint(
                        "  overridden: counted as good · next review \(Review.describe(due, from: session.now))", .dim))
                return .answered
            default:
                warn("press Enter, or r, u or q")
            }
        }
    }

    private mutating func chooseRating(
        from choices: [Rating], preview: IntervalPreview, revision: Int, shownAt: Instant
    ) throws -> Review.CardOutcome {
        let menu = choices.map { "\($0.rawValue) \($0.description) \(preview[$0].label)" }.joined(separator: " · ")
        while true {
            guard let reply = console.ask("\(menu): ") else { return .stop }
            if let outcome = Self.command(reply) { return outcome }
            if let picked = Grader.rating(reply), choices.contains(picked) {
                saved(try session.answer(picked, revision: revision, shownAt: shownAt))
                return .answered
            }
            warn("answer \(choices.map { String($0.rawValue) }.joined(separator: ", "))")
        }
    }

    /// `q` and `u` typed in place of an answer.
    private static func command(_ reply: String) -> Review.CardOutcome? {
        switch reply.trimmingWhitespace() {
        case "q": .stop
        case "u": .undo
        default: nil
        }
    }

    private func saved(_ due: Instant) {
        console.line(console.paint("  saved · next review \(Review.describe(due, from: session.now))", .dim))
    }

    private func warn(_ text: String) {
        console.line(console.paint("  \(text)", .yellow))
    }

    private func nothingDue() {
        let plan = session.plan
        var text = "Nothing due today (\(plan.reviewedToday) reviewed, \(plan.introducedToday) new introduced)."
        if let next = plan.nextDue {
            text += " Next: \(next.count) card\(next.count == 1 ? "" : "s") \(Review.describe(next.instant, from: session.now))."
        } else {
            text += " No cards are scheduled yet."
        }
        console.line(text)
    }

    private func finish(stopped: Bool) {
        let reviewed = session.reviewed
        let names = session.ratings.keys.sorted { $0.rawValue < $1.rawValue }.map { "\($0.description) \(session.ratings[$0]!)" }
        let detail = names.isEmpty ? "" : " (" + names.joined(separator: " · ") + ")"
        console.line()
        console.line(
            console.paint(
                "Reviewed \(reviewed) card\(reviewed == 1 ? "" : "s")\(detail)\(stopped ? "; stopped early" : "").",
                .bold))
        console.line("Every answer is saved; `quiz stats` shows what comes next.")
    }
}
