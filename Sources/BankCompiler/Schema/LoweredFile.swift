import QuizEngine

/// What one source file contributes once validated and lowered.
struct LoweredFile {
    enum Content {
        /// `tags.yaml`: the declared tags, with where each was declared.
        case vocabulary([(tag: TagInfo, location: SourceLocation)])
        /// `interviews.yaml`: the mock-interview plans, their slots' expressions unchecked.
        case plans([InterviewPlan])
        /// A bank or a course, its questions packed on the file's worker.
        case bank(BankInfo, modules: [CourseModule], questions: PackedQuestions)
    }

    var content: Content
    /// The duplicate-prompt key of each question in a bank's `content`, in order; nil for
    /// `trace` questions, whose prompts are templates and never compared.
    private(set) var promptKeys: [PromptKey?] = []
    /// The near-duplicate shingles of each question, hashed on the file's worker.
    private(set) var shingles = ShingleTable()
    /// The bank's test-wiseness figures, measured on the file's worker.
    private(set) var itemStatistics = BankItemStatistics([])
    /// Every tag the file uses, where it uses it, to check against the vocabulary.
    var tagReferences = TagReferences()
    /// Trace templates with their locations, to check against the sorting catalog.
    var traceReferences:
        [(template: QuizEngine.TraceTemplate, location: SourceLocation, fields: [String: SourceLocation])] = []
    /// Module algorithms with their locations and declared properties.
    var moduleReferences:
        [(
            module: CourseModule, algorithmLocation: SourceLocation, stableLocation: SourceLocation,
            inPlaceLocation: SourceLocation
        )] = []

    /// Keys, shingles and counts `question`, which the file's bank will hold: done as each
    /// question is lowered, on the file's worker, while the question is at hand.
    mutating func record(_ question: borrowing Question) {
        promptKeys.append(question.type == .trace ? nil : PromptKey(prompt: question.prompt))
        shingles.append(question)
        itemStatistics.add(question)
    }

    /// Makes the file a bank (or course) of `questions`, each of which was ``record(_:)``ed,
    /// packing them: a packed bank takes about half the memory of its `Question` values.
    mutating func setBank(_ info: BankInfo, modules: [CourseModule], questions: [Question]) {
        precondition(promptKeys.count == questions.count, "every question of the bank was recorded")
        shingles.seal()
        content = .bank(info, modules: modules, questions: PackedQuestions(questions))
    }
}
