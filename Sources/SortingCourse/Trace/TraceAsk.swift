import Spelling
/// What a trace question asks the learner to predict.
public enum TraceAsk: String, Sendable, Hashable, Codable, CaseIterable {
    /// The array right after pass `pass` (1-based).
    case arrayAfterPass = "array-after-pass"
    /// How many passes the run makes.
    case passes
    /// How many times the run calls the comparison predicate.
    case comparisons
    /// How many `swapAt` exchanges of two different positions the run makes.
    case swaps
    /// The final offset (0-based) of the first partition's pivot.
    case pivotIndex = "pivot-index"
    /// The k-th smallest value (k 1-based).
    case kthSmallest = "kth-smallest"

    /// Whether this ask applies to the algorithm, as in the table of the trace contract.
    public func isValid(for entry: AlgorithmEntry) -> Bool {
        switch self {
        case .arrayAfterPass, .passes: entry.kind != .selection
        case .comparisons: entry.kind != .integer
        case .swaps: entry.swapsElements
        case .pivotIndex: entry.placesFirstPivot
        case .kthSmallest: entry.kind == .selection
        }
    }

    /// Parses an ask, or throws an error suggesting the closest asks.
    public static func parse(_ text: String) throws(TraceQuestionError) -> TraceAsk {
        if let ask = TraceAsk(rawValue: text) { return ask }
        let suggestions = Spelling.suggestions(for: text, among: allCases.map(\.rawValue))
        throw .unknownAsk(text, suggestions: suggestions)
    }
}

/// The answer to a trace question: an array or a number.
public enum TraceAnswer: Hashable, Sendable, CustomStringConvertible {
    case array([Int])
    case number(Int)

    /// The answer as a learner would type it: "2 4 5 1 3 6" or "7".
    public var description: String {
        switch self {
        case .array(let values): values.map(String.init).joined(separator: " ")
        case .number(let value): String(value)
        }
    }

    /// Whether a typed reply means this answer. Arrays may be written with spaces and/or
    /// commas, optionally in brackets (`2 4 5`, `2,4,5`, `[2, 4, 5]`); numbers as one integer.
    public func accepts(_ reply: String) -> Bool {
        guard let parsed = Self.parse(reply) else { return false }
        switch (self, parsed) {
        case (.array(let a), .array(let b)): return a == b
        case (.number(let a), .array(let b)): return b == [a]
        default: return false
        }
    }

    /// The integers of a reply as an array, or nil when it holds anything else.
    static func parse(_ reply: String) -> TraceAnswer? {
        var text = Substring(reply).drop { $0.isWhitespace }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        if text.first == "[" && text.last == "]" { text = text.dropFirst().dropLast() }
        let parts = text.split(whereSeparator: { $0 == "," || $0.isWhitespace })
        var values: [Int] = []
        for part in parts {
            guard let value = Int(part) else { return nil }
            values.append(value)
        }
        return values.isEmpty ? nil : .array(values)
    }
}

extension TraceAnswer: Codable {
    /// Encoded as a JSON array or a JSON number.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .array(let values): try container.encode(values)
        case .number(let value): try container.encode(value)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Int.self) {
            self = .number(value)
        } else {
            self = .array(try container.decode([Int].self))
        }
    }
}
