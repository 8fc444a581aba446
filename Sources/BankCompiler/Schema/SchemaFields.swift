import QuizEngine

/// The field names of schema v1, per kind of mapping: the one list the validator, the
/// did-you-mean suggestions and the JSON Schema test agree on.
enum SchemaFields {
    static let vocabulary = ["tags"]
    static let bank = ["bank", "title", "description", "tags", "questions"]
    static let course = ["course", "title", "description", "tags", "modules"]
    static let module = ["id", "title", "algorithm", "lesson", "complexity", "stable", "in-place", "tags", "questions"]
    static let complexity = ["best", "average", "worst", "space"]
    static let choice = ["text", "correct", "why", "fixed"]
    static let interviews = ["plans"]
    static let plan = ["title", "description", "stages"]
    static let stage = ["title", "interviewer", "looks-for", "minutes", "slots"]
    static let slot = ["tags", "count"]

    /// Fields every question may carry.
    static let common = ["id", "type", "prompt", "tags", "difficulty", "explanation", "source", "refs", "revision"]

    /// Fields specific to each question type.
    static func specific(to type: QuestionType) -> [String] {
        switch type {
        case .flashcard: ["answer"]
        case .choice, .multi: ["choices"]
        case .short: ["accept"]
        case .open: ["guidance", "rubric"]
        case .order: ["items"]
        case .trace: ["algorithm", "ask", "pass", "k", "size", "min", "max"]
        }
    }

    /// Every question field of any type.
    static let allQuestionFields: [String] = {
        var fields = common
        for type in QuestionType.allCases {
            for field in specific(to: type) where !fields.contains(field) { fields.append(field) }
        }
        return fields
    }()
}
