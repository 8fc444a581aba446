import QuizEngine
import Spelling

/// Reads the fields of one YAML mapping against the schema, reporting each problem once.
///
/// The schema is the authority on types: a text field takes any scalar verbatim, a boolean
/// only `true` or `false`, an integer only plain decimal digits. Nothing is resolved
/// implicitly, so `answer: no` is the text "no".
struct MappingReader {
    let document: YAMLDocument
    let node: Int
    /// What the mapping is ("question", "choice", "module").
    private let noun: String
    /// Whether messages name the mapping by its `id` field too.
    private let namedByID: Bool
    private var fields: [(name: String, key: Int, value: Int)] = []

    /// Returns nil (after reporting) when `node` is not a mapping.
    ///
    /// With `namedByID`, messages call it "\(context) '\(id)'" when it has a scalar `id`.
    init?(
        _ document: YAMLDocument, node: Int, context: String, namedByID: Bool = false, field: String,
        into bag: inout DiagnosticBag
    ) {
        guard Self.expect(.mapping, document, node, field: field, into: &bag) else { return nil }
        self.document = document
        self.node = node
        self.noun = context
        self.namedByID = namedByID
        // Keys and values alternate; a mapping of n entries has at least 2n descendants.
        fields.reserveCapacity(min(16, (Int(document[node].end) - node - 1) / 2))
        var children = document.children(of: node).makeIterator()
        while let key = children.next(), let value = children.next() {
            if document[key].kind == .scalar { fields.append((document.string(key), key, value)) }
        }
    }

    /// How messages name this mapping ("question 'cap-theorem'", "choice", "module").
    ///
    /// Built only when a message needs it: naming every question up front cost ~2% of a check.
    var context: String {
        guard namedByID, let id = value("id"), document[id].kind == .scalar else { return noun }
        return "\(noun) '\(document.string(id))'"
    }

    var location: SourceLocation { document.location(of: node) }
    var fieldNames: [String] { fields.map(\.name) }

    func has(_ name: String) -> Bool { fields.contains { $0.name == name } }

    /// The value node of a field (the first, when duplicated: duplicates are already reported).
    func value(_ name: String) -> Int? { fields.first { $0.name == name }?.value }

    func keyLocation(_ name: String) -> SourceLocation? {
        fields.first { $0.name == name }.map { document.location(of: $0.key) }
    }

    /// Reports fields outside `allowed`; `elsewhere` maps fields that belong to other question
    /// types to a more helpful message.
    func rejectUnknown(
        allowed: [String], suggestFrom candidates: [String]? = nil,
        elsewhere: (String) -> DiagnosticMessage? = { _ in nil }, into bag: inout DiagnosticBag
    ) {
        for field in fields where !allowed.contains(field.name) {
            // Built inside the call: past the bag's per-file cap the suggestion is never computed.
            bag.error(
                elsewhere(field.name)
                    ?? .unknownField(
                        field.name, in: context,
                        suggestion: Spelling.nearest(to: field.name, in: candidates ?? allowed)),
                at: document.location(of: field.key))
        }
    }

    func require(_ name: String, into bag: inout DiagnosticBag) -> Int? {
        guard let value = value(name) else {
            bag.error(.missingField(name, in: context), at: location)
            return nil
        }
        return value
    }

    /// A text field: any non-empty scalar, verbatim.
    func text(_ name: String, required: Bool = false, into bag: inout DiagnosticBag) -> String? {
        guard let value = required ? require(name, into: &bag) : value(name) else { return nil }
        return Self.text(document, value, field: name, into: &bag)
    }

    static func text(_ document: YAMLDocument, _ value: Int, field: String, into bag: inout DiagnosticBag) -> String? {
        guard expect(.scalar, document, value, field: field, into: &bag) else { return nil }
        guard document.hasVisibleText(value) else {
            bag.error(.emptyText(field), at: document.location(of: value))
            return nil
        }
        return document.string(value)
    }

    /// A list of non-empty texts.
    func textList(_ name: String, required: Bool = false, into bag: inout DiagnosticBag) -> [String]? {
        guard let value = required ? require(name, into: &bag) : value(name) else { return nil }
        guard Self.expect(.sequence, document, value, field: name, into: &bag) else { return nil }
        return document.children(of: value).compactMap { Self.text(document, $0, field: name, into: &bag) }
    }

    /// The items of a list field with their nodes, for fields whose items are mappings.
    func list(_ name: String, required: Bool = false, into bag: inout DiagnosticBag) -> [Int]? {
        guard let value = required ? require(name, into: &bag) : value(name) else { return nil }
        guard Self.expect(.sequence, document, value, field: name, into: &bag) else { return nil }
        return Array(document.children(of: value))
    }

    /// A boolean: exactly `true` or `false`, unquoted.
    func bool(_ name: String, required: Bool = false, into bag: inout DiagnosticBag) -> Bool? {
        guard let value = required ? require(name, into: &bag) : value(name) else { return nil }
        guard Self.expect(.scalar, document, value, field: name, into: &bag) else { return nil }
        let node = document[value]
        if node.style == .plain {
            if document.scalar(value, equals: "true") { return true }
            if document.scalar(value, equals: "false") { return false }
        }
        bag.error(.notBoolean(name, found: document.string(value)), at: document.location(of: value))
        return nil
    }

    /// A plain decimal integer, optionally signed.
    func integer(_ name: String, required: Bool = false, into bag: inout DiagnosticBag) -> Int? {
        guard let value = required ? require(name, into: &bag) : value(name) else { return nil }
        guard Self.expect(.scalar, document, value, field: name, into: &bag) else { return nil }
        let string = document.string(value)
        let digits = string.hasPrefix("-") ? string.dropFirst() : Substring(string)
        guard document[value].style == .plain, !digits.isEmpty, digits.count <= 18,
            digits.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(string)
        else {
            bag.error(.notInteger(name, found: string), at: document.location(of: value))
            return nil
        }
        return number
    }

    /// One of a fixed set of plain words.
    func enumeration<E: RawRepresentable & CaseIterable>(
        _ name: String, as type: E.Type, label: String, required: Bool = false, into bag: inout DiagnosticBag
    ) -> E? where E.RawValue == String {
        guard let value = required ? require(name, into: &bag) : value(name) else { return nil }
        guard Self.expect(.scalar, document, value, field: name, into: &bag) else { return nil }
        let string = document.string(value)
        if let result = E(rawValue: string) { return result }
        let allowed = E.allCases.map(\.rawValue)
        bag.error(
            .invalidEnum(
                label, value: string, allowed: allowed, suggestion: Spelling.nearest(to: string, in: allowed)),
            at: document.location(of: value))
        return nil
    }

    /// An identifier matching `[a-z0-9][a-z0-9-]*`.
    func identifier(_ name: String, label: String, required: Bool = true, into bag: inout DiagnosticBag) -> String? {
        guard let string = text(name, required: required, into: &bag) else { return nil }
        guard Identifier.isValid(string) else {
            bag.error(.invalidIdentifier(label, value: string), at: document.location(of: value(name)!))
            return nil
        }
        return string
    }

    /// Checks a node's kind, reporting "'field' must be a list, not a mapping" otherwise.
    static func expect(
        _ kind: YAMLNode.Kind, _ document: YAMLDocument, _ node: Int, field: String, into bag: inout DiagnosticBag
    ) -> Bool {
        let actual = document[node].kind
        if actual == kind { return true }
        if actual == .invalid { return false }  // already reported (an alias)
        bag.error(
            .wrongKind(field, expected: describe(kind, article: true), found: describe(actual, article: true)),
            at: document.location(of: node))
        return false
    }

    private static func describe(_ kind: YAMLNode.Kind, article: Bool) -> String {
        switch kind {
        case .scalar: "a single value"
        case .sequence: "a list"
        case .mapping: "a mapping of fields"
        case .invalid: "an alias"
        }
    }
}

/// The identifier rule shared by bank, course, module, question and tag names.
enum Identifier {
    /// Whether `string` matches `[a-z0-9][a-z0-9-]*`.
    static func isValid(_ string: String) -> Bool {
        guard let first = string.utf8.first, isLowerAlphanumeric(first) else { return false }
        return string.utf8.allSatisfy { isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }

    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
