import Presentation
import QuizEngine
import QuizStore

/// `quiz interview` on a terminal (or with piped answers): each stage announced, its
/// questions asked with a countdown, each answer saved, the scorecard at the end; q, Ctrl-C
/// or the end of input stop with the partial scorecard.
struct InterviewTerminal {
    var session: InterviewSession
    /// Whether to show the countdown: asked for, and stdin and stdout are a terminal.
    let showsTimer: Bool
    private let console = Console()

    init(session: InterviewSession, showsTimer: Bool) {
        self.session = session
        self.showsTimer = showsTimer && console.isInteractive
    }

    private var text: InterviewText { InterviewText(color: console.color) }

    mutating func run() throws {
        let plan = session.plan
        console.line(
            console.paint(
                "Mock interview · \(plan.title) · \(plan.stages.count) stages · \(plan.questionCount) questions"
                    + " · \(plan.minutes) min · seed \(session.seed)", .bold))
        var stopped = false
        stages: while let stage = session.currentStage {
            console.line()
            console.line(
                text.announce(stage, position: session.stage + 1, of: plan.stages.count, questions: session.stageQuestionCount))
            try session.beginStage()
            while let ordinal = session.currentQuestion {
                guard try ask(try session.index.question(at: ordinal), budget: stage.minutes) else {
                    stopped = true
                    break stages
                }
            }
            if let line = try session.endStage(), let used = line.secondsUsed {
                let note = line.isOverTime ? " · over budget (noted)" : ""
                console.line(
                    console.paint(
                        "  Stage done: \(line.answered)/\(line.planned) answered · "
                            + "\(line.score.map(InterviewText.percent) ?? "—") · "
                            + "\(InterviewText.clock(used)) of \(InterviewText.clock(line.budgetMinutes * 60))\(note)",
                        line.isOverTime ? .yellow : .dim))
            }
        }
        let card = try session.finish(stopped: stopped)
        console.line()
        console.line(text.scorecard(card, title: plan.title))
        console.line(
            "Saved as interview #\(session.id). `quiz interview --report \(session.id)` writes it with every question"
                + " and answer; `quiz interview --history` shows the trend.")
    }

    /// Asks one question and saves the answer; false when the learner stopped.
    private mutating func ask(_ question: Question, budget: Int) throws -> Bool {
        let presented: PresentedQuestion
        do {
            presented = try PresentedQuestion(question, seed: session.seed)
        } catch {
            // Never expected from a compiled index (the compiler runs every trace once).
            throw CommandFailure("cannot present \(question.key): \(error)")
        }
        let shownAt = session.now
        let presenter = console.presenter
        console.line()
        var header = presenter.header(presented, position: session.position + 1, total: session.stageQuestionCount)
        if showsTimer, let start = session.stageStart {
            header += "  " + text.countdown(seconds: Int(shownAt.microseconds(since: start) / 1_000_000), budgetMinutes: budget)
        }
        console.line(header)
        console.line(presenter.body(presented))
        if Grader.isSelfGraded(question.type) {
            let what = question.type == .open ? "guidance" : "answer"
            guard let reply = console.ask(console.paint("Enter reveals the \(what) (q stop): ", .dim)),
                reply.trimmingWhitespace() != "q"
            else { return false }
            let byRubric = question.type == .open && !question.rubric.isEmpty
            // A rubric is listed once, numbered, where its items are checked.
            var revealed = question
            if byRubric { revealed.rubric = [] }
            console.line(presenter.reveal((try? PresentedQuestion(revealed, seed: session.seed)) ?? presented))
            let judgement: InterviewAnswer.Judgement
            if byRubric {
                guard let met = askRubric(question.rubric) else { return false }
                judgement = .rubric(met)
            } else {
                guard let rating = askRating() else { return false }
                judgement = .selfGraded(rating)
            }
            saved(try session.answer(judgement, to: question, shownAt: shownAt))
            return true
        }
        while true {
            guard let answer = console.ask(presenter.answerPrompt(presented, extra: "or q")) else { return false }
            if answer.trimmingWhitespace() == "q" { return false }
            let verdict: Grader.Verdict
            do {
                verdict = try Grader.grade(answer, for: presented)
            } catch {
                console.line(console.paint("  \(error.description)", .yellow))
                continue
            }
            console.line(presenter.feedback(presented, verdict: verdict))
            saved(
                try session.answer(
                    .graded(response: answer, correct: verdict.isCorrect, overridden: false), to: question,
                    shownAt: shownAt, isOverridable: !verdict.isCorrect && verdict.isOverridable))
            guard session.canOverrule else { return true }
            while true {
                guard let reply = console.ask(console.paint("Enter goes on · r if you were right · q stop: ", .dim))
                else { return false }
                switch reply.trimmingWhitespace() {
                case "": return true
                case "q": return false
                case "r":
                    let (_, due) = try session.overrule()
                    console.line(console.paint("  overridden: counted as right" + dueText(due), .dim))
                    return true
                default: console.line(console.paint("  press Enter, or r or q", .yellow))
                }
            }
        }
    }

    /// The rubric items met, read as their numbers on one line; nil when the learner stopped.
    private func askRubric(_ rubric: [String]) -> [Bool]? {
        console.line(console.paint("  Rubric: which items did your answer meet?", .bold))
        for (position, item) in rubric.enumerated() { console.line("  \(position + 1). \(item)") }
        while true {
            guard let reply = console.ask("Numbers met (such as 1 3), a for all, Enter for none, q stop: ") else { return nil }
            let trimmed = reply.trimmingWhitespace()
            if trimmed == "q" { return nil }
            if let met = Self.rubricItems(trimmed, count: rubric.count) { return met }
            console.line(console.paint("  type item numbers from 1 to \(rubric.count), a, or Enter for none", .yellow))
        }
    }

    /// `1 3` (or `1,3`), `a`, or empty, as one flag per item; nil for anything else.
    static func rubricItems(_ text: String, count: Int) -> [Bool]? {
        if text == "a" || text == "all" { return Array(repeating: true, count: count) }
        var met = Array(repeating: false, count: count)
        for part in text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }) {
            guard let number = Int(part), (1...count).contains(number) else { return nil }
            met[number - 1] = true
        }
        return met
    }

    private func askRating() -> Rating? {
        while true {
            guard let text = console.ask("How did you do? 1 again · 2 hard · 3 good · 4 easy (q stop): ") else { return nil }
            if text.trimmingWhitespace() == "q" { return nil }
            if let rating = Grader.rating(text) { return rating }
            console.line(console.paint("  answer 1, 2, 3 or 4 (or again, hard, good, easy)", .yellow))
        }
    }

    private func saved(_ result: (answer: InterviewAnswer, due: Instant?)) {
        console.line(console.paint("  saved · score \(InterviewText.percent(result.answer.score))" + dueText(result.due), .dim))
    }

    private func dueText(_ due: Instant?) -> String {
        due.map { " · next review \(Review.describe($0, from: session.now))" } ?? ""
    }
}
