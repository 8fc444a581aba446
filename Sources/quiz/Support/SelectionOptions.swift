import ArgumentParser
import QuizEngine

/// The options that choose questions, shared by `draw`, `practice` and `course practice`.
struct SelectionOptions: ParsableArguments {
    @Option(
        name: .customLong("tag"),
        help: ArgumentHelp(
            "A tag expression: names with & (and), | (or), ! (not) and parentheses; repeats are ANDed.",
            valueName: "expr"))
    var tags: [String] = []

    @Option(
        name: .customLong("type"), help: ArgumentHelp("Only questions of this type (repeatable).", valueName: "type"))
    var types: [QuestionType] = []

    @Option(
        name: .customLong("difficulty"),
        help: ArgumentHelp("Only questions of this difficulty (repeatable).", valueName: "level"))
    var difficulties: [Difficulty] = []

    @Option(
        name: .customLong("bank"), help: ArgumentHelp("Only questions of this bank (repeatable).", valueName: "bank"))
    var banks: [String] = []

    @Option(help: ArgumentHelp("Seed of the draw; the same seed replays the same questions.", valueName: "seed"))
    var seed: UInt64?

    /// The seed to use: the one given, or a fresh one from the system.
    var resolvedSeed: UInt64 { Self.resolve(seed) }

    /// `seed`, or a fresh one from the system, short enough to retype.
    static func resolve(_ seed: UInt64?) -> UInt64 {
        if let seed { return seed }
        var system = SystemRandomNumberGenerator()
        return system.next() % 1_000_000_000
    }

    /// Binds the tags and filters to `index`, printing a located error and exiting 2 when they
    /// do not fit it.
    func query(_ index: QuestionIndex) throws -> QuestionQuery {
        try Self.query(
            index, tags: tags, filter: QuestionFilter(types: types, difficulties: difficulties, banks: banks))
    }

    /// Binds tag expressions and a filter to `index`, or prints the located error and exits 2.
    static func query(
        _ index: QuestionIndex, tags: [String], filter: QuestionFilter = QuestionFilter()
    ) throws
        -> QuestionQuery
    {
        do {
            return try QuestionQuery(index: index, tags: tags, filter: filter)
        } catch {
            throw CommandFailure("\(error.description)")
        }
    }

    /// "tag behavioral · type choice", for headers.
    var summary: String {
        var parts: [String] = []
        if !tags.isEmpty { parts.append("tag " + tags.joined(separator: " & ")) }
        if !types.isEmpty { parts.append("type " + types.map(\.rawValue).joined(separator: ", ")) }
        if !difficulties.isEmpty { parts.append("difficulty " + difficulties.map(\.rawValue).joined(separator: ", ")) }
        if !banks.isEmpty { parts.append("bank " + banks.joined(separator: ", ")) }
        return parts.isEmpty ? "all questions" : parts.joined(separator: " · ")
    }
}

