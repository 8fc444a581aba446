/// Restrictions on a draw beyond tags: question types, difficulties and banks. Each list
/// left empty allows everything; a non-empty list allows any of its values (so
/// `--type choice --type multi` draws both kinds). A question without a difficulty passes
/// only an empty difficulty list.
public struct QuestionFilter: Sendable, Hashable {
    public var types: [QuestionType]
    public var difficulties: [Difficulty]
    /// Bank (or course) ids, such as `behavioral`.
    public var banks: [String]

    public init(types: [QuestionType] = [], difficulties: [Difficulty] = [], banks: [String] = []) {
        self.types = types
        self.difficulties = difficulties
        self.banks = banks
    }

    /// Whether the filter lets every question through.
    public var isEmpty: Bool { types.isEmpty && difficulties.isEmpty && banks.isEmpty }
}
