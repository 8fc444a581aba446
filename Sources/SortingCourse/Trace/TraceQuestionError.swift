/// Why a trace question template, or one of its instances, cannot be answered.
///
/// Every error names the template field it is about (`field`, the YAML key: `algorithm`,
/// `ask`, `pass`, `k`, `size`, `min`, `max`), or nil when the problem is the drawn
/// input, so a compiler can point at the right place. Match codes with `~=`:
///
///     do { _ = try TraceQuestion.answer(algorithm: "bubble-sort", ask: .arrayAfterPass,
///                                       pass: 9, input: [2, 1, 3]) }
///     catch TraceQuestionError.Code.passBeyondRun { print("draw another input") }
///     // Prints "draw another input"
public struct TraceQuestionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable, growable error code; `rawValue` is the diagnostic code, e.g. "ask-not-valid".
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The algorithm is not in the catalog.
        public static let unknownAlgorithm = Code(rawValue: "unknown-algorithm")
        /// The ask is not one of `TraceAsk`.
        public static let unknownAsk = Code(rawValue: "unknown-ask")
        /// The ask does not apply to the algorithm (e.g. `pivot-index` for bubble sort).
        public static let askNotValid = Code(rawValue: "ask-not-valid")
        /// A parameter the ask needs is missing (`pass`, `k`).
        public static let missingParameter = Code(rawValue: "missing-parameter")
        /// A parameter is given that this ask and algorithm never use.
        public static let unusedParameter = Code(rawValue: "unused-parameter")
        /// `pass` is below 1 or beyond the most passes the algorithm can make.
        public static let passOutOfRange = Code(rawValue: "pass-out-of-range")
        /// `k` is not in `1...size`.
        public static let kOutOfRange = Code(rawValue: "k-out-of-range")
        /// `size` is not in `2...16`.
        public static let sizeOutOfRange = Code(rawValue: "size-out-of-range")
        /// `min` or `max` is outside `-9999...9999`.
        public static let valueOutOfRange = Code(rawValue: "value-out-of-range")
        /// `min` is not less than `max`.
        public static let emptyRange = Code(rawValue: "empty-range")
        /// This input's run ends before the requested pass (another input may reach it).
        public static let passBeyondRun = Code(rawValue: "pass-beyond-run")
        /// The run made no partition (input of fewer than 2 values).
        public static let noPartition = Code(rawValue: "no-partition")
        /// No drawn input reached the requested pass.
        public static let unanswerable = Code(rawValue: "unanswerable")

        /// Whether `error` is a `TraceQuestionError` with this code.
        public static func ~= (code: Code, error: any Error) -> Bool {
            (error as? TraceQuestionError)?.code == code
        }
    }

    public var code: Code
    /// The template field at fault, or nil when the drawn input is.
    public var field: String?
    /// A lowercase message with names in single quotes, e.g.
    /// "ask 'pivot-index' is not valid for 'bubble-sort'".
    public var message: String
    /// Close names for an unknown algorithm or ask (already in `message`).
    public var suggestions: [String]

    public init(code: Code, field: String?, message: String, suggestions: [String] = []) {
        self.code = code
        self.field = field
        self.message = message
        self.suggestions = suggestions
    }

    public var description: String { message }
}

// MARK: - Messages (one place for their wording)

// `package`: the algorithms beyond sorting (AlgorithmTraces) word the same problems the same way.
extension TraceQuestionError {
    package static func didYouMean(_ suggestions: [String]) -> String {
        switch suggestions.count {
        case 0: ""
        case 1: "; did you mean '\(suggestions[0])'?"
        default:
            "; did you mean " + suggestions.dropLast().map { "'\($0)'" }.joined(separator: ", ")
                + " or '\(suggestions.last!)'?"
        }
    }

    package static func quoted(_ names: [String]) -> String {
        names.map { "'\($0)'" }.joined(separator: ", ")
    }

    static func unknownAlgorithm(_ name: String, suggestions: [String]) -> Self {
        Self(
            code: .unknownAlgorithm, field: "algorithm",
            message: "unknown algorithm '\(name)'" + didYouMean(suggestions), suggestions: suggestions)
    }

    static func unknownAsk(_ name: String, suggestions: [String]) -> Self {
        Self(
            code: .unknownAsk, field: "ask",
            message: "unknown ask '\(name)'" + didYouMean(suggestions)
                + (suggestions.isEmpty ? "; asks are " + quoted(TraceAsk.allCases.map(\.rawValue)) : ""),
            suggestions: suggestions)
    }

    static func askNotValid(_ ask: TraceAsk, algorithm: String) -> Self {
        let valid = AlgorithmCatalog.all.filter { ask.isValid(for: $0) }.map(\.name)
        return Self(
            code: .askNotValid, field: "ask",
            message: "ask '\(ask.rawValue)' is not valid for '\(algorithm)'; it is valid for "
                + (valid.count == AlgorithmCatalog.all.count - 1
                    ? "every algorithm but '\(AlgorithmCatalog.all.first { !ask.isValid(for: $0) }!.name)'"
                    : quoted(valid)))
    }

    static func missing(_ field: String, ask: TraceAsk, algorithm: String) -> Self {
        Self(
            code: .missingParameter, field: field,
            message: "ask '\(ask.rawValue)' of '\(algorithm)' needs '\(field)'")
    }

    static func unused(_ field: String, ask: TraceAsk, algorithm: String) -> Self {
        Self(
            code: .unusedParameter, field: field,
            message: "'\(field)' is not used by ask '\(ask.rawValue)' of '\(algorithm)'")
    }

    static func passBelowOne(_ pass: Int) -> Self {
        Self(code: .passOutOfRange, field: "pass", message: "'pass' must be at least 1, got \(pass)")
    }

    static func passBeyondMaximum(_ pass: Int, maximum: Int, algorithm: String, size: Int) -> Self {
        Self(
            code: .passOutOfRange, field: "pass",
            message: "'pass' \(pass) is beyond the last pass: '\(algorithm)' makes at most \(maximum) "
                + (maximum == 1 ? "pass" : "passes") + " on \(size) values")
    }

    static func passBeyondRun(_ pass: Int, passes: Int, algorithm: String) -> Self {
        Self(
            code: .passBeyondRun, field: nil,
            message: "'\(algorithm)' makes only \(passes) " + (passes == 1 ? "pass" : "passes")
                + " on this input; pass \(pass) does not exist")
    }

    static func kOutOfRange(k: Int, size: Int) -> Self {
        Self(
            code: .kOutOfRange, field: "k",
            message: size < 1 ? "'k' needs a non-empty input" : "'k' must be in 1...\(size) (the input size), got \(k)")
    }

    package static func sizeOutOfRange(_ size: Int) -> Self {
        Self(
            code: .sizeOutOfRange, field: "size",
            message:
                "'size' must be in \(TraceQuestion.sizeRange.lowerBound)...\(TraceQuestion.sizeRange.upperBound), got \(size)"
        )
    }

    static func valueOutOfRange(_ field: String, _ value: Int) -> Self {
        Self(
            code: .valueOutOfRange, field: field,
            message:
                "'\(field)' must be in \(TraceQuestion.valueRange.lowerBound)...\(TraceQuestion.valueRange.upperBound), got \(value)"
        )
    }

    static func emptyRange(min: Int, max: Int) -> Self {
        Self(
            code: .emptyRange, field: "max",
            message: "'min' must be less than 'max', got min \(min) and max \(max)")
    }

    static func noPartition(algorithm: String) -> Self {
        Self(code: .noPartition, field: nil, message: "'\(algorithm)' made no partition on this input")
    }

    static func unanswerable(attempts: Int, last: TraceQuestionError) -> Self {
        Self(
            code: .unanswerable, field: "pass",
            message: "no input of this template is answerable after \(attempts) draws (last: \(last.message))")
    }
}
