import QuizEngine
import QuizStore

/// The text of `quiz interview`: the plan list, a stage's announcement, the scorecard, the
/// history of rehearsals with their trend, and the JSON of a scorecard.
public struct InterviewText {
    public let color: Bool

    public init(color: Bool) { self.color = color }

    private func paint(_ text: String, _ style: TextStyle) -> String { style.paint(text, enabled: color) }

    /// The plans, one paragraph each: name, title, stages with their budgets.
    public func plans(_ plans: [InterviewPlan]) -> String {
        guard let first = plans.first else {
            return "The index holds no interview plans; write Banks/interviews.yaml and run `quiz compile`.\n"
        }
        var lines: [String] = []
        for plan in plans {
            lines.append(
                paint(plan.name, .bold) + "  \(plan.title) · \(plan.stages.count) stages · "
                    + "\(plan.questionCount) questions · \(plan.minutes) min")
            for (position, stage) in plan.stages.enumerated() {
                lines.append(
                    "  \(position + 1). \(stage.title) (\(stage.minutes) min, \(stage.questionCount) q) with \(stage.interviewer)"
                )
            }
            lines.append("")
        }
        return (lines + ["Start one with `quiz interview \(first.name)`.", ""]).joined(separator: "\n")
    }

    /// The first line of a rehearsal.
    public func banner(_ plan: InterviewPlan, seed: UInt64) -> String {
        paint(
            "Mock interview · \(plan.title) · \(plan.stages.count) stages · \(plan.questionCount) questions"
                + " · \(plan.minutes) min · seed \(seed)", .bold)
    }

    /// The line after a stage: answered, score, time against budget, an overrun noted.
    public func stageDone(_ line: InterviewScorecard.Stage) -> String {
        let used = line.secondsUsed.map(Self.clock) ?? "0:00"
        let note = line.isOverTime ? " · over budget (noted)" : ""
        return paint(
            "  Stage done: \(line.answered)/\(line.planned) answered · \(line.score.map(Self.percent) ?? "—") · "
                + "\(used) of \(Self.clock(line.budgetMinutes * 60))\(note)", line.isOverTime ? .yellow : .dim)
    }

    /// The line after `r` overruled a wrong grade; `due` describes the next review under `--review`.
    public func overridden(due: String?) -> String {
        paint("  overridden: counted as right" + (due.map { " · next review \($0)" } ?? ""), .dim)
    }

    /// The announcement of `session`'s current stage.
    public func announce(_ stage: InterviewPlan.Stage, of session: InterviewSession) -> String {
        announce(
            stage, position: session.stage + 1, of: session.plan.stages.count, questions: session.stageQuestionCount)
    }

    /// The line after an answer is saved; `due` describes the next review under `--review`.
    public func saved(_ answer: InterviewAnswer, due: String?) -> String {
        paint("  saved · score \(Self.percent(answer.score))" + (due.map { " · next review \($0)" } ?? ""), .dim)
    }

    /// A question's header, with the stage's countdown when `countdown` gives the seconds
    /// spent in the stage and its budget.
    public func header(
        _ presented: PresentedQuestion, presenter: QuestionPresenter, position: Int, total: Int,
        countdown: (seconds: Int, budgetMinutes: Int)?
    ) -> String {
        let header = presenter.header(presented, position: position, total: total)
        guard let countdown else { return header }
        return header + "  " + self.countdown(seconds: countdown.seconds, budgetMinutes: countdown.budgetMinutes)
    }

    /// The prompt for the reply `judging` needs.
    public func answerPrompt(
        _ judging: InterviewJudging, _ presented: PresentedQuestion, presenter: QuestionPresenter
    )
        -> String
    {
        switch judging {
        case .graded: presenter.answerPrompt(presented, extra: "or q")
        case .rubric: "Numbers met (such as 1 3), a for all, Enter for none, q stop: "
        case .selfGraded: "How did you do? 1 again · 2 hard · 3 good · 4 easy (q stop): "
        }
    }

    /// The rubric items, numbered, under the question of which were met.
    public func rubric(_ items: [String]) -> String {
        ([paint("  Rubric: which items did your answer meet?", .bold)]
            + items.enumerated().map { "  \($0.offset + 1). \($0.element)" }).joined(separator: "\n")
    }

    /// The closing line: where the rehearsal is kept.
    public static func closing(id: Int64) -> String {
        "Saved as interview #\(id). `quiz interview --report \(id)` writes it with every question"
            + " and answer; `quiz interview --history` shows the trend."
    }

    /// A stage's announcement, as the interviewer would open it.
    public func announce(_ stage: InterviewPlan.Stage, position: Int, of count: Int, questions: Int) -> String {
        let rule = paint(String(repeating: "─", count: 60), .dim)
        return [
            rule,
            paint("Stage \(position) of \(count): \(stage.title)", .bold)
                + paint("  · \(stage.minutes) min budget", .dim),
            "You are talking to \(stage.interviewer). They look for \(stage.focus).",
            "\(questions) question\(questions == 1 ? "" : "s").",
        ].joined(separator: "\n")
    }

    /// "⏱ 8:40 left of 15:00", or the overrun, for a stage `seconds` in.
    public func countdown(seconds: Int, budgetMinutes: Int) -> String {
        let budget = budgetMinutes * 60
        if seconds <= budget {
            return paint("⏱ \(Self.clock(budget - seconds)) left of \(Self.clock(budget))", .cyan)
        }
        return paint(
            "⏱ time is up: \(Self.clock(seconds - budget)) over the \(Self.clock(budget)) budget (noted; go on)",
            .yellow)
    }

    /// The scorecard: a line per stage (score, time against budget, weakest tags), then the
    /// overall score and verdict.
    public func scorecard(_ card: InterviewScorecard, title: String) -> String {
        var lines = [paint("Scorecard · \(title)", .bold)]
        let width = max(5, card.stages.map(\.title.count).max() ?? 5)
        for stage in card.stages {
            let name = stage.title + String(repeating: " ", count: width - stage.title.count)
            let score = stage.score.map(Self.percent) ?? "  —"
            let answered = "\(stage.answered)/\(stage.planned)"
            let time: String
            if let used = stage.secondsUsed {
                time =
                    "\(Self.clock(used)) of \(Self.clock(stage.budgetMinutes * 60))" + (stage.isOverTime ? " over" : "")
            } else {
                time = "not reached"
            }
            var line = "  \(name)  \(Self.pad(score, 4))  \(Self.pad(answered, 5))  \(time)"
            if !stage.weakestTags.isEmpty {
                line += paint(
                    "  weakest: "
                        + stage.weakestTags.map { "\($0.tag) \(Self.percent($0.score))" }.joined(separator: ", "), .dim)
            }
            lines.append(stage.isOverTime ? paint(line, .yellow) : line)
        }
        let stopped = card.stopped ? " · stopped early: unanswered questions count 0" : ""
        lines.append(
            paint(
                "Overall \(Self.percent(card.overall)) (\(card.answered) of \(card.planned) answered)\(stopped) · verdict: \(card.verdict.rawValue)",
                .bold))
        return lines.joined(separator: "\n")
    }

    /// Past rehearsals, oldest first: id, date, plan, each stage's score, overall, verdict;
    /// then per plan the overall scores in order and the change from the first to the last.
    public func history(_ records: [InterviewRecord]) -> String {
        guard !records.isEmpty else { return "No interviews yet; start one with `quiz interview PLAN`.\n" }
        var lines: [String] = []
        for record in records {
            let card = InterviewScorecard(record)
            let stages = card.stages.map { $0.score.map(Self.percent) ?? "—" }.joined(separator: " ")
            let state = record.isComplete ? "" : record.finishedAt == nil ? " (unfinished)" : " (stopped)"
            lines.append(
                "#\(record.id)  \(LocalDay.calendarDate(record.startedAt)) \(LocalDay.clockTime(record.startedAt))  \(record.plan)"
                    + "  stages \(stages)  overall \(Self.percent(card.overall))  \(card.verdict.rawValue)\(state)")
        }
        var plans: [String] = []
        for record in records where !plans.contains(record.plan) { plans.append(record.plan) }
        lines.append("")
        for plan in plans {
            let scores = records.filter { $0.plan == plan }.map { InterviewScorecard($0).overall }
            var line = "Trend \(plan): " + scores.map(Self.percent).joined(separator: " → ")
            if scores.count > 1 {
                let change = Int(((scores.last! - scores.first!) * 100).rounded())
                line += " (\(change >= 0 ? "+" : "")\(change) points over \(scores.count) rehearsals)"
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"event":"scorecard",…}`: the scorecard as one JSON object.
    public static func json(_ card: InterviewScorecard, id: Int64, plan: String, seed: UInt64) -> JSON {
        .object([
            ("event", .string("scorecard")), ("interview", .int(Int(id))), ("plan", .string(plan)),
            ("seed", .unsigned(seed)),
            (
                "stages",
                .array(
                    card.stages.map { stage in
                        .object([
                            ("title", .string(stage.title)), ("planned", .int(stage.planned)),
                            ("answered", .int(stage.answered)), ("score", stage.score.map(JSON.double) ?? .null),
                            ("seconds", stage.secondsUsed.map(JSON.int) ?? .null),
                            ("budget_seconds", .int(stage.budgetMinutes * 60)), ("over_time", .bool(stage.isOverTime)),
                            ("weakest_tags", .strings(stage.weakestTags.map(\.tag))),
                        ])
                    })
            ),
            ("answered", .int(card.answered)), ("planned", .int(card.planned)), ("overall", .double(card.overall)),
            ("verdict", .string(card.verdict.rawValue)), ("stopped", .bool(card.stopped)),
        ])
    }

    /// `--history --format jsonl`: one scorecard line per rehearsal.
    public static func historyLines(_ records: [InterviewRecord]) -> String {
        records.map { json(InterviewScorecard($0), id: $0.id, plan: $0.plan, seed: $0.seed).text + "\n" }.joined()
    }

    /// "72%".
    public static func percent(_ score: Double) -> String { "\(Int((score * 100).rounded()))%" }

    /// "8:05".
    public static func clock(_ seconds: Int) -> String {
        let s = max(0, seconds)
        let tail = String(s % 60)
        return "\(s / 60):\(tail.count == 1 ? "0" + tail : tail)"
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
