import CLibYAML
import QuizEngine

/// Drives libyaml's event API into a flat ``YAMLDocument``, enforcing the schema's YAML
/// subset and the ``YAMLLimits`` as events arrive.
///
/// libyaml resolves nothing for us: aliases stay unresolved, tags are reported, and duplicate
/// keys (which libyaml accepts) are caught here. Never `yaml_parser_load`, whose alias
/// handling is quadratic.
///
/// - Complexity: O(n) in the file's bytes; every event is handled once, and the depth cap
///   stops libyaml's quadratic behaviour on deep flow nesting early.
struct YAMLParser: ~Copyable {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    /// The bytes libyaml reads (after any byte-order mark), to explain a syntax error by its context.
    private let input: UnsafeRawBufferPointer
    private let file: String
    private let limits: YAMLLimits

    /// Parses `bytes` (which must outlive the call) into a document, reporting every problem
    /// to `bag`. Returns nil when the file could not be parsed at all.
    static func parse(
        _ bytes: UnsafeRawBufferPointer, file: String, limits: YAMLLimits, into bag: inout DiagnosticBag
    ) -> YAMLDocument? {
        guard bytes.count > 0 else {
            bag.error(.emptyFile, at: SourceLocation(file: file, line: 1, column: 1))
            return nil
        }
        guard SourceScanner.scan(bytes, file: file, into: &bag) else { return nil }
        let parser = YAMLParser(bytes, file: file, limits: limits)
        return parser.run(estimatedBytes: bytes.count, into: &bag)
    }

    private init(_ bytes: UnsafeRawBufferPointer, file: String, limits: YAMLLimits) {
        parser = .allocate(capacity: 1)
        yaml_parser_initialize(parser)
        // The scanner has accepted a UTF-8 byte-order mark; libyaml, told the encoding, would read it as text.
        let skip = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        yaml_parser_set_input_string(
            parser, bytes.baseAddress!.assumingMemoryBound(to: UInt8.self) + skip, bytes.count - skip)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        input = UnsafeRawBufferPointer(rebasing: bytes[skip...])
        self.file = file
        self.limits = limits
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
    }

    private func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    private consuming func run(estimatedBytes: Int, into bag: inout DiagnosticBag) -> YAMLDocument? {
        var document = YAMLDocument(file: file)
        document.reserve(nodes: min(estimatedBytes / 12, limits.maxNodes), textBytes: estimatedBytes)
        var stack: [Int] = []
        var documents = 0
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(parser, &event) != 0 else {
                reportSyntaxError(into: &bag)
                return nil
            }
            defer { yaml_event_delete(&event) }
            let start = event.start_mark
            let line = Int(start.line) + 1
            let column = Int(start.column) + 1
            switch event.type {
            case YAML_STREAM_START_EVENT:
                continue
            case YAML_STREAM_END_EVENT:
                if documents == 0 {
                    bag.error(.emptyFile, at: location(start))
                    return nil
                }
                return document
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    bag.error(.multipleDocuments, at: location(start))
                    return document
                }
                if event.data.document_start.tag_directives.start != event.data.document_start.tag_directives.end {
                    bag.error(.tagDirective, at: location(start))
                }
                continue
            case YAML_DOCUMENT_END_EVENT:
                continue
            default:
                break
            }

            if document.nodes.count >= limits.maxNodes {
                bag.error(.tooManyNodes(limit: limits.maxNodes), at: location(start))
                return nil
            }

            switch event.type {
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                checkProperties(anchor: scalar.anchor, tag: scalar.tag, at: start, into: &bag)
                if scalar.length > limits.maxScalarBytes {
                    bag.error(.scalarTooLong(bytes: scalar.length, limit: limits.maxScalarBytes), at: location(start))
                    return nil
                }
                let value = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
                if scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE, let control = Self.firstEscapedControl(value) {
                    // Only double-quoted escapes (`"\0"`, `"\x01"`, `"\x7F"`, `"\u0080"`) can smuggle these past the source scan.
                    bag.error(.escapedControlCharacter(control), at: location(start))
                }
                document.appendScalar(
                    value,
                    style: Self.style(of: scalar.style), line: line, column: column)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                if isMapping {
                    let data = event.data.mapping_start
                    checkProperties(anchor: data.anchor, tag: data.tag, at: start, into: &bag)
                } else {
                    let data = event.data.sequence_start
                    checkProperties(anchor: data.anchor, tag: data.tag, at: start, into: &bag)
                }
                if stack.count >= limits.maxDepth {
                    bag.error(.nestingTooDeep(limit: limits.maxDepth), at: location(start))
                    return nil
                }
                let isFlow =
                    isMapping
                    ? event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                    : event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
                stack.append(
                    document.open(
                        isMapping ? .mapping : .sequence, style: isFlow ? .flow : .block, line: line, column: column))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let index = stack.removeLast()
                document.close(index)
                if document[index].kind == .mapping {
                    checkKeys(of: index, in: document, into: &bag)
                }
            case YAML_ALIAS_EVENT:
                bag.error(.alias, at: location(start))
                document.appendInvalid(line: line, column: column)
            default:
                continue
            }
        }
    }

    private func reportSyntaxError(into bag: inout DiagnosticBag) {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "invalid YAML"
        var notes: [Diagnostic.Note] = []
        var message = problem
        if let context = state.context.map({ String(cString: $0) }) {
            let contextLocation = location(state.context_mark)
            notes.append(Diagnostic.Note(location: contextLocation, message: context))
            message = "\(context): \(problem)"
        }
        var problemMark = state.problem_mark
        if state.error == YAML_READER_ERROR {
            // Reader errors carry a byte offset, not a line; our scanner reports those cases first.
            problemMark.line = 0
            problemMark.column = 0
        }
        let mentionsTab = problem.contains("cannot start any token") || problem.contains("tab character")
        let hint = mentionsTab ? tabHint(at: Int(state.problem_mark.index)) : nil
        bag.error(.syntax(message, hint: hint), at: location(problemMark), notes: notes)
    }

    /// What to write instead of the tab at byte `offset`, named by where it stands: libyaml
    /// 0.2.5 rejects tabs that YAML 1.2 allows as separators, so "indentation" is not always the word.
    private func tabHint(at offset: Int) -> String? {
        guard offset >= 0, offset < input.count, input[offset] == UInt8(ascii: "\t") else { return nil }
        var start = offset
        while start > 0, input[start - 1] != UInt8(ascii: "\n") { start -= 1 }
        var end = offset
        while end < input.count, input[end] != UInt8(ascii: "\n"), input[end] != UInt8(ascii: "\r") { end += 1 }
        let isBlank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        let before = input[start..<offset]
        if before.allSatisfy(isBlank) {
            return input[offset..<end].allSatisfy(isBlank)
                ? DiagnosticMessage.syntaxHintTabOnBlankLine : DiagnosticMessage.syntaxHintTabIndent
        }
        let last = before.last(where: { !isBlank($0) })
        if last == UInt8(ascii: "-") || last == UInt8(ascii: ":") {
            return DiagnosticMessage.syntaxHintTabSeparator(Character(UnicodeScalar(last!)))
        }
        return DiagnosticMessage.syntaxHintTabElsewhere
    }

    private func checkProperties(
        anchor: UnsafeMutablePointer<yaml_char_t>?, tag: UnsafeMutablePointer<yaml_char_t>?, at mark: yaml_mark_t,
        into bag: inout DiagnosticBag
    ) {
        if anchor != nil {
            bag.error(.anchor, at: location(mark))
        }
        if let tag {
            let name = String(cString: tag)
            if name != "tag:yaml.org,2002:str" {
                bag.error(.explicitTag(name), at: location(mark))
            }
        }
    }

    /// Reports duplicate keys, merge keys and non-scalar keys of a finished mapping.
    ///
    /// - Complexity: O(k²) byte comparisons for small mappings, O(k) expected above 16 keys.
    private func checkKeys(of mapping: Int, in document: YAMLDocument, into bag: inout DiagnosticBag) {
        var scalarKeys: [Int] = []
        // Keys and values alternate; a mapping of n entries has at least 2n descendants.
        scalarKeys.reserveCapacity(min(32, (Int(document[mapping].end) - mapping - 1) / 2))
        var children = document.children(of: mapping).makeIterator()
        while let key = children.next(), children.next() != nil {
            switch document[key].kind {
            case .scalar:
                if document[key].style == .plain, document.scalar(key, equals: "<<") {
                    bag.error(.mergeKey, at: document.location(of: key))
                }
                scalarKeys.append(key)
            case .sequence, .mapping:
                bag.error(.complexKey, at: document.location(of: key))
            case .invalid:
                break
            }
        }
        func duplicate(_ key: Int, of first: Int) {
            bag.error(
                .duplicateKey(document.string(key)), at: document.location(of: key),
                notes: [
                    Diagnostic.Note(location: document.location(of: first), message: DiagnosticMessage.firstDefinedHere)
                ])
        }
        if scalarKeys.count <= 16 {
            for (position, key) in scalarKeys.enumerated() {
                if let first = scalarKeys[..<position].first(where: { document.scalarsEqual($0, key) }) {
                    duplicate(key, of: first)
                }
            }
        } else {
            var seen: [ArraySlice<UInt8>: Int] = [:]
            for key in scalarKeys {
                let bytes = document.bytes(key)
                if let first = seen[bytes] {
                    duplicate(key, of: first)
                } else {
                    seen[bytes] = key
                }
            }
        }
    }

    /// The first character of a double-quoted scalar's decoded value that the source scan
    /// refuses when written raw: C0 controls (tab and line feed aside), DEL and C1 controls
    /// (NEL aside).
    private static func firstEscapedControl(_ value: UnsafeBufferPointer<UInt8>) -> UInt32? {
        var index = 0
        while index < value.count {
            let byte = value[index]
            if (byte < 0x20 && byte != 0x09 && byte != 0x0A) || byte == 0x7F { return UInt32(byte) }
            if byte == 0xC2, index + 1 < value.count, (0x80...0x9F).contains(value[index + 1]), value[index + 1] != 0x85
            {
                return UInt32(value[index + 1])
            }
            index += 1
        }
        return nil
    }

    private static func style(of style: yaml_scalar_style_t) -> YAMLNode.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }
}
