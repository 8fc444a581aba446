import Presentation
import QuizEngine
import QuizStore

/// `quiz interview` on a terminal (or with piped answers): each stage announced, its
/// questions asked with a countdown, each answer saved, the scorecard at the end; q, Ctrl-C
/// or the end of input stop with the partial scorecard.
struct InterviewTerminal {
    /// Whether to show the countdown: asked for, and stdin and stdout are a terminal.
    let showsTimer: Bool
    private let console = Console()
    private var text: InterviewText { InterviewText(color: console.color) }

    init(showsTimer: Bool) {
        self.showsTimer = showsTimer && console.isInteractive
    }

    func run(_ session: inout InterviewSession) throws {
        let plan = session.plan
        console.line(text.banner(plan, seed: session.seed))
        let stopped = try session.run(
            announce: { session, stage in
                console.line()
                console.line(text.announce(stage, of: session))
            },
            ask: { session, presented, stage in try ask(presented, budget: stage.minutes, in: &session) },
            ended: { console.line(text.stageDone($0)) })
        let card = try session.finish(stopped: stopped)
        console.line()
        console.line(text.scorecard(card, title: plan.title))
        console.line(InterviewText.closing(id: session.id))
    }

    /// Asks one question and saves the answer; false when the learner stopped.
    private func ask(_ presented: PresentedQuestion, budget: Int, in session: inout InterviewSession) throws -> Bool {
        let shownAt = session.now
        let presenter = console.presenter
        let elapsed = session.stageStart.map { Int(shownAt.microseconds(since: $0) / 1_000_000) } ?? 0
        console.line()
        console.line(
            text.header(
                presented, presenter: presenter, position: session.position + 1, total: session.stageQuestionCount,
                countdown: showsTimer ? (elapsed, budget) : nil))
        console.line(presenter.body(presented))
        let judging = InterviewJudging(presented.question)
        if judging != .graded {
            let what = presented.question.type == .open ? "guidance" : "answer"
            guard read(console.paint("Enter reveals the \(what) (q stop): ", .dim), parse: { _ in .success(()) }) != nil
            else { return false }
            // A rubric is listed once, numbered, where its items are checked.
            console.line(presenter.reveal(presented, rubric: false))
            if case .rubric(let items) = judging { console.line(text.rubric(items)) }
        }
        let prompt = text.answerPrompt(judging, presented, presenter: presenter)
        guard
            let judged = read(
                prompt,
                parse: { typed in
                    Result { () throws(InterviewJudging.Refusal) in try judging.judge(typed: typed, for: presented) }
                })
        else { return false }
        if let verdict = judged.verdict { console.line(presenter.feedback(presented, verdict: verdict)) }
        let result = try session.answer(
            judged.judgement, to: presented.question, shownAt: shownAt, isOverridable: judged.overridable)
        console.line(text.saved(result.answer, due: describe(result.due, session)))
        guard session.canOverrule else { return true }
        let choice = read(console.paint("Enter goes on · r if you were right · q stop: ", .dim)) { typed in
            ["": false, "r": true][typed].map(Result.success) ?? .failure(.init("press Enter, or r or q"))
        }
        guard let overrule = choice else { return false }
        if overrule {
            console.line(text.overridden(due: describe(try session.overrule().due, session)))
        }
        return true
    }

    /// Asks until `parse` accepts the reply (its refusal shown otherwise); nil after q, at the
    /// end of input or on Ctrl-C.
    private func read<T>(_ prompt: String, parse: (String) -> Result<T, InterviewJudging.Refusal>) -> T? {
        while true {
            guard let reply = console.ask(prompt)?.trimmingWhitespace(), reply != "q" else { return nil }
            switch parse(reply) {
            case .success(let value): return value
            case .failure(let hint): console.line(console.paint("  \(hint)", .yellow))
            }
        }
    }

    private func describe(_ due: Instant?, _ session: InterviewSession) -> String? {
        due.map { Review.describe($0, from: session.now) }
    }
}
