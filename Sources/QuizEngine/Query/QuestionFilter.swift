/// Restrictions on a draw beyond tags: question types, difficulties, banks and course modules. Each list
/// left empty allows everything; a non-empty list allows any of its values (so
/// `--type choice --type multi` draws both kinds). A question without a difficulty passes
/// only an empty difficulty list.
public struct QuestionFilter: Sendable, Hashable {
    public var types: [QuestionType]
    public var difficulties: [Difficulty]
    /// Bank (or course) ids, such as `behavioral`.
    public var banks: [String]
    /// Course module ids, such as `merge-sort`.
    public var modules: [String]

    public init(
        types: [QuestionType] = [], difficulties: [Difficulty] = [], banks: [String] = [], modules: [String] = []
    ) {
        self.types = types
        self.difficulties = difficulties
        self.banks = banks
        self.modules = modules
    }

    /// Whether the filter lets every question through.
    public var isEmpty: Bool { types.isEmpty && difficulties.isEmpty && banks.isEmpty && modules.isEmpty }
}
