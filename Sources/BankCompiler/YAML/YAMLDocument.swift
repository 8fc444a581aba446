import QuizEngine

/// A parsed YAML file as a flat arena of nodes plus one buffer holding every scalar's bytes.
///
/// Built by ``YAMLParser``; read by the schema validator. Strings are made only on demand,
/// which keeps parsing close to libyaml's bare event scan.
struct YAMLDocument: Sendable {
    /// The path used in diagnostics.
    let file: String
    private(set) var nodes: [YAMLNode] = []
    private(set) var text: [UInt8] = []

    init(file: String) {
        self.file = file
    }

    /// The root node's index, if the document has one.
    var root: Int? { nodes.isEmpty ? nil : 0 }

    subscript(index: Int) -> YAMLNode { nodes[index] }

    func location(of index: Int) -> SourceLocation {
        let node = nodes[index]
        return SourceLocation(file: file, line: Int(node.line), column: Int(node.column))
    }

    /// The scalar's text, decoded as UTF-8 (the parser has already validated it).
    func string(_ index: Int) -> String {
        let node = nodes[index]
        let start = Int(node.textStart)
        return text.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<start + Int(node.textLength)]), as: UTF8.self)
        }
    }

    /// Whether the scalar's bytes equal `literal` exactly.
    func scalar(_ index: Int, equals literal: StaticString) -> Bool {
        let node = nodes[index]
        guard node.kind == .scalar, Int(node.textLength) == literal.utf8CodeUnitCount else { return false }
        let start = Int(node.textStart)
        return literal.withUTF8Buffer { expected in
            text.withUnsafeBufferPointer { buffer in
                buffer[start..<start + expected.count].elementsEqual(expected)
            }
        }
    }

    /// Whether the scalar holds anything but whitespace.
    func hasVisibleText(_ index: Int) -> Bool {
        let node = nodes[index]
        let start = Int(node.textStart)
        let end = start + Int(node.textLength)
        return text.withUnsafeBufferPointer { buffer in
            var position = start
            while position < end {
                switch buffer[position] {
                case 0x20, 0x09, 0x0A, 0x0D:
                    position += 1
                case 0xC2 where position + 1 < end && (buffer[position + 1] == 0xA0 || buffer[position + 1] == 0x85):
                    position += 2
                case 0x80...:
                    // Other Unicode spaces are rare: let Character decide from here on.
                    let rest = String(decoding: UnsafeBufferPointer(rebasing: buffer[position..<end]), as: UTF8.self)
                    return !rest.allSatisfy(\.isWhitespace)
                default:
                    return true
                }
            }
            return false
        }
    }

    /// Whether two scalars hold the same bytes.
    func scalarsEqual(_ a: Int, _ b: Int) -> Bool {
        let x = nodes[a]
        let y = nodes[b]
        guard x.textLength == y.textLength else { return false }
        let count = Int(x.textLength)
        return text.withUnsafeBufferPointer { buffer in
            buffer[Int(x.textStart)..<Int(x.textStart) + count]
                .elementsEqual(buffer[Int(y.textStart)..<Int(y.textStart) + count])
        }
    }

    /// The scalar's bytes, for hashing.
    func bytes(_ index: Int) -> ArraySlice<UInt8> {
        let node = nodes[index]
        return text[Int(node.textStart)..<Int(node.textStart + node.textLength)]
    }

    /// The direct children of a collection, in order (for a mapping: key, value, key, value …).
    func children(of index: Int) -> Children {
        Children(nodes: nodes, start: index + 1, end: Int(nodes[index].end))
    }

    /// The key and value indices of a mapping's entries, in order.
    func entries(of index: Int) -> [(key: Int, value: Int)] {
        var result: [(key: Int, value: Int)] = []
        var iterator = children(of: index).makeIterator()
        while let key = iterator.next(), let value = iterator.next() {
            result.append((key, value))
        }
        return result
    }

    /// Iterates a collection's direct children by jumping over each child's subtree.
    struct Children: Sequence {
        let nodes: [YAMLNode]
        let start: Int
        let end: Int

        struct Iterator: IteratorProtocol {
            let nodes: [YAMLNode]
            var position: Int
            let end: Int

            mutating func next() -> Int? {
                guard position < end else { return nil }
                defer { position = Int(nodes[position].end) }
                return position
            }
        }

        func makeIterator() -> Iterator { Iterator(nodes: nodes, position: start, end: end) }
    }

    // MARK: Building (used by the parser)

    mutating func reserve(nodes nodeCount: Int, textBytes: Int) {
        nodes.reserveCapacity(nodeCount)
        text.reserveCapacity(textBytes)
    }

    mutating func appendScalar(_ bytes: UnsafeBufferPointer<UInt8>, style: YAMLNode.Style, line: Int, column: Int) {
        let start = Int32(truncatingIfNeeded: text.count)
        text.append(contentsOf: bytes)
        nodes.append(
            YAMLNode(
                kind: .scalar, style: style, line: Int32(truncatingIfNeeded: line),
                column: Int32(truncatingIfNeeded: column), end: Int32(truncatingIfNeeded: nodes.count + 1),
                textStart: start, textLength: Int32(truncatingIfNeeded: bytes.count)))
    }

    mutating func appendInvalid(line: Int, column: Int) {
        nodes.append(
            YAMLNode(
                kind: .invalid, style: .plain, line: Int32(truncatingIfNeeded: line),
                column: Int32(truncatingIfNeeded: column), end: Int32(truncatingIfNeeded: nodes.count + 1),
                textStart: 0, textLength: 0))
    }

    /// Opens a collection; its `end` is set by ``close(_:)``.
    mutating func open(_ kind: YAMLNode.Kind, style: YAMLNode.Style, line: Int, column: Int) -> Int {
        nodes.append(
            YAMLNode(
                kind: kind, style: style, line: Int32(truncatingIfNeeded: line),
                column: Int32(truncatingIfNeeded: column), end: 0, textStart: 0, textLength: 0))
        return nodes.count - 1
    }

    mutating func close(_ index: Int) {
        nodes[index].end = Int32(truncatingIfNeeded: nodes.count)
    }
}
