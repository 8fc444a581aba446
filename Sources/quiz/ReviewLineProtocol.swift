import Presentation
import Foundation
import QuizEngine
import QuizStore

/// `quiz review --format jsonl`: the line protocol for front ends. One `card` event per card,
/// then one reply line read ({"grade"}, {"answer"}, {"undo"}, {"quit"}, {"override"}), and a
/// `saved` event once the answer is durable.
struct ReviewLineProtocol {
    var session: ReviewSession
    let day: LocalDay

    mutating func run() throws {
        guard !session.plan.items.isEmpty else { return nothingDue() }
        // Ctrl-C ends the review with its `done` event, like end of input (every answer is
        // already saved); without the handler the process died without one.
        Interrupt.install()
        var stopped = false
        loop: while let item = session.current {
            switch try show(item) {
            case .answered: continue
            case .stop:
                stopped = true
                break loop
            case .undo:
                do {
                    let key = try session.undo()
                    emit([("event", .string("undone")), ("key", .string(key))])
                } catch {
                    emitError(error.description)
                }
            }
        }
        // The last card's wrong answer may still be overruled: one more line decides.
        if !stopped, session.canOverrule, !Console.wasInterrupted, let line = LineReader.next(),
            ReviewReply(line: line)?.override == true
        {
            try overrule()
        }
        emit([("event", .string("done")), ("reviewed", .int(session.reviewed))])
    }

    private mutating func show(_ item: DailyReview.Item) throws -> Review.CardOutcome {
        let presented: PresentedQuestion
        switch try Review.present(item, of: session, day: day) {
        case .success(let question): presented = question
        case .failure(let error):
            emitError("skipping \(item.card.key): \(error)")
            session.skip()
            return .answered
        }
        let shownAt = session.now
        let preview = session.scheduler.previewIntervals(item.card, at: shownAt)
        emit(Self.card(item, presented, preview: preview, position: session.position + 1, total: session.total))
        let question = presented.question
        while true {
            guard !Console.wasInterrupted, let line = LineReader.next(), !Console.wasInterrupted else { return .stop }
            guard let reply = ReviewReply(line: line) else {
                emitError("expected a JSON object such as {\"grade\":3} or {\"answer\":\"b\"}")
                continue
            }
            if reply.override == true {
                try overrule()
                continue
            }
            if reply.undo == true { return .undo }
            if reply.quit == true { return .stop }
            if let grade = reply.grade, !(1...4).contains(grade) {
                emitError("grade must be 1 (again), 2 (hard), 3 (good) or 4 (easy)")
                continue
            }
            var verdict: Grader.Verdict?
            if let answer = reply.answer {
                guard !Grader.isSelfGraded(question.type) else {
                    emitError("'\(question.key)' is self-graded: send {\"grade\":1-4}")
                    continue
                }
                do {
                    verdict = try Grader.grade(answer, for: presented)
                } catch {
                    emitError(error.description)
                    continue
                }
            } else if reply.grade == nil {
                emitError("send {\"grade\":1-4} or {\"answer\":\"...\"}")
                continue
            }
            let rating: Rating
            switch verdict?.isCorrect {
            case false?: rating = .again
            case true?: rating = Rating(rawValue: max(2, reply.grade ?? 3))!
            case nil: rating = Rating(rawValue: reply.grade!)!
            }
            let overridable = verdict?.isOverridable == true
            let due = try session.answer(
                rating, revision: question.revision, shownAt: shownAt, overridable: overridable)
            var saved: [(String, JSON)] = [
                ("event", .string("saved")), ("key", .string(question.key)), ("grade", .int(rating.rawValue)),
                ("due", .string(due.iso8601)), ("correct", verdict.map { JSON.bool($0.isCorrect) } ?? .null),
            ]
            if let match = verdict?.match, let form = match.accepted {
                saved.append((match.kind == .wrong ? "closest" : "accepted", .string(form)))
            }
            if overridable { saved.append(("overridable", .bool(true))) }
            emit(saved)
            return .answered
        }
    }

    /// `{"event":"card",…}` for one card.
    private static func card(
        _ item: DailyReview.Item, _ presented: PresentedQuestion, preview: IntervalPreview, position: Int, total: Int
    ) -> [(String, JSON)] {
        let question = presented.question
        var fields: [(String, JSON)] = [
            ("event", .string("card")), ("key", .string(question.key)), ("type", .string(question.type.rawValue)),
            ("prompt", .string(presented.prompt)), ("position", .int(position)), ("total", .int(total)),
            ("new", .bool(item.isNew)), ("state", .string(Review.stateName(item))),
            ("self_graded", .bool(Grader.isSelfGraded(question.type))),
        ]
        if question.type == .choice || question.type == .multi {
            fields.append(("choices", .strings(presented.displayedChoices.map(\.text))))
        }
        if question.type == .order { fields.append(("items", .strings(presented.displayedItems))) }
        fields.append(("intervals", .object(Rating.allCases.map { ($0.description, .string(preview[$0].label)) })))
        return fields
    }

    /// Applies `{"override":true}` to the latest wrong answer, or says there is none.
    private mutating func overrule() throws {
        do {
            let (key, due) = try session.overrule()
            emit([
                ("event", .string("saved")), ("key", .string(key)), ("grade", .int(Rating.good.rawValue)),
                ("due", .string(due.iso8601)), ("correct", .bool(true)), ("override", .bool(true)),
            ])
        } catch .nothingToOverrule {
            emitError("nothing to override: {\"override\":true} follows an answer graded wrong")
        }
    }

    private func nothingDue() {
        let next = session.plan.nextDue
        emit([
            ("event", .string("done")), ("reviewed", .int(0)),
            ("next_due", next.map { .string($0.instant.iso8601) } ?? .null),
            ("next_due_count", .int(next?.count ?? 0)),
        ])
    }

    private func emitError(_ text: String) {
        emit([("event", .string("error")), ("message", .string(text))])
    }

    /// Writes one protocol line and flushes it: a pipe is block-buffered, and a front end
    /// waits for each line before it answers.
    private func emit(_ fields: [(String, JSON)]) {
        print(JSON.object(fields).text)
        StandardOutput.flush()
    }
}
