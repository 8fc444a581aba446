/// A ``QuestionSet`` whose questions are packed, run by run: what the compiler hands the index
/// writer, so that a large bank's questions never all exist as ``Question`` values at once.
public struct PackedQuestionSet: Sendable {
    public var tags: [TagInfo]
    public var banks: [BankInfo]
    public var modules: [CourseModule]
    /// The questions, in the set's canonical order: the first run's, then the next run's.
    public var runs: [PackedQuestions]
    /// The mock-interview plans, in source order.
    public var plans: [InterviewPlan]
    /// A digest of the source files (paths and bytes), so readers can tell a stale index.
    public var sourceDigest: [UInt8]

    public init(
        tags: [TagInfo] = [], banks: [BankInfo] = [], modules: [CourseModule] = [],
        runs: [PackedQuestions] = [], plans: [InterviewPlan] = [], sourceDigest: [UInt8] = []
    ) {
        self.tags = tags
        self.banks = banks
        self.modules = modules
        self.runs = runs
        self.plans = plans
        self.sourceDigest = sourceDigest
    }

    /// `set`, its questions packed in one run.
    public init(_ set: QuestionSet) {
        self.init(
            tags: set.tags, banks: set.banks, modules: set.modules, runs: [PackedQuestions(set.questions)],
            plans: set.plans, sourceDigest: set.sourceDigest)
    }

    /// The number of questions.
    public var questionCount: Int { runs.reduce(0) { $0 + $1.count } }

    /// The set with every question decoded.
    ///
    /// - Complexity: O(n) for n bytes of questions.
    public func unpacked() -> QuestionSet {
        var questions: [Question] = []
        questions.reserveCapacity(questionCount)
        for run in runs {
            for position in 0..<run.count { questions.append(run[position]) }
        }
        return QuestionSet(
            tags: tags, banks: banks, modules: modules, questions: questions, plans: plans, sourceDigest: sourceDigest)
    }
}
