import QuizEngine
import QuizStore

/// The events of `quiz interview --format jsonl` (the scorecard is ``InterviewText/json``).
public enum InterviewEvents {
    /// `{"event":"stage",…}`: the stage about to run.
    public static func stage(_ session: InterviewSession, _ stage: InterviewPlan.Stage) -> JSON {
        .object([
            ("event", .string("stage")), ("interview", .int(Int(session.id))), ("plan", .string(session.plan.name)),
            ("position", .int(session.stage + 1)), ("of", .int(session.plan.stages.count)),
            ("title", .string(stage.title)), ("interviewer", .string(stage.interviewer)),
            ("looks_for", .string(stage.focus)), ("minutes", .int(stage.minutes)),
            ("questions", .int(session.stageQuestionCount)),
        ])
    }

    /// `{"event":"card",…}`: the question to answer, with what its reply needs.
    public static func card(_ presented: PresentedQuestion, of session: InterviewSession) -> JSON {
        let question = presented.question
        var fields: [(String, JSON)] = [
            ("event", .string("card")), ("stage", .int(session.stage + 1)), ("key", .string(question.key)),
            ("type", .string(question.type.rawValue)), ("prompt", .string(presented.prompt)),
            ("position", .int(session.position + 1)), ("total", .int(session.stageQuestionCount)),
            ("self_graded", .bool(Grader.isSelfGraded(question.type))),
        ]
        if question.type == .choice || question.type == .multi {
            fields.append(("choices", .strings(presented.displayedChoices.map(\.text))))
        }
        if question.type == .order { fields.append(("items", .strings(presented.displayedItems))) }
        if case .rubric(let items) = InterviewJudging(question) { fields.append(("rubric", .strings(items))) }
        return .object(fields)
    }

    /// `{"event":"saved",…}`: an answer, durable.
    public static func saved(_ answer: InterviewAnswer, due: Instant?, overridable: Bool) -> JSON {
        var fields: [(String, JSON)] = [
            ("event", .string("saved")), ("key", .string(answer.key)), ("stage", .int(answer.stage + 1)),
            ("score", .double(answer.score)),
        ]
        switch answer.judgement {
        case .graded(_, let correct, let overridden):
            fields.append(("correct", .bool(correct)))
            if overridden { fields.append(("override", .bool(true))) }
        case .rubric(let met): fields.append(("rubric_met", .int(met.filter { $0 }.count)))
        case .selfGraded(let rating): fields.append(("grade", .int(rating.rawValue)))
        }
        if let due { fields.append(("due", .string(due.iso8601))) }
        if overridable { fields.append(("overridable", .bool(true))) }
        return .object(fields)
    }

    /// `{"event":"error","message"}`.
    public static func error(_ message: String) -> JSON {
        .object([("event", .string("error")), ("message", .string(message))])
    }
}
