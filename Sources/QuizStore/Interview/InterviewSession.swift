import QuizEngine

/// One mock interview in progress: the drawn questions stage by stage, each answer saved
/// durably before the next question, and the scorecard at the end.
///
/// Front ends (the terminal and the jsonl protocol) call ``beginStage()`` when they announce
/// a stage, ask ``currentQuestion``, judge the learner's answer and report it with
/// ``answer(_:to:shownAt:)``, and call ``finish(stopped:)`` once, at the end or when the
/// learner stops.
public struct InterviewSession {
    public let index: QuestionIndex
    public let store: ReviewStore
    public let plan: InterviewPlan
    public let seed: UInt64
    /// The store's id of this rehearsal.
    public let id: Int64
    /// The scheduler answers are reviewed with under `--review`; nil otherwise.
    public let reviewScheduler: Scheduler?
    /// Each stage's question ordinals, in order.
    public let questions: [[Int]]
    private let clock: () -> Instant
    /// The stage being run, and the position of the next question in it.
    public private(set) var stage = 0
    public private(set) var position = 0
    private var stageStarted = false
    private var record: InterviewRecord
    /// The latest answer, graded wrong, that the learner may still overrule: its row, its
    /// place in ``answers``, the question, the card its review was scheduled from (under
    /// `--review`) and when it was shown.
    private var overridable: (answerID: Int64, at: Int, question: Question, card: CardState?, shownAt: Instant)?

    /// Draws the questions (avoiding those of the last `recentInterviews` rehearsals when
    /// others match) and stores the start of the rehearsal.
    ///
    /// - Throws: ``InterviewError``.
    public init(
        index: QuestionIndex, store: ReviewStore, plan: InterviewPlan, seed: UInt64, reviewScheduler: Scheduler?,
        recentInterviews: Int = 3, clock: @escaping () -> Instant
    ) throws(InterviewError) {
        let recent: Set<String>
        do { recent = try store.recentInterviewKeys(interviews: recentInterviews) } catch {
            throw .notSaved("cannot read past interviews: \(error)")
        }
        let questions = try InterviewDraw.questions(for: plan, index: index, seed: seed, avoiding: recent)
        let start = clock()
        let id: Int64
        do {
            id = try store.beginInterview(plan: plan, seed: seed, countsAsReviews: reviewScheduler != nil, at: start)
        } catch {
            throw .notSaved("the interview was not saved: \(error)")
        }
        self.index = index
        self.store = store
        self.plan = plan
        self.seed = seed
        self.id = id
        self.reviewScheduler = reviewScheduler
        self.questions = questions
        self.clock = clock
        record = InterviewRecord(
            id: id, plan: plan.name, planTitle: plan.title, seed: seed, startedAt: start, finishedAt: nil,
            stopped: false, countsAsReviews: reviewScheduler != nil,
            stages: plan.stages.enumerated().map { position, stage in
                InterviewStageRecord(
                    position: position, title: stage.title, interviewer: stage.interviewer,
                    budgetMinutes: stage.minutes, planned: stage.questionCount)
            }, answers: [])
    }

    /// The moment now, as the session counts it.
    public var now: Instant { clock() }

    /// The stage to announce or being run; nil when every stage is done.
    public var currentStage: InterviewPlan.Stage? { stage < plan.stages.count ? plan.stages[stage] : nil }

    /// The ordinal of the next question of the current stage; nil at the stage's end.
    public var currentQuestion: Int? {
        guard stage < questions.count, position < questions[stage].count else { return nil }
        return questions[stage][position]
    }

    /// The number of questions drawn for the current stage (fewer than planned only when
    /// the index holds fewer matches than the plan was checked against).
    public var stageQuestionCount: Int { stage < questions.count ? questions[stage].count : 0 }

    /// When the current stage started; nil before ``beginStage()``.
    public var stageStart: Instant? { stage < record.stages.count ? record.stages[stage].startedAt : nil }

    /// The question at `ordinal`, presented with the rehearsal's seed (choice and item order).
    ///
    /// - Throws: ``InterviewError/index(_:)`` for a damaged index or a trace that cannot be
    ///   generated (the compiler ran each trace once, so never from a compiled index).
    public func present(_ ordinal: Int) throws(InterviewError) -> PresentedQuestion {
        do {
            return try PresentedQuestion(try index.question(at: ordinal), seed: seed)
        } catch {
            throw .index("cannot present question \(ordinal): \(error)")
        }
    }

    /// The answers so far.
    public var answers: [InterviewAnswer] { record.answers }

    /// Marks the current stage as started now.
    public mutating func beginStage() throws(InterviewError) {
        guard stage < plan.stages.count, !stageStarted else { return }
        let time = now
        do { try store.markInterviewStage(stage, of: id, startedAt: time) } catch {
            throw .notSaved("the stage was not saved: \(error)")
        }
        record.stages[stage].startedAt = time
        stageStarted = true
    }

    /// Saves the answer to the current question (and its review under `--review`, in the
    /// same transaction) and moves on; returns the saved answer and, under `--review`, the
    /// card's new due time.
    ///
    /// A wrong graded answer that `isOverridable` (a typed answer) stays ``canOverrule`` until
    /// the next answer, also past the end of its stage.
    public mutating func answer(
        _ judgement: InterviewAnswer.Judgement, to question: Question, shownAt: Instant, isOverridable: Bool = false
    ) throws(InterviewError) -> (answer: InterviewAnswer, due: Instant?) {
        let answeredAt = now
        var answer = InterviewAnswer(
            stage: stage, key: question.key, prompt: question.prompt, type: question.type, tags: question.tags,
            judgement: judgement, answeredAt: answeredAt,
            durationMilliseconds: max(0, answeredAt.microseconds(since: shownAt) / 1000))
        var card: CardState?
        var review: ReviewRecord?
        do {
            if let scheduler = reviewScheduler {
                let before =
                    try store.card(forKey: question.key, revision: question.revision)?.card
                    ?? CardState(key: question.key, due: answeredAt)
                var record = ReviewRecord(
                    scheduler.review(before, rating: answer.rating, at: answeredAt), revision: question.revision,
                    durationMilliseconds: answer.durationMilliseconds)
                if case .graded(_, false, true) = judgement { record.isOverride = true }
                card = before
                review = record
            }
            let saved = try store.recordInterviewAnswer(answer, of: id, review: review)
            answer.reviewID = saved.reviewID
            overridable = isOverridable ? (saved.answerID, record.answers.count, question, card, shownAt) : nil
        } catch {
            throw .notSaved("the answer was not saved: \(error)")
        }
        record.answers.append(answer)
        position += 1
        return (answer, review?.card.due)
    }

    /// Judges a reply to `presented` (``InterviewJudging/judge(answer:grade:rubric:for:)``)
    /// and saves it as ``answer(_:to:shownAt:isOverridable:)`` does; returns the saved
    /// answer, the new due time under `--review`, and whether it may be overruled.
    ///
    /// - Throws: ``InterviewJudging/Refusal`` when the reply cannot judge the question (nothing
    ///   saved), ``InterviewError`` when the store refuses the answer.
    public mutating func reply(
        answer: String?, grade: Int?, rubric: [Bool]?, to presented: PresentedQuestion, shownAt: Instant
    ) throws -> (answer: InterviewAnswer, due: Instant?, overridable: Bool) {
        let judged = try InterviewJudging(presented.question).judge(
            answer: answer, grade: grade, rubric: rubric, for: presented)
        let saved = try self.answer(
            judged.judgement, to: presented.question, shownAt: shownAt, isOverridable: judged.overridable)
        return (saved.answer, saved.due, judged.overridable)
    }

    /// Whether the latest answer may still be overruled.
    public var canOverrule: Bool { overridable != nil }

    /// Counts the latest answer, graded wrong, as right (and, under `--review`, as Good in
    /// place of its Again, scheduled from the card the Again was); returns the answer as now
    /// saved and the card's new due time.
    public mutating func overrule() throws(InterviewError) -> (answer: InterviewAnswer, due: Instant?) {
        guard let pending = overridable else { throw .nothingToOverrule }
        var answer = record.answers[pending.at]
        guard case .graded(let response, let correct, _) = answer.judgement else { throw .nothingToOverrule }
        answer.judgement = .graded(response: response, correct: correct, overridden: true)
        var replacement: ReviewRecord?
        do {
            if let scheduler = reviewScheduler, let voided = answer.reviewID, let before = pending.card {
                let time = now
                let review = ReviewRecord(
                    scheduler.review(before, rating: .good, at: time), revision: pending.question.revision,
                    durationMilliseconds: max(0, time.microseconds(since: pending.shownAt) / 1000))
                answer.reviewID = try store.overruleInterviewAnswer(pending.answerID, review: (voided, review))
                replacement = review
            } else {
                try store.overruleInterviewAnswer(pending.answerID, review: nil)
            }
        } catch {
            throw .notSaved("the override was not saved: \(error)")
        }
        overridable = nil
        record.answers[pending.at] = answer
        return (answer, replacement?.card.due)
    }

    /// Ends the current stage now and moves to the next; returns the ended stage's line of
    /// the scorecard.
    @discardableResult
    public mutating func endStage() throws(InterviewError) -> InterviewScorecard.Stage? {
        guard stage < plan.stages.count else { return nil }
        let time = now
        if stageStarted {
            do { try store.markInterviewStage(stage, of: id, finishedAt: time) } catch {
                throw .notSaved("the stage was not saved: \(error)")
            }
            record.stages[stage].finishedAt = time
        }
        let line = InterviewScorecard(record).stages[stage]
        stage += 1
        position = 0
        stageStarted = false
        return line
    }

    /// Runs the rest of the rehearsal's stages: for each, `announce`, then `ask` for each of
    /// its questions (which answers through ``answer(_:to:shownAt:isOverridable:)`` and
    /// returns false when the learner stops), then `ended` with the stage's scorecard line.
    /// Returns whether the learner stopped; ``finish(stopped:)`` comes next.
    public mutating func run(
        announce: (inout InterviewSession, InterviewPlan.Stage) throws -> Void,
        ask: (inout InterviewSession, PresentedQuestion, InterviewPlan.Stage) throws -> Bool,
        ended: (InterviewScorecard.Stage) -> Void = { _ in }
    ) throws -> Bool {
        while let stage = currentStage {
            try announce(&self, stage)
            try beginStage()
            while let ordinal = currentQuestion {
                guard try ask(&self, try present(ordinal), stage) else { return true }
            }
            if let line = try endStage() { ended(line) }
        }
        return false
    }

    /// Ends the rehearsal (closing a stage still open) and returns its scorecard; `stopped`
    /// when the learner left before the last question.
    public mutating func finish(stopped: Bool) throws(InterviewError) -> InterviewScorecard {
        if stageStarted { try endStage() }
        let time = now
        do { try store.finishInterview(id, at: time, stopped: stopped) } catch {
            throw .notSaved("the end of the interview was not saved: \(error)")
        }
        record.finishedAt = time
        record.stopped = stopped
        return InterviewScorecard(record)
    }
}
