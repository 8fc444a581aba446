/// Everything the compiler lowers from `Banks/`: the input of the index writer and, read back,
/// what the engine works on.
///
/// Order is canonical: banks and questions in source order (files sorted by path, then by
/// position in the file), tags sorted by name, so the same sources give the same value.
public struct QuestionSet: Sendable, Hashable, Codable {
    public var tags: [TagInfo]
    public var banks: [BankInfo]
    public var modules: [CourseModule]
    public var questions: [Question]
    /// The mock-interview plans of `interviews.yaml`, in source order.
    public var plans: [InterviewPlan]
    /// A digest of the source files (paths and bytes), so readers can tell a stale index.
    public var sourceDigest: [UInt8]

    public init(
        tags: [TagInfo] = [], banks: [BankInfo] = [], modules: [CourseModule] = [],
        questions: [Question] = [], plans: [InterviewPlan] = [], sourceDigest: [UInt8] = []
    ) {
        self.tags = tags
        self.banks = banks
        self.modules = modules
        self.questions = questions
        self.plans = plans
        self.sourceDigest = sourceDigest
    }
}
