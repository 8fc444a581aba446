import SortingCourse

extension TraceQuestionError.Code {
    /// An input given to an algorithm beyond sorting breaks its rules (see
    /// ``TracedAlgorithm/trace(_:)``).
    public static let invalidInput = Self(rawValue: "invalid-input")
    /// `min...max` holds fewer distinct values than the template's `size` needs.
    public static let rangeTooNarrow = Self(rawValue: "range-too-narrow")
}

// MARK: - Messages of the algorithms beyond sorting (the shared ones are SortingCourse's)

extension TraceQuestionError {
    static func invalidInput(_ message: String) -> Self {
        Self(code: .invalidInput, field: nil, message: message)
    }

    static func unknownTraceAlgorithm(_ name: String) -> Self {
        let suggestions = TracedAlgorithmCatalog.suggestions(for: name)
        return Self(
            code: .unknownAlgorithm, field: "algorithm",
            message: "unknown algorithm '\(name)'" + didYouMean(suggestions), suggestions: suggestions)
    }

    static func unknownStructureAsk(_ name: String, algorithm: TracedAlgorithm) -> Self {
        let suggestions = StructureAsk.parse(name) == nil ? [algorithm.ask.rawValue] : []
        return Self(
            code: TraceAsk(rawValue: name) == nil && StructureAsk.parse(name) == nil ? .unknownAsk : .askNotValid,
            field: "ask",
            message: "ask '\(name)' is not valid for '\(algorithm.name)'; it asks '\(algorithm.ask.rawValue)'",
            suggestions: suggestions)
    }

    static func unusedByStructure(_ field: String, algorithm: TracedAlgorithm) -> Self {
        Self(
            code: .unusedParameter, field: field,
            message: "'\(field)' is not used by ask '\(algorithm.ask.rawValue)' of '\(algorithm.name)'")
    }

    static func rangeTooNarrow(size: Int, min: Int, max: Int, algorithm: String) -> Self {
        Self(
            code: .rangeTooNarrow, field: "max",
            message: "'\(algorithm)' needs \(size) distinct values, but \(min)...\(max) holds only \(max - min + 1)")
    }
}
