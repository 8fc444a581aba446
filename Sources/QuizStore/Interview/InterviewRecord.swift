import QuizEngine

/// One rehearsal of an interview plan as the store keeps it: the plan's stages as they were
/// when it started, and every answer given.
public struct InterviewRecord: Sendable, Hashable {
    public var id: Int64
    /// The plan's name and title when the rehearsal started.
    public var plan: String
    public var planTitle: String
    public var seed: UInt64
    public var startedAt: Instant
    /// When it ended; nil when it never did (the process died mid-interview).
    public var finishedAt: Instant?
    /// Whether the learner stopped before the last question (q, Ctrl-C, end of input).
    public var stopped: Bool
    /// Whether its answers were also recorded as reviews (`--review`).
    public var countsAsReviews: Bool
    public var stages: [InterviewStageRecord]
    public var answers: [InterviewAnswer]

    public init(
        id: Int64, plan: String, planTitle: String, seed: UInt64, startedAt: Instant, finishedAt: Instant?,
        stopped: Bool, countsAsReviews: Bool, stages: [InterviewStageRecord], answers: [InterviewAnswer]
    ) {
        self.id = id
        self.plan = plan
        self.planTitle = planTitle
        self.seed = seed
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.stopped = stopped
        self.countsAsReviews = countsAsReviews
        self.stages = stages
        self.answers = answers
    }

    /// Whether it ran to its last question.
    public var isComplete: Bool { finishedAt != nil && !stopped }
}

/// One stage of a rehearsal: what the plan said, and when the learner was in it.
public struct InterviewStageRecord: Sendable, Hashable {
    public var position: Int
    public var title: String
    public var interviewer: String
    public var budgetMinutes: Int
    /// The number of questions the stage was to ask.
    public var planned: Int
    public var startedAt: Instant?
    public var finishedAt: Instant?

    public init(
        position: Int, title: String, interviewer: String, budgetMinutes: Int, planned: Int,
        startedAt: Instant? = nil, finishedAt: Instant? = nil
    ) {
        self.position = position
        self.title = title
        self.interviewer = interviewer
        self.budgetMinutes = budgetMinutes
        self.planned = planned
        self.startedAt = startedAt
        self.finishedAt = finishedAt
    }

    /// The time spent in the stage, in whole seconds; nil before it started.
    public var secondsUsed: Int? {
        guard let startedAt, let finishedAt else { return nil }
        return Int(max(0, finishedAt.microseconds(since: startedAt)) / 1_000_000)
    }
}

/// One answer in an interview, with how it was judged and its score.
public struct InterviewAnswer: Sendable, Hashable {
    /// How the answer was judged.
    public enum Judgement: Sendable, Hashable {
        /// Graded by the engine (choice, multi, short, order, trace): what was typed, the
        /// verdict, and whether the learner overruled a wrong verdict ("I was right").
        case graded(response: String, correct: Bool, overridden: Bool)
        /// An open question checked against its rubric, item by item, in the rubric's order.
        case rubric([Bool])
        /// Self-graded 1-4 (flashcards, and open questions without a rubric).
        case selfGraded(Rating)
    }

    /// The stage's position in the plan.
    public var stage: Int
    public var key: String
    /// The prompt and type as asked, so the record reads the same after the banks change.
    public var prompt: String
    public var type: QuestionType
    public var tags: [String]
    public var judgement: Judgement
    public var answeredAt: Instant
    public var durationMilliseconds: Int64
    /// The review-log row the answer also wrote (`--review`), else nil.
    public var reviewID: Int64?

    public init(
        stage: Int, key: String, prompt: String, type: QuestionType, tags: [String], judgement: Judgement,
        answeredAt: Instant, durationMilliseconds: Int64, reviewID: Int64? = nil
    ) {
        self.stage = stage
        self.key = key
        self.prompt = prompt
        self.type = type
        self.tags = tags
        self.judgement = judgement
        self.answeredAt = answeredAt
        self.durationMilliseconds = durationMilliseconds
        self.reviewID = reviewID
    }

    /// The score from 0 to 1: 1 for a right (or overruled) graded answer and 0 for a wrong
    /// one; the share of rubric items met; 0, 0.5, 1, 1 for a self-grade of again, hard, good,
    /// easy.
    public var score: Double {
        switch judgement {
        case .graded(_, let correct, let overridden): correct || overridden ? 1 : 0
        case .rubric(let met): met.isEmpty ? 0 : Double(met.filter { $0 }.count) / Double(met.count)
        case .selfGraded(let rating): Self.selfGradeScore(rating)
        }
    }

    /// The rating the answer counts as under `--review`: Good when right or overruled, Again
    /// when wrong; for a rubric, Good when every item is met, Hard from half, else Again; a
    /// self-grade as given.
    public var rating: Rating {
        switch judgement {
        case .graded(_, let correct, let overridden):
            return correct || overridden ? .good : .again
        case .rubric(let met):
            if !met.isEmpty && met.allSatisfy({ $0 }) { return .good }
            return score >= 0.5 ? .hard : .again
        case .selfGraded(let rating):
            return rating
        }
    }

    static func selfGradeScore(_ rating: Rating) -> Double {
        switch rating {
        case .again: 0
        case .hard: 0.5
        case .good, .easy: 1
        }
    }
}
