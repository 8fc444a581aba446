/// One node of a parsed YAML document, stored flat in ``YAMLDocument/nodes`` in pre-order.
///
/// A collection's children follow it directly; `end` is the index one past its last
/// descendant, so children are walked by jumping from one child's `end` to the next. Scalar
/// text lives in the document's shared byte buffer: no `String` is made until asked for.
struct YAMLNode: Sendable {
    enum Kind: UInt8, Sendable {
        case scalar
        case sequence
        case mapping
        /// An alias or another construct already reported as an error; validation skips it.
        case invalid
    }

    /// How a scalar was written; collections use `.block` or `.flow`.
    enum Style: UInt8, Sendable {
        case plain
        case singleQuoted
        case doubleQuoted
        case literal
        case folded
        case block
        case flow
    }

    var kind: Kind
    var style: Style
    /// 1-based line of the node's first character.
    var line: Int32
    /// 1-based column (in characters) of the node's first character.
    var column: Int32
    /// One past the index of the node's last descendant (itself + 1 for a scalar).
    var end: Int32
    var textStart: Int32
    var textLength: Int32
}
