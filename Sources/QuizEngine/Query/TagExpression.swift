/// A boolean expression over tag names, such as `sorting & !easy` or `(sql | nosql) & senior`.
///
/// Grammar (EBNF; whitespace is allowed between tokens and ignored):
///
///     expression = or ;
///     or         = and , { "|" , and } ;
///     and        = unary , { "&" , unary } ;
///     unary      = "!" , unary | primary ;
///     primary    = tag | "(" , expression , ")" ;
///     tag        = tag char , { tag char } ;
///     tag char   = letter | digit | "-" | "_" | "." | "+" | "#" | "/" | ":" ;
///
/// So `!` binds tightest, then `&`, then `|`: `a | b & !c` means `a | (b & (!c))`. A question
/// matches a tag when the tag is in its full tag set (its own, its module's and its bank's).
/// A difficulty (`easy`, `medium`, `hard`) that is not also a tag of the index matches the
/// questions of that difficulty, so `sorting & !easy` works as one would expect.
///
///     let expression = try TagExpression(parsing: "sorting & !easy")
///     print(expression)
///     // Prints "sorting & !easy"
///
/// Expressions are input like any other, so parsing is bounded by ``Limits``: length, number
/// of tag terms and nesting depth. Errors are ``TagExpressionError``s that point at the
/// offending column.
public indirect enum TagExpression: Sendable, Hashable, CustomStringConvertible {
    /// A tag name, with the 1-based column (in characters) where it starts in its source.
    case tag(String, column: Int)
    /// Questions that do not match the operand.
    case not(TagExpression)
    /// Questions matching every operand (two or more).
    case and([TagExpression])
    /// Questions matching at least one operand (two or more).
    case or([TagExpression])

    /// Bounds on what a parser accepts, so a hostile query cannot exhaust time or stack.
    public struct Limits: Sendable, Hashable {
        /// The most characters in one expression.
        public var length: Int
        /// The most tag names, counted over every expression of one query.
        public var terms: Int
        /// The deepest nesting of parentheses and `!`.
        public var depth: Int

        public init(length: Int = 1_000, terms: Int = 64, depth: Int = 16) {
            self.length = length
            self.terms = terms
            self.depth = depth
        }

        /// 1,000 characters, 64 terms, 16 levels.
        public static let `default` = Limits()
    }

    /// Parses `text` (see the grammar above).
    ///
    /// - Parameters:
    ///   - text: The expression, such as `sorting & !easy`.
    ///   - limits: The bounds to enforce.
    ///   - termsBefore: Terms already used by other expressions of the same query, which
    ///     count against `limits.terms`.
    /// - Throws: ``TagExpressionError`` with the column of the first problem.
    /// - Complexity: O(n), where n is the length of `text`.
    public init(parsing text: String, limits: Limits = .default, termsBefore: Int = 0) throws(TagExpressionError) {
        var parser = TagExpressionParser(text: text, limits: limits, termsBefore: termsBefore)
        self = try parser.parse()
    }

    /// Parses several expressions and joins them with `&`, as repeated `--tag` options are.
    ///
    /// - Returns: `nil` when `texts` is empty (every question matches).
    /// - Throws: ``TagExpressionError`` for the first expression with a problem; the term
    ///   limit counts the terms of all of them.
    public static func conjunction(
        parsing texts: [String], limits: Limits = .default
    ) throws(TagExpressionError) -> TagExpression? {
        var parts: [TagExpression] = []
        var terms = 0
        for text in texts {
            let part = try TagExpression(parsing: text, limits: limits, termsBefore: terms)
            terms += part.termCount
            parts.append(part)
        }
        switch parts.count {
        case 0: return nil
        case 1: return parts[0]
        default: return .and(parts.flatMap { if case .and(let inner) = $0 { inner } else { [$0] } })
        }
    }

    /// The number of tag names in the expression.
    public var termCount: Int {
        switch self {
        case .tag: 1
        case .not(let operand): operand.termCount
        case .and(let operands), .or(let operands): operands.reduce(0) { $0 + $1.termCount }
        }
    }

    /// The tag names, left to right (with repeats).
    public var tagNames: [String] {
        switch self {
        case .tag(let name, _): [name]
        case .not(let operand): operand.tagNames
        case .and(let operands), .or(let operands): operands.flatMap(\.tagNames)
        }
    }

    /// Whether a question carrying `tags` matches.
    ///
    /// - Complexity: O(t · log m) for t terms and m tags, when `tags` is a `Set`.
    public func matches(_ hasTag: (String) -> Bool) -> Bool {
        switch self {
        case .tag(let name, _): hasTag(name)
        case .not(let operand): !operand.matches(hasTag)
        case .and(let operands): operands.allSatisfy { $0.matches(hasTag) }
        case .or(let operands): operands.contains { $0.matches(hasTag) }
        }
    }

    /// The expression with minimal parentheses, such as `(a | b) & !c`.
    public var description: String { text(precedence: 0) }

    private func text(precedence: Int) -> String {
        switch self {
        case .tag(let name, _):
            return name
        case .not(let operand):
            return "!" + operand.text(precedence: 3)
        case .and(let operands):
            let body = operands.map { $0.text(precedence: 2) }.joined(separator: " & ")
            return precedence > 2 ? "(\(body))" : body
        case .or(let operands):
            let body = operands.map { $0.text(precedence: 1) }.joined(separator: " | ")
            return precedence > 1 ? "(\(body))" : body
        }
    }
}
