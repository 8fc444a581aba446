import QuizEngine

/// Runs one fuzz input through the tag-expression parser: as one expression under the default
/// and under tight limits, and as a query of several expressions (one per line).
///
/// Invariants: errors point inside the text or one past its end, with a span ≥ 1, and render;
/// a parsed expression prints (``TagExpression/description``) as text that parses back to an
/// expression that prints the same and matches the same tag sets.
public enum TagExpressionHarness {
    static let tight = TagExpression.Limits(length: 64, terms: 8, depth: 4)

    public static func check(_ bytes: [UInt8]) -> [String] {
        let text = String(decoding: bytes, as: UTF8.self)
        var problems: [String] = []
        for limits in [TagExpression.Limits.default, tight] {
            do {
                let expression = try TagExpression(parsing: text, limits: limits)
                problems += checkParsed(expression, limits: limits)
            } catch {
                problems += checkError(error, in: text, limits: limits)
            }
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        do {
            if let expression = try TagExpression.conjunction(parsing: lines) {
                _ = expression.description
                if expression.termCount > TagExpression.Limits.default.terms {
                    problems.append("conjunction of \(expression.termCount) terms passed the term limit")
                }
            }
        } catch {
            if !lines.contains(error.expression) { problems.append("conjunction error names no input expression") }
            _ = error.description
        }
        return problems
    }

    static func checkError(_ error: TagExpressionError, in text: String, limits: TagExpression.Limits) -> [String] {
        var problems: [String] = []
        let characters = text.count
        if error.column < 1 || error.column > characters + 1 {
            problems.append("error column \(error.column) outside 1...\(characters + 1): \(error.message)")
        }
        if error.length < 1 { problems.append("error span \(error.length) < 1") }
        if error.expression != text { problems.append("error quotes another expression") }
        _ = error.description
        return problems
    }

    static func checkParsed(_ expression: TagExpression, limits: TagExpression.Limits) -> [String] {
        var problems: [String] = []
        let names = expression.tagNames
        if names.count != expression.termCount { problems.append("tagNames and termCount disagree") }
        if expression.termCount > limits.terms { problems.append("\(expression.termCount) terms passed the limit") }
        if names.contains(where: \.isEmpty) { problems.append("an empty tag name") }
        let printed = expression.description
        guard
            let reparsed = try? TagExpression(
                parsing: printed, limits: .init(length: 1 << 20, terms: 1 << 20, depth: 1 << 10))
        else {
            return problems + ["description '\(printed)' does not parse"]
        }
        if reparsed.description != printed { problems.append("'\(printed)' reprints as '\(reparsed.description)'") }
        // Same truth table over the first few distinct names (all subsets).
        let distinct = Array(Set(names)).sorted().prefix(6)
        for mask in 0..<(1 << distinct.count) {
            let present = Set(distinct.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element))
            if expression.matches(present.contains) != reparsed.matches(present.contains) {
                problems.append("'\(printed)' and its reparse disagree on \(present.sorted())")
                break
            }
        }
        return problems
    }
}
