/// One option of a `choice` or `multi` question.
public struct Choice: Sendable, Hashable, Codable {
    /// The text shown to the learner (markdown).
    public var text: String
    /// Whether picking this option is right.
    public var isCorrect: Bool
    /// Why this option is wrong (or right), shown after answering.
    public var why: String?
    /// Whether the option keeps its position when choices are shuffled.
    public var isFixed: Bool

    public init(text: String, isCorrect: Bool = false, why: String? = nil, isFixed: Bool = false) {
        self.text = text
        self.isCorrect = isCorrect
        self.why = why
        self.isFixed = isFixed
    }
}
