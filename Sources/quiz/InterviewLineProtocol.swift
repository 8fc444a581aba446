import Foundation
import Presentation
import QuizEngine
import QuizStore

/// `quiz interview --format jsonl`: the line protocol of `quiz review` for a rehearsal. A
/// `stage` event per stage, a `card` event per question and one reply line read
/// ({"answer"}, {"grade"}, {"rubric"}, {"override"}, {"quit"}), a `saved` event once the
/// answer is durable, and the `scorecard` event at the end (also after a stop).
struct InterviewLineProtocol {
    var session: InterviewSession

    mutating func run() throws {
        // Ctrl-C ends the blocked read, so the partial scorecard is still saved and written.
        Interrupt.install()
        let plan = session.plan
        var stopped = false
        stages: while let stage = session.currentStage {
            emit([
                ("event", .string("stage")), ("interview", .int(Int(session.id))), ("plan", .string(plan.name)),
                ("position", .int(session.stage + 1)), ("of", .int(plan.stages.count)), ("title", .string(stage.title)),
                ("interviewer", .string(stage.interviewer)), ("looks_for", .string(stage.focus)),
                ("minutes", .int(stage.minutes)), ("questions", .int(session.stageQuestionCount)),
            ])
            try session.beginStage()
            while let ordinal = session.currentQuestion {
                guard try ask(try session.index.question(at: ordinal)) else {
                    stopped = true
                    break stages
                }
            }
            try session.endStage()
        }
        // The last answer, if graded wrong, may still be overruled: one more line decides.
        if !stopped, session.canOverrule, !Console.wasInterrupted, let line = LineReader.next(),
            InterviewReply(line: line)?.override == true
        {
            try overrule()
        }
        let card = try session.finish(stopped: stopped)
        emit(InterviewText.json(card, id: session.id, plan: plan.name, seed: session.seed))
    }

    /// Shows one card and reads replies until one answers it; false when the learner stopped.
    private mutating func ask(_ question: Question) throws -> Bool {
        let presented: PresentedQuestion
        do {
            presented = try PresentedQuestion(question, seed: session.seed)
        } catch {
            throw CommandFailure("cannot present \(question.key): \(error)")
        }
        let shownAt = session.now
        let byRubric = question.type == .open && !question.rubric.isEmpty
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
        if byRubric { fields.append(("rubric", .strings(question.rubric))) }
        emit(fields)
        while true {
            guard !Console.wasInterrupted, let line = LineReader.next() else { return false }
            guard let reply = InterviewReply(line: line) else {
                emitError("expected a JSON object such as {\"answer\":\"b\"}, {\"grade\":3} or {\"rubric\":[true,false]}")
                continue
            }
            if reply.quit == true { return false }
            if reply.override == true {
                try overrule()
                continue
            }
            let judgement: InterviewAnswer.Judgement
            var overridable = false
            if byRubric {
                guard let met = reply.rubric, met.count == question.rubric.count else {
                    emitError("'\(question.key)' is checked against its rubric: send {\"rubric\":[…]} with \(question.rubric.count) true or false values, one per item")
                    continue
                }
                judgement = .rubric(met)
            } else if Grader.isSelfGraded(question.type) {
                guard let grade = reply.grade, let rating = Rating(rawValue: grade) else {
                    emitError("'\(question.key)' is self-graded: send {\"grade\":1-4}")
                    continue
                }
                judgement = .selfGraded(rating)
            } else {
                guard let answer = reply.answer else {
                    emitError("'\(question.key)' is graded: send {\"answer\":\"...\"}")
                    continue
                }
                let verdict: Grader.Verdict
                do {
                    verdict = try Grader.grade(answer, for: presented)
                } catch {
                    emitError(error.description)
                    continue
                }
                judgement = .graded(response: answer, correct: verdict.isCorrect, overridden: false)
                overridable = !verdict.isCorrect && verdict.isOverridable
            }
            let result = try session.answer(judgement, to: question, shownAt: shownAt, isOverridable: overridable)
            emit(Self.saved(result.answer, due: result.due, overridable: overridable))
            return true
        }
    }

    /// `{"event":"saved",…}` for one answer.
    private static func saved(_ answer: InterviewAnswer, due: Instant?, overridable: Bool) -> [(String, JSON)] {
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
        return fields
    }

    private mutating func overrule() throws {
        do {
            let result = try session.overrule()
            emit(Self.saved(result.answer, due: result.due, overridable: false))
        } catch .nothingToOverrule {
            emitError("nothing to override: {\"override\":true} follows an answer graded wrong")
        }
    }

    private func emitError(_ text: String) {
        emit([("event", .string("error")), ("message", .string(text))])
    }

    /// Writes one protocol line and flushes it: a front end waits for each line.
    private func emit(_ fields: [(String, JSON)]) { emit(.object(fields)) }

    private func emit(_ json: JSON) {
        print(json.text)
        StandardOutput.flush()
    }
}

/// One reply line of `quiz interview --format jsonl`. Fields of the wrong type make the line
/// unreadable rather than ignored.
struct InterviewReply: Decodable, Equatable {
    var answer: String?
    var grade: Int?
    var rubric: [Bool]?
    var override: Bool?
    var quit: Bool?

    init?(line: String) {
        guard let reply = try? JSONDecoder().decode(InterviewReply.self, from: Data(line.utf8)) else { return nil }
        self = reply
    }
}
