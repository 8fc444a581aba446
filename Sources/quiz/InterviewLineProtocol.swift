import Presentation
import QuizEngine
import QuizStore

/// `quiz interview --format jsonl`: the line protocol of `quiz review` for a rehearsal. A
/// `stage` event per stage, a `card` event per question and one reply line read
/// ({"answer"}, {"grade"}, {"rubric"}, {"override"}, {"quit"}), a `saved` event once the
/// answer is durable, and the `scorecard` event at the end (also after a stop).
enum InterviewLineProtocol {
    static func run(_ session: inout InterviewSession) throws {
        // Ctrl-C ends the blocked read, so the partial scorecard is still saved and written.
        Interrupt.install()
        let stopped = try session.run(
            announce: { session, stage in Self.emit(InterviewEvents.stage(session, stage)) },
            ask: { session, presented, _ in try Self.ask(presented, in: &session) })
        // The last answer, if graded wrong, may still be overruled: one more line decides.
        if !stopped, session.canOverrule, !Console.wasInterrupted, let line = LineReader.next(),
            ReviewReply(line: line)?.override == true
        {
            try overrule(&session)
        }
        let card = try session.finish(stopped: stopped)
        Self.emit(InterviewText.json(card, id: session.id, plan: session.plan.name, seed: session.seed))
    }

    /// Shows one card and reads replies until one answers it; false when the learner stopped.
    private static func ask(_ presented: PresentedQuestion, in session: inout InterviewSession) throws -> Bool {
        let shownAt = session.now
        Self.emit(InterviewEvents.card(presented, of: session))
        while true {
            guard !Console.wasInterrupted, let line = LineReader.next() else { return false }
            guard let reply = ReviewReply(line: line) else {
                Self.emit(
                    InterviewEvents.error(
                        "expected a JSON object such as {\"answer\":\"b\"}, {\"grade\":3} or {\"rubric\":[true,false]}")
                )
                continue
            }
            if reply.quit == true { return false }
            if reply.override == true {
                try overrule(&session)
                continue
            }
            do {
                let saved = try session.reply(
                    answer: reply.answer, grade: reply.grade, rubric: reply.rubric, to: presented, shownAt: shownAt)
                Self.emit(InterviewEvents.saved(saved.answer, due: saved.due, overridable: saved.overridable))
                return true
            } catch let refusal as InterviewJudging.Refusal {
                Self.emit(InterviewEvents.error(refusal.description))
            }
        }
    }

    private static func overrule(_ session: inout InterviewSession) throws {
        do {
            let result = try session.overrule()
            Self.emit(InterviewEvents.saved(result.answer, due: result.due, overridable: false))
        } catch .nothingToOverrule {
            Self.emit(InterviewEvents.error("nothing to override: {\"override\":true} follows an answer graded wrong"))
        }
    }

    /// Writes one protocol line and flushes it: a front end waits for each line.
    private static func emit(_ json: JSON) {
        print(json.text)
        StandardOutput.flush()
    }
}
