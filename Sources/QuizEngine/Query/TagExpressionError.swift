/// A problem with a tag expression, located at a column so it can be shown with a caret:
///
///     unknown tag 'sortng'; did you mean 'sorting'?
///       sortng & !easy
///       ^~~~~~
///
/// The ``description`` is exactly that: the message, then the expression and a caret line,
/// each indented by two spaces. Callers prefix it (`quiz: error: `).
public struct TagExpressionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem it is, for callers and tests that branch on it.
    public enum Code: String, Sendable, Hashable {
        /// The text does not follow the grammar.
        case syntax
        /// A tag name no question or declaration knows.
        case unknownTag
        /// Longer than ``TagExpression/Limits/length``.
        case tooLong
        /// More tag names than ``TagExpression/Limits/terms``.
        case tooManyTerms
        /// Nested deeper than ``TagExpression/Limits/depth``.
        case tooDeep
    }

    public var code: Code
    /// What is wrong and how to fix it, such as `expected a tag or '(' after '&', found '|'`.
    public var message: String
    /// The expression as the user wrote it.
    public var expression: String
    /// The 1-based column (in characters) of the problem; one past the end for a problem at
    /// the end.
    public var column: Int
    /// How many characters the problem spans (at least 1).
    public var length: Int

    public init(code: Code, message: String, expression: String, column: Int, length: Int = 1) {
        self.code = code
        self.message = message
        self.expression = expression
        self.column = column
        self.length = length
    }

    /// The message, the expression and a caret under the problem.
    public var description: String {
        // Show at most 120 characters around the problem, so a 1,000-character expression
        // stays readable; tabs and newlines become spaces to keep the caret aligned.
        let characters = Array(expression)
        let window = 120
        let start = max(0, min(column - 1 - window / 2, characters.count - window))
        let end = min(characters.count, start + window)
        var shown = String(characters[start..<end].map { $0.isWhitespace ? " " : $0 })
        var offset = column - 1 - start
        if start > 0 {
            shown = "…" + shown
            offset += 1
        }
        if end < characters.count { shown += "…" }
        let underline = "^" + String(repeating: "~", count: max(0, min(length, window) - 1))
        return "\(message)\n  \(shown)\n  \(String(repeating: " ", count: offset))\(underline)"
    }
}
