import Testing

@testable import QuizEngine

@Suite("Tag expression parser")
struct QueryParserTests {
    struct Valid: CustomTestStringConvertible, Sendable {
        var id: String
        var text: String
        var canonical: String
        var testDescription: String { id }
    }

    @Test(
        "parses and prints with minimal parentheses",
        arguments: [
            Valid(id: "single tag", text: "sorting", canonical: "sorting"),
            Valid(id: "and binds tighter than or", text: "a | b & c", canonical: "a | b & c"),
            Valid(id: "parentheses override", text: "(a | b) & c", canonical: "(a | b) & c"),
            Valid(id: "not binds tightest", text: "!a & b", canonical: "!a & b"),
            Valid(id: "not of a group", text: "!(a & b)", canonical: "!(a & b)"),
            Valid(id: "double negation cancels", text: "!!a", canonical: "a"),
            Valid(id: "spacing is free", text: "  a&b |\t!c ", canonical: "a & b | !c"),
            Valid(id: "nested and flattens", text: "a & (b & c)", canonical: "a & b & c"),
            Valid(id: "nested or flattens", text: "(a | b) | c", canonical: "a | b | c"),
            Valid(id: "redundant parentheses", text: "((a))", canonical: "a"),
            Valid(
                id: "tag characters", text: "soft-skills & c++ & v1.2 & a_b & c# & x/y & k:v",
                canonical: "soft-skills & c++ & v1.2 & a_b & c# & x/y & k:v"),
            Valid(id: "non-ASCII tag", text: "été | 字典", canonical: "été | 字典"),
        ])
    func valid(_ c: Valid) throws {
        #expect(try TagExpression(parsing: c.text).description == c.canonical)
    }

    @Test("the tree records precedence and each tag's column")
    func tree() throws {
        let e = try TagExpression(parsing: "a | b & !c")
        #expect(e == .or([.tag("a", column: 1), .and([.tag("b", column: 5), .not(.tag("c", column: 10))])]))
    }

    /// An invalid expression, a caret line marking the expected column (and span with `~`),
    /// and the expected message.
    struct Invalid: CustomTestStringConvertible, Sendable {
        var id: String
        var text: String
        var caret: String
        var code: TagExpressionError.Code = .syntax
        var message: String
        var testDescription: String { id }
    }

    @Test(
        "errors point at the problem",
        arguments: [
            Invalid(
                id: "operator after operator", text: "sorting & | easy",
                caret: "          ^", message: "expected a tag or '(' after '&', found '|'"),
            Invalid(
                id: "dangling operator", text: "a &",
                caret: "   ^", message: "expected a tag or '(' after '&', found the end of the expression"),
            Invalid(id: "leading operator", text: "| a", caret: "^", message: "expected a tag or '(', found '|'"),
            Invalid(id: "unclosed parenthesis", text: "(a | b", caret: "^", message: "'(' is never closed; add ')'"),
            Invalid(
                id: "inner unclosed parenthesis", text: "a & (b | (c)", caret: "    ^",
                message: "'(' is never closed; add ')'"),
            Invalid(id: "stray close", text: "a)", caret: " ^", message: "unexpected ')' without a matching '('"),
            Invalid(id: "empty group", text: "()", caret: " ^", message: "expected a tag or '(' after '(', found ')'"),
            Invalid(id: "missing operator", text: "a b", caret: "  ^", message: "expected '&' or '|' before 'b'"),
            Invalid(
                id: "word operator", text: "a and b", caret: "  ^~~",
                message: "expected '&' or '|' before 'and'; write '&' for 'and'"),
            Invalid(
                id: "doubled ampersand", text: "a && b", caret: "  ^~",
                message: "'&&' is not an operator; write a single '&'"),
            Invalid(
                id: "doubled bar", text: "a || b", caret: "  ^~", message: "'||' is not an operator; write a single '|'"
            ),
            Invalid(
                id: "bad character", text: "a, b", caret: " ^",
                message:
                    "unexpected character ','; tag expressions use tag names, '&' (and), '|' (or), '!' (not) and parentheses"
            ),
            Invalid(
                id: "lone not", text: "!", caret: " ^",
                message: "expected a tag or '(' after '!', found the end of the expression"),
            Invalid(
                id: "empty", text: "", caret: "^", message: "empty tag expression; write a tag name such as 'sorting'"),
            Invalid(
                id: "blank", text: "   ", caret: "   ^",
                message: "empty tag expression; write a tag name such as 'sorting'"),
        ])
    func invalid(_ c: Invalid) {
        let error = #expect(throws: TagExpressionError.self) { try TagExpression(parsing: c.text) }
        let span = c.caret.drop { $0 == " " }.count
        #expect(error?.code == c.code)
        #expect(error?.message == c.message)
        #expect(error?.column == c.caret.count - span + 1)
        #expect(error?.length == span)
        #expect(error?.expression == c.text)
    }

    @Test("the description shows the expression with a caret under the problem")
    func rendering() {
        let error = #expect(throws: TagExpressionError.self) { try TagExpression(parsing: "sorting & | easy") }
        #expect(error?.description == "expected a tag or '(' after '&', found '|'\n  sorting & | easy\n            ^")
        let tab = #expect(throws: TagExpressionError.self) { try TagExpression(parsing: "a\t&&b") }
        #expect(tab?.description == "'&&' is not an operator; write a single '&'\n  a &&b\n    ^~")
    }

    @Test("a long expression is shown as a window around the problem")
    func longRendering() {
        let text = (0..<200).map { "t\($0)" }.joined(separator: " & ") + " & | x"
        let error = #expect(throws: TagExpressionError.self) {
            try TagExpression(parsing: text, limits: .init(length: 10_000, terms: 1_000))
        }
        let lines = error?.description.split(separator: "\n", omittingEmptySubsequences: false) ?? []
        #expect(lines.count == 3)
        #expect(lines.count == 3 && lines[1].count <= 2 + 122)
        // The caret still sits under the '|'.
        if lines.count == 3, let caret = lines[2].firstIndex(of: "^") {
            let offset = lines[2].distance(from: lines[2].startIndex, to: caret)
            #expect(Array(lines[1])[offset] == "|")
        }
    }

    // MARK: Limits

    @Test("length: 1,000 characters parse, 1,001 are rejected at column 1,001")
    func lengthLimit() throws {
        let tag = String(repeating: "a", count: 1_000)
        #expect(try TagExpression(parsing: tag) == .tag(tag, column: 1))
        let error = #expect(throws: TagExpressionError.self) { try TagExpression(parsing: tag + "a") }
        #expect(error?.code == .tooLong)
        #expect(error?.column == 1_001)
        // A huge input fails fast on length, whatever it contains.
        let huge = String(repeating: "(", count: 1_000_000)
        #expect(throws: TagExpressionError.self) { try TagExpression(parsing: huge) }
    }

    @Test("terms: 64 parse, the 65th is rejected where it stands")
    func termLimit() throws {
        let names = (1...65).map { "t\($0)" }
        #expect(try TagExpression(parsing: names.prefix(64).joined(separator: "|")).termCount == 64)
        let text = names.joined(separator: "|")
        let error = #expect(throws: TagExpressionError.self) { try TagExpression(parsing: text) }
        #expect(error?.code == .tooManyTerms)
        #expect(error?.column == text.count - 2)
    }

    @Test("terms count over every expression of a query (repeated --tag)")
    func termLimitAcrossExpressions() throws {
        let forty = (1...40).map { "t\($0)" }.joined(separator: " & ")
        let conjunction = try TagExpression.conjunction(parsing: [forty, "x | y"])
        #expect(conjunction?.termCount == 42)
        let error = #expect(throws: TagExpressionError.self) {
            try TagExpression.conjunction(parsing: [forty, forty])
        }
        #expect(error?.code == .tooManyTerms)
        #expect(error?.expression == forty)
        #expect(try TagExpression.conjunction(parsing: []) == nil)
        #expect(try TagExpression.conjunction(parsing: ["a", "b | c"])?.description == "a & (b | c)")
    }

    @Test("depth: 16 levels of '(' or '!' parse, the 17th is rejected", arguments: ["(", "!", "!("])
    func depthLimit(opener: String) throws {
        func nested(_ levels: Int) -> String {
            let open = String(repeating: opener, count: levels)
            let close = String(repeating: ")", count: opener.filter { $0 == "(" }.count * levels)
            return open + "a" + close
        }
        let sixteen = opener == "!(" ? 8 : 16
        _ = try TagExpression(parsing: nested(sixteen))
        let error = #expect(throws: TagExpressionError.self) { try TagExpression(parsing: nested(sixteen + 1)) }
        #expect(error?.code == .tooDeep)
        #expect(error?.column == 17)
    }

    @Test("custom limits")
    func customLimits() {
        let limits = TagExpression.Limits(length: 5, terms: 2, depth: 1)
        #expect(throws: TagExpressionError.self) { try TagExpression(parsing: "a|b|c", limits: limits) }
        #expect(throws: TagExpressionError.self) { try TagExpression(parsing: "((a))", limits: limits) }
        #expect(throws: TagExpressionError.self) { try TagExpression(parsing: "abcdef", limits: limits) }
        #expect(throws: Never.self) { try TagExpression(parsing: "(a|b)", limits: limits) }
    }
}
