import QuizEngine

/// The result of a rehearsal: per stage the score, the time used against the budget and the
/// weakest tags, and an overall verdict.
///
/// Scores run from 0 to 1 (``InterviewAnswer/score``). A stage's score is the mean over its
/// answered questions; the overall score is the sum of every answer's score over the number
/// of questions the plan asks, so a question left unanswered (an interview stopped early)
/// counts as 0. The verdict, as a hiring committee would read the loop:
///
/// | verdict | overall score | and |
/// |---|---|---|
/// | hire | at least 0.80 | every stage at least 0.50 |
/// | lean hire | at least 0.65 | (or 0.80 with a stage below 0.50) |
/// | lean no hire | at least 0.50 | |
/// | no hire | below 0.50 | |
public struct InterviewScorecard: Sendable, Hashable {
    /// One stage's line of the scorecard.
    public struct Stage: Sendable, Hashable {
        public var title: String
        public var interviewer: String
        public var budgetMinutes: Int
        /// Seconds spent in the stage; nil when it was never reached.
        public var secondsUsed: Int?
        public var planned: Int
        public var answered: Int
        /// The mean score of the answered questions; nil when none was answered.
        public var score: Double?
        /// Up to three tags whose questions scored lowest (below 1), weakest first, with
        /// their mean score; tags every question of the stage carries are left out.
        public var weakestTags: [TagScore]

        public var isOverTime: Bool { (secondsUsed ?? 0) > budgetMinutes * 60 }
    }

    /// A tag and the mean score of a stage's questions carrying it.
    public struct TagScore: Sendable, Hashable {
        public var tag: String
        public var score: Double
    }

    /// The committee's call.
    public enum Verdict: String, Sendable, Hashable, CaseIterable {
        case hire = "hire"
        case leanHire = "lean hire"
        case leanNoHire = "lean no hire"
        case noHire = "no hire"
    }

    /// The overall score at or above which each verdict is given (see the type's table).
    public static let thresholds: [(verdict: Verdict, minimum: Double)] = [
        (.hire, 0.80), (.leanHire, 0.65), (.leanNoHire, 0.50), (.noHire, 0),
    ]
    /// The lowest stage score a hire allows.
    public static let hireStageMinimum = 0.50

    public var stages: [Stage]
    public var overall: Double
    public var answered: Int
    public var planned: Int
    public var verdict: Verdict
    /// Whether the rehearsal was stopped before its last question.
    public var stopped: Bool

    /// The scorecard of `record`.
    ///
    /// - Complexity: O(a · t) for a answers of at most t tags each.
    public init(_ record: InterviewRecord) {
        var stages: [Stage] = []
        var total = 0.0
        for stage in record.stages {
            let answers = record.answers.filter { $0.stage == stage.position }
            let sum = answers.reduce(0) { $0 + $1.score }
            total += sum
            stages.append(
                Stage(
                    title: stage.title, interviewer: stage.interviewer, budgetMinutes: stage.budgetMinutes,
                    secondsUsed: stage.secondsUsed, planned: stage.planned, answered: answers.count,
                    score: answers.isEmpty ? nil : sum / Double(answers.count),
                    weakestTags: Self.weakestTags(answers)))
        }
        self.stages = stages
        planned = record.stages.reduce(0) { $0 + $1.planned }
        answered = record.answers.count
        overall = planned == 0 ? 0 : total / Double(planned)
        stopped = record.stopped
        verdict = Self.verdict(overall: overall, stageScores: stages.map { $0.score ?? 0 })
    }

    /// The verdict for an overall score and the stages' scores (see the type's table).
    public static func verdict(overall: Double, stageScores: [Double]) -> Verdict {
        var verdict = thresholds.first { overall >= $0.minimum }?.verdict ?? .noHire
        if verdict == .hire, stageScores.contains(where: { $0 < hireStageMinimum }) { verdict = .leanHire }
        return verdict
    }

    /// The tags with the lowest mean score below 1, weakest first, ties by more questions
    /// then by name; at most three.
    static func weakestTags(_ answers: [InterviewAnswer]) -> [TagScore] {
        guard !answers.isEmpty else { return [] }
        var totals: [String: (sum: Double, count: Int)] = [:]
        for answer in answers {
            for tag in answer.tags {
                let sofar = totals[tag] ?? (0, 0)
                totals[tag] = (sofar.sum + answer.score, sofar.count + 1)
            }
        }
        let ranked = totals.filter { $0.value.count < answers.count }
            .map { (tag: $0.key, score: $0.value.sum / Double($0.value.count), count: $0.value.count) }
            .filter { $0.score < 1 }
            .sorted { a, b in
                if a.score != b.score { return a.score < b.score }
                if a.count != b.count { return a.count > b.count }
                return a.tag.utf8.lexicographicallyPrecedes(b.tag.utf8)
            }
        return ranked.prefix(3).map { TagScore(tag: $0.tag, score: $0.score) }
    }
}
