import QuizEngine
import QuizStore

/// A rehearsal as markdown (`quiz interview --report ID`): the scorecard, then every stage's
/// questions with the answer given, how it was judged, and the rubric or answer to compare
/// against.
public struct InterviewReport {
    public let record: InterviewRecord
    /// The question of a key, from the current index; nil when it left the banks (the
    /// report then shows the prompt as it was asked, without rubric or answer).
    public let question: (String) -> Question?

    public init(record: InterviewRecord, question: @escaping (String) -> Question?) {
        self.record = record
        self.question = question
    }

    /// The report with rubrics and answers from `index`, when there is one.
    public init(record: InterviewRecord, index: QuestionIndex?) {
        self.init(record: record) { key in
            guard let index, let ordinal = try? index.ordinal(forKey: key) else { return nil }
            return try? index.question(at: ordinal)
        }
    }

    /// The report's markdown text.
    public var text: String {
        let card = InterviewScorecard(record)
        var out = "# Mock interview #\(record.id): \(record.planTitle)\n\n"
        out += "Plan `\(record.plan)` · seed \(record.seed) · started \(LocalDay.calendarDate(record.startedAt)) "
        out += "\(LocalDay.clockTime(record.startedAt))"
        if !record.isComplete { out += record.finishedAt == nil ? " · unfinished" : " · stopped early" }
        if record.countsAsReviews { out += " · answers counted as reviews" }
        out +=
            "\n\n## Scorecard\n\n| stage | score | answered | time | budget | weakest tags |\n|---|---:|---:|---:|---:|---|\n"
        for stage in card.stages {
            let time = stage.secondsUsed.map { InterviewText.clock($0) + (stage.isOverTime ? " (over)" : "") } ?? "—"
            out +=
                "| \(stage.title) | \(stage.score.map(InterviewText.percent) ?? "—") | \(stage.answered)/\(stage.planned) "
            out += "| \(time) | \(InterviewText.clock(stage.budgetMinutes * 60)) "
            out +=
                "| \(stage.weakestTags.map { "\($0.tag) \(InterviewText.percent($0.score))" }.joined(separator: ", ")) |\n"
        }
        out += "\n**Overall \(InterviewText.percent(card.overall))** (\(card.answered) of \(card.planned) answered)"
        out += " · verdict: **\(card.verdict.rawValue)**\n"
        for stage in record.stages {
            out += "\n## \(stage.position + 1). \(stage.title)\n\nWith \(stage.interviewer).\n"
            let answers = record.answers.filter { $0.stage == stage.position }
            if answers.isEmpty { out += "\nNo question answered.\n" }
            for (number, answer) in answers.enumerated() {
                out +=
                    "\n### \(stage.position + 1).\(number + 1) \(answer.key) (\(answer.type.rawValue)) · score \(InterviewText.percent(answer.score))\n\n"
                out += answer.prompt + "\n\n"
                out += judgement(answer)
            }
        }
        return out
    }

    private func judgement(_ answer: InterviewAnswer) -> String {
        let current = question(answer.key)
        var out = ""
        switch answer.judgement {
        case .graded(let response, let correct, let overridden):
            let verdict = correct ? "right" : overridden ? "graded wrong, overruled as right" : "wrong"
            out += "Answer given: `\(response)` · \(verdict)\n"
            if let current, !correct { out += expected(current) }
        case .rubric(let met):
            out += "Rubric, self-checked:\n\n"
            let items = current?.rubric ?? []
            for (position, isMet) in met.enumerated() {
                let text = position < items.count ? items[position] : "item \(position + 1)"
                out += "- [\(isMet ? "x" : " ")] \(text)\n"
            }
        case .selfGraded(let rating):
            out += "Self-graded: \(rating)\n"
            if let answerText = current?.answer { out += "\nAnswer:\n\n\(answerText)\n" }
            if let guidance = current?.guidance { out += "\nGuidance:\n\n\(guidance)\n" }
        }
        return out
    }

    /// The expected answer of a graded question.
    private func expected(_ question: Question) -> String {
        switch question.type {
        case .choice, .multi:
            return "Correct: " + question.choices.filter(\.isCorrect).map { "`\($0.text)`" }.joined(separator: ", ")
                + "\n"
        case .short:
            return "Accepted: " + question.accept.map { "`\($0)`" }.joined(separator: ", ") + "\n"
        case .order:
            return "Order: " + question.items.joined(separator: " → ") + "\n"
        default:
            return ""
        }
    }
}
