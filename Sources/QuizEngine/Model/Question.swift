/// One question as the engine sees it: lowered from YAML, stored in the index, drawn,
/// graded and scheduled.
public struct Question: Sendable, Hashable, Codable {
    /// The stable key `bank/id` that review history hangs on.
    public var key: String { "\(bank)/\(id)" }
    /// The bank (or course) id.
    public var bank: String
    /// The question id, unique in its bank.
    public var id: String
    public var type: QuestionType
    /// The prompt (markdown).
    public var prompt: String
    /// The answer of a `flashcard`.
    public var answer: String?
    /// The accepted answers of a `short` question.
    public var accept: [String]
    /// The options of a `choice` or `multi` question, in source order.
    public var choices: [Choice]
    /// The items of an `order` question, in the correct order.
    public var items: [String]
    /// What a strong answer to an `open` question shows (markdown).
    public var guidance: String?
    /// Self-check lines for an `open` question.
    public var rubric: [String]
    /// Shown after answering (markdown).
    public var explanation: String?
    /// The full tag set: the question's own, its module's and its bank's, sorted and unique.
    public var tags: [String]
    public var difficulty: Difficulty?
    /// Where the question came from (free text, such as `seed`).
    public var source: String?
    /// References (URLs, books, standards).
    public var refs: [String]
    /// Bumped by authors when the meaning changes; the store then resets the card's state.
    public var revision: Int
    /// The course module the question belongs to, if any.
    public var module: String?
    /// The generator of a `trace` question.
    public var trace: TraceTemplate?
    /// Where the question is defined.
    public var location: SourceLocation

    public init(
        bank: String, id: String, type: QuestionType, prompt: String,
        answer: String? = nil, accept: [String] = [], choices: [Choice] = [], items: [String] = [],
        guidance: String? = nil, rubric: [String] = [], explanation: String? = nil,
        tags: [String] = [], difficulty: Difficulty? = nil, source: String? = nil,
        refs: [String] = [], revision: Int = 1, module: String? = nil,
        trace: TraceTemplate? = nil, location: SourceLocation
    ) {
        self.bank = bank
        self.id = id
        self.type = type
        self.prompt = prompt
        self.answer = answer
        self.accept = accept
        self.choices = choices
        self.items = items
        self.guidance = guidance
        self.rubric = rubric
        self.explanation = explanation
        self.tags = tags
        self.difficulty = difficulty
        self.source = source
        self.refs = refs
        self.revision = revision
        self.module = module
        self.trace = trace
        self.location = location
    }
}
