import QuizEngine

/// One problem found in the sources, located like a compiler message.
///
/// Rendered as `path:line:col: error: message [code]`, followed by its notes.
public struct Diagnostic: Sendable, Hashable {
    /// How serious a problem is.
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error
        case warning
        case note

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs.rank < rhs.rank
        }

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }
    }

    /// A secondary location that explains the main one ("first defined here").
    public struct Note: Sendable, Hashable {
        public var location: SourceLocation
        public var message: String

        public init(location: SourceLocation, message: String) {
            self.location = location
            self.message = message
        }
    }

    public var severity: Severity
    public var location: SourceLocation
    /// A stable, kebab-case identifier of the rule, such as `unknown-field`.
    public var code: String
    public var message: String
    public var notes: [Note]

    public init(severity: Severity, location: SourceLocation, code: String, message: String, notes: [Note] = []) {
        self.severity = severity
        self.location = location
        self.code = code
        self.message = message
        self.notes = notes
    }

    /// Orders diagnostics by file, then position, then severity and text, so output is stable.
    static func sortsBefore(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
        if lhs.code != rhs.code { return lhs.code < rhs.code }
        return lhs.message.utf8.lexicographicallyPrecedes(rhs.message.utf8)
    }
}
