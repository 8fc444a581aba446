/// A recursive-descent parser for ``TagExpression`` (its doc comment has the grammar).
///
/// One function per grammar rule; each consumes tokens from a lexer that tracks 1-based
/// character columns, so every error can point at its place. Recursion is bounded by
/// ``TagExpression/Limits/depth``, which counts `(` and `!` levels.
struct TagExpressionParser {
    private struct Token {
        enum Kind: Equatable {
            case name(String)
            case and, or, not, open, close, end
        }
        var kind: Kind
        /// 1-based column (in characters) of the token's first character.
        var column: Int
        var length: Int
    }

    private let text: String
    private let characters: [Character]
    private let limits: TagExpression.Limits
    private var position = 0
    private var terms: Int
    private var depth = 0
    private var current: Token

    init(text: String, limits: TagExpression.Limits, termsBefore: Int) {
        self.text = text
        // Bounded below by the length check in parse(); one extra character is enough to
        // report "too long" without copying a huge string.
        characters = Array(text.prefix(limits.length + 1))
        self.limits = limits
        terms = termsBefore
        current = Token(kind: .end, column: 1, length: 0)
    }

    mutating func parse() throws(TagExpressionError) -> TagExpression {
        if characters.count > limits.length {
            throw error(
                .tooLong,
                "tag expression is longer than \(limits.length) characters; shorten it or split it into several --tag options",
                column: limits.length + 1, length: 1)
        }
        current = try lex()
        if current.kind == .end {
            throw error(.syntax, "empty tag expression; write a tag name such as 'sorting'", at: current)
        }
        let expression = try parseOr()
        switch current.kind {
        case .end:
            return expression
        case .close:
            throw error(.syntax, "unexpected ')' without a matching '('", at: current)
        case .name(let name):
            let hint =
                switch name.lowercased() {
                case "and": "; write '&' for 'and'"
                case "or": "; write '|' for 'or'"
                case "not": "; write '!' for 'not'"
                default: ""
                }
            throw error(.syntax, "expected '&' or '|' before '\(name)'\(hint)", at: current)
        case .not:
            throw error(.syntax, "expected '&' or '|' before '!'", at: current)
        case .open:
            throw error(.syntax, "expected '&' or '|' before '('", at: current)
        case .and, .or:
            throw error(.syntax, "unexpected \(describe(current))", at: current)  // unreachable: consumed above
        }
    }

    // MARK: Rules

    /// or = and , { "|" , and } ;
    private mutating func parseOr(after previous: Token? = nil) throws(TagExpressionError) -> TagExpression {
        var operands = [try parseAnd(after: previous)]
        while current.kind == .or {
            let bar = current
            current = try lex()
            if current.kind == .or {
                throw error(.syntax, "'||' is not an operator; write a single '|'", column: bar.column, length: 2)
            }
            operands.append(try parseAnd(after: bar))
        }
        return operands.count == 1 ? operands[0] : .or(operands.flatMap { if case .or(let o) = $0 { o } else { [$0] } })
    }

    /// and = unary , { "&" , unary } ;
    private mutating func parseAnd(after previous: Token? = nil) throws(TagExpressionError) -> TagExpression {
        var operands = [try parseUnary(after: previous)]
        while current.kind == .and {
            let ampersand = current
            current = try lex()
            if current.kind == .and {
                throw error(.syntax, "'&&' is not an operator; write a single '&'", column: ampersand.column, length: 2)
            }
            operands.append(try parseUnary(after: ampersand))
        }
        return operands.count == 1
            ? operands[0] : .and(operands.flatMap { if case .and(let a) = $0 { a } else { [$0] } })
    }

    /// unary = "!" , unary | primary ;
    private mutating func parseUnary(after previous: Token?) throws(TagExpressionError) -> TagExpression {
        guard current.kind == .not else { return try parsePrimary(after: previous) }
        let bang = current
        try enter(bang)
        current = try lex()
        let operand = try parseUnary(after: bang)
        depth -= 1
        if case .not(let inner) = operand { return inner }  // !!a is a
        return .not(operand)
    }

    /// primary = tag | "(" , expression , ")" ;
    private mutating func parsePrimary(after previous: Token?) throws(TagExpressionError) -> TagExpression {
        switch current.kind {
        case .name(let name):
            terms += 1
            if terms > limits.terms {
                throw error(
                    .tooManyTerms, "too many tags in the query (more than \(limits.terms)); simplify the expression",
                    at: current)
            }
            let tag = TagExpression.tag(name, column: current.column)
            current = try lex()
            return tag
        case .open:
            let open = current
            try enter(open)
            current = try lex()
            let inner = try parseOr(after: open)
            guard current.kind == .close else {
                throw error(.syntax, "'(' is never closed; add ')'", at: open)
            }
            depth -= 1
            current = try lex()
            return inner
        default:
            let after = previous.map { " after \(describe($0))" } ?? ""
            throw error(.syntax, "expected a tag or '('\(after), found \(describe(current))", at: current)
        }
    }

    private mutating func enter(_ token: Token) throws(TagExpressionError) {
        depth += 1
        if depth > limits.depth {
            throw error(
                .tooDeep, "tag expression is nested more than \(limits.depth) levels deep; simplify it", at: token)
        }
    }

    // MARK: Lexer

    private static func isTagCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || "-_.+#/:".contains(c)
    }

    private static func startsWithCombiningMark(_ c: Character) -> Bool {
        switch c.unicodeScalars.first!.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    private mutating func lex() throws(TagExpressionError) -> Token {
        while position < characters.count, characters[position].isWhitespace { position += 1 }
        let column = position + 1
        guard position < characters.count else { return Token(kind: .end, column: column, length: 1) }
        let c = characters[position]
        let single: Token.Kind? =
            switch c {
            case "&": .and
            case "|": .or
            case "!": .not
            case "(": .open
            case ")": .close
            default: nil
            }
        if let single {
            position += 1
            return Token(kind: single, column: column, length: 1)
        }
        // A combining mark standing alone (after a line break, say) would fuse with the space
        // or operator printed before it, so `description` would not parse back: refuse it.
        guard Self.isTagCharacter(c), !Self.startsWithCombiningMark(c) else {
            throw error(
                .syntax,
                "unexpected character '\(c)'; tag expressions use tag names, '&' (and), '|' (or), '!' (not) and parentheses",
                column: column, length: 1)
        }
        let start = position
        while position < characters.count, Self.isTagCharacter(characters[position]) { position += 1 }
        // Appended one by one: `String(characters[start..<position])` is a generic init whose
        // first call costs a conformance scan (~50 µs), on every `quiz draw --tag`.
        var name = ""
        for character in characters[start..<position] { name.append(character) }
        return Token(kind: .name(name), column: column, length: position - start)
    }

    private func describe(_ token: Token) -> String {
        switch token.kind {
        case .name(let name): "'\(name)'"
        case .and: "'&'"
        case .or: "'|'"
        case .not: "'!'"
        case .open: "'('"
        case .close: "')'"
        case .end: "the end of the expression"
        }
    }

    private func error(_ code: TagExpressionError.Code, _ message: String, at token: Token) -> TagExpressionError {
        error(code, message, column: token.column, length: token.length)
    }

    private func error(
        _ code: TagExpressionError.Code, _ message: String, column: Int, length: Int
    ) -> TagExpressionError {
        TagExpressionError(code: code, message: message, expression: text, column: column, length: max(1, length))
    }
}
