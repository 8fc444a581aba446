/// Every diagnostic the compiler can emit: its stable code and its text, in one place.
///
/// Texts are lowercase, quote names in single quotes, and end with the fix when there is one.
struct DiagnosticMessage: Sendable, Hashable {
    let code: String
    let text: String

    init(_ code: String, _ text: String) {
        self.code = code
        self.text = text
    }

    static let firstDefinedHere = "first defined here"

    // MARK: Files and encoding

    static func fileTooLarge(bytes: Int, limit: Int) -> Self {
        .init(
            "file-too-large",
            "file is \(bytes) bytes, over the limit of \(limit); split it into several banks or raise --max-file-bytes")
    }
    static func wrongEncoding(_ encoding: String) -> Self {
        .init("encoding", "file is encoded as \(encoding); save it as UTF-8")
    }
    static func invalidUTF8(_ byte: UInt8) -> Self {
        .init("encoding", "invalid UTF-8 byte 0x\(hex(byte)); save the file as UTF-8")
    }
    static func controlCharacter(_ scalar: UInt32) -> Self {
        let name = scalar == 0 ? "NUL" : "U+\(hex(scalar, width: 4))"
        return .init(
            "control-character",
            "control character \(name) is not allowed; remove it (only tab and line breaks may appear)")
    }
    static func escapedControlCharacter(_ scalar: UInt32) -> Self {
        let name = scalar == 0 ? "NUL" : "U+\(hex(scalar, width: 4))"
        return .init("control-character", "escaped control character \(name) in a value; remove the escape")
    }
    static let strayByteOrderMark = Self("control-character", "byte-order mark inside the text; remove it")
    static let emptyFile = Self("empty-file", "file holds no YAML document; write a 'bank:' or 'course:' mapping")

    // MARK: YAML syntax and the accepted subset

    static func syntax(_ problem: String, hint: String?) -> Self {
        .init("syntax", hint.map { "\(problem); \($0)" } ?? problem)
    }
    static let syntaxHintTabIndent = "tabs may not indent YAML; indent with spaces"
    static let syntaxHintTabOnBlankLine =
        "this blank line holds a tab, which libyaml 0.2.5 rejects; delete the line's whitespace"
    static func syntaxHintTabSeparator(_ indicator: Character) -> String {
        "libyaml 0.2.5 rejects a tab after '\(indicator)' (YAML 1.2 allows it); write a space instead"
    }
    static let syntaxHintTabElsewhere = "libyaml 0.2.5 rejects a tab here; write spaces instead"
    static let multipleDocuments = Self(
        "multiple-documents",
        "a second YAML document in one file; remove the '---' and everything after it, or move it to its own file")
    static let tagDirective = Self("directive", "'%TAG' directives are not supported; remove the directive")
    static let anchor = Self("anchor", "anchors are not supported; write the value out in full")
    static let alias = Self("alias", "aliases are not supported; write the value out in full")
    static let mergeKey = Self("merge-key", "merge keys ('<<') are not supported; write the fields out in full")
    static func explicitTag(_ tag: String) -> Self {
        .init("explicit-tag", "explicit tag '\(tag)' is not supported; remove it (values are typed by the schema)")
    }
    static let complexKey = Self("complex-key", "mapping keys must be plain text")
    static func duplicateKey(_ key: String) -> Self { .init("duplicate-key", "duplicate key '\(key)'") }
    static func nestingTooDeep(limit: Int) -> Self {
        .init("too-deep", "nesting deeper than \(limit) levels; flatten the structure or raise --max-depth")
    }
    static func scalarTooLong(bytes: Int, limit: Int) -> Self {
        .init(
            "scalar-too-long",
            "value of \(bytes) bytes is over the limit of \(limit); shorten it or raise --max-scalar-bytes")
    }
    static func tooManyNodes(limit: Int) -> Self {
        .init("too-many-nodes", "file holds more than \(limit) YAML nodes; split it or raise --max-nodes")
    }
    static func tooManyWarnings(suppressed: Int) -> Self {
        .init("too-many-warnings", "\(suppressed) more warnings in this file not shown; fix the ones above first")
    }

    static func tooManyErrors(suppressed: Int) -> Self {
        .init("too-many-errors", "\(suppressed) more problems in this file not shown; fix the ones above first")
    }

    // MARK: Schema

    static func unknownField(_ field: String, in context: String, suggestion: String?) -> Self {
        .init("unknown-field", "unknown field '\(field)' in \(context)" + didYouMean(suggestion))
    }
    static func missingField(_ field: String, in context: String) -> Self {
        .init("missing-field", "\(context) is missing the required field '\(field)'")
    }
    static func wrongKind(_ field: String, expected: String, found: String) -> Self {
        .init("wrong-kind", "'\(field)' must be \(expected), not \(found)")
    }
    static func emptyText(_ field: String) -> Self {
        .init("empty-text", "'\(field)' is empty; write its text or remove the field")
    }
    static func notBoolean(_ field: String, found: String) -> Self {
        .init("not-boolean", "'\(field)' must be 'true' or 'false', not '\(found)'")
    }
    static func notInteger(_ field: String, found: String) -> Self {
        .init("not-integer", "'\(field)' must be a decimal integer, not '\(found)'")
    }
    static func notPositive(_ field: String, found: String) -> Self {
        .init("not-positive", "'\(field)' must be a positive integer, not '\(found)'")
    }
    static func invalidEnum(_ field: String, value: String, allowed: [String], suggestion: String?) -> Self {
        .init(
            "invalid-value",
            "'\(value)' is not a valid \(field); expected one of \(allowed.map { "'\($0)'" }.joined(separator: ", "))"
                + didYouMean(suggestion))
    }
    static func invalidIdentifier(_ field: String, value: String) -> Self {
        .init("invalid-id", "\(field) '\(value)' must match [a-z0-9][a-z0-9-]* (lowercase letters, digits and hyphens)")
    }
    static let notBankOrCourse = Self(
        "not-a-bank",
        "a bank file must start with 'bank:' or 'course:' (or be 'tags.yaml' with a 'tags:' mapping, or 'interviews.yaml' with 'plans:')"
    )
    static func outOfRange(_ field: String, value: Int, range: ClosedRange<Int>) -> Self {
        .init("out-of-range", "'\(field)' is \(value); write a number from \(range.lowerBound) to \(range.upperBound)")
    }
    static func emptyList(_ field: String, of owner: String) -> Self {
        .init("empty-list", "\(owner) has no \(field); list at least one")
    }

    // MARK: Interview plans

    static let noPlans = Self("empty-list", "'plans' is empty; define at least one plan or remove the file")
    static func duplicatePlan(_ name: String) -> Self { .init("duplicate-plan", "duplicate interview plan '\(name)'") }
    static func invalidSlotExpression(_ reason: String) -> Self {
        .init("invalid-expression", "invalid tag expression: \(reason)")
    }
    static func unknownSlotTag(_ name: String, suggestion: String?) -> Self {
        .init(
            "undeclared-tag",
            "tag '\(name)' in this slot is not declared in tags.yaml"
                + didYouMean(suggestion, otherwise: "; `quiz tags` lists the tags"))
    }
    static func unsatisfiableSlot(_ expression: String, matches: Int, count: Int) -> Self {
        .init(
            "unsatisfiable-slot",
            "'\(expression)' matches \(matches) question\(matches == 1 ? "" : "s"), fewer than the \(count) this slot asks for; lower 'count' or widen the expression"
        )
    }
    static let bothBankAndCourse = Self(
        "not-a-bank", "a file is either a bank ('bank:') or a course ('course:'), not both")
    static func duplicateBank(_ id: String) -> Self { .init("duplicate-bank", "duplicate bank id '\(id)'") }
    static func duplicateQuestion(_ id: String) -> Self { .init("duplicate-id", "duplicate question id '\(id)'") }
    static func duplicateModule(_ id: String) -> Self { .init("duplicate-module", "duplicate module id '\(id)'") }
    static func duplicateTag(_ name: String) -> Self { .init("duplicate-tag", "tag '\(name)' is listed twice") }
    static func undeclaredTag(_ name: String, suggestion: String?) -> Self {
        .init(
            "undeclared-tag",
            "tag '\(name)' is not declared in tags.yaml" + didYouMean(suggestion, otherwise: "; declare it there"))
    }
    static let missingTagsFile = Self(
        "missing-tags", "no tags.yaml found; create Banks/tags.yaml with a 'tags:' mapping of name: description")
    static func duplicateTagsFile(_ first: String) -> Self {
        .init("duplicate-tags-file", "a second tag vocabulary; tags are declared once, in '\(first)'")
    }
    static let noCorrectChoice = Self("no-correct-choice", "no choice is marked 'correct: true'; mark the right answer")
    static func choiceCorrectCount(_ count: Int) -> Self {
        .init(
            "choice-correct-count",
            "a 'choice' question needs exactly one correct choice, found \(count); use type 'multi' for several")
    }
    static let tooFewChoices = Self("too-few-choices", "a question needs at least two choices")
    static func duplicateChoice(_ text: String) -> Self { .init("duplicate-choice", "choice '\(text)' appears twice") }
    static let noAcceptedAnswer = Self(
        "no-accepted-answer", "a 'short' question needs at least one accepted answer in 'accept'")
    static let tooFewItems = Self("too-few-items", "an 'order' question needs at least two items")
    static func duplicateItem(_ text: String) -> Self {
        .init("duplicate-item", "item '\(text)' appears twice; the order would be ambiguous")
    }
    static let openNeedsGuidance = Self(
        "open-needs-guidance", "an 'open' question needs 'guidance' or 'rubric' to self-grade against")
    static func fieldNotForType(_ field: String, type: String) -> Self {
        .init("field-not-for-type", "'\(field)' does not apply to a '\(type)' question; remove it or change 'type'")
    }
    static func incompleteComplexity(_ missing: String) -> Self {
        .init("missing-field", "'complexity' is missing '\(missing)'; give best, average, worst and space")
    }
    static func unknownAlgorithm(_ name: String, suggestion: String?) -> Self {
        .init("unknown-algorithm", "no algorithm named '\(name)' in the sorting catalog" + didYouMean(suggestion))
    }
    static func propertyMismatch(_ property: String, declared: Bool, algorithm: String) -> Self {
        .init(
            "property-mismatch",
            "'\(property): \(declared)' contradicts the implementation of '\(algorithm)', which is \(declared ? "not " : "")\(property == "stable" ? "stable" : "in-place"); write '\(property): \(!declared)'"
        )
    }
    static func invalidTrace(_ reason: String) -> Self {
        .init("invalid-trace", "trace question cannot be answered: \(reason)")
    }
    static func duplicatePrompt(_ key: String) -> Self {
        .init("duplicate-prompt", "the same prompt as '\(key)'; reword one of them or remove the duplicate")
    }

    // MARK: Item writing (warnings: cues that let a learner answer without knowing)

    static func keyLengthCue(key: Int, longestDistractor: Int) -> Self {
        .init(
            "length-cue",
            "the correct option is \(key) characters, \(ratio(key, longestDistractor)) the longest distractor (\(longestDistractor)); "
                + "a learner who picks the longest option gets it right unread: tighten it, or give the distractors the same detail")
    }
    static func multiLengthCue(longer: Bool, correct: Int, wrong: Int) -> Self {
        .init(
            "length-cue",
            longer
                ? "every correct option is longer than every wrong one (\(correct)+ characters against at most \(wrong)); "
                    + "vary the lengths so the correct set cannot be read off them"
                : "every correct option is shorter than every wrong one (at most \(correct) characters against \(wrong)+); "
                    + "vary the lengths so the correct set cannot be read off them")
    }
    static func bankLengthCue(longest: Double, shortest: Double, chance: Double, questions: Int) -> Self {
        .init(
            "length-cue-bank",
            "picking the longest option answers \(percent(longest)) of the \(questions) choice questions and the shortest \(percent(shortest)), "
                + "against \(percent(chance)) by chance; keep both within 10 points of chance by varying which option is longest")
    }
    static func correctCountPattern(correct: Int, questions: Int, of total: Int) -> Self {
        .init(
            "correct-count-pattern",
            "\(questions) of the \(total) multi questions have exactly \(correct) correct options; vary the count (1 to n-1) "
                + "so no number covers more than half")
    }
    static func acceptedFormInPrompt(_ form: String) -> Self {
        .init(
            "answer-in-prompt",
            "the prompt contains the accepted answer '\(form)'; ask for the concept without naming it")
    }
    static func keyEchoesPrompt(_ words: [String]) -> Self {
        .init(
            "answer-in-prompt",
            "only the correct option repeats the prompt's words (\(words.map { "'\($0)'" }.joined(separator: ", "))); "
                + "reword the key or let the distractors share the prompt's vocabulary")
    }
    static func aboveOption(_ phrase: String) -> Self {
        .init(
            "above-option",
            "'\(phrase)' rewards partial knowledge and shuffles badly; replace it with a specific option")
    }
    static func negativeStem(_ word: String) -> Self {
        .init(
            "negative-stem",
            "the question asks with '\(word)', which readers miss; ask positively, or emphasise it as **\(word.uppercased())**")
    }
    static func nearDuplicate(_ key: String, similarity: Double) -> Self {
        .init(
            "near-duplicate",
            "nearly the same question as '\(key)' (\(percent(similarity)) of word triples shared); merge them or make them ask different things")
    }
    static let unterminatedCodeSpan = Self(
        "unterminated-code-span",
        "a code span opened with ` is not closed on this line; close it here, since spans split across lines render garbled")

    private static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }

    private static func ratio(_ a: Int, _ b: Int) -> String {
        let tenths = Int((Double(a) / Double(max(b, 1)) * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)x"
    }

    private static func didYouMean(_ suggestion: String?, otherwise: String = "") -> String {
        suggestion.map { "; did you mean '\($0)'?" } ?? otherwise
    }

    private static func hex<T: BinaryInteger>(_ value: T, width: Int = 2) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
