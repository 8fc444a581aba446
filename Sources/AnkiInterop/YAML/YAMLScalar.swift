/// Text as a YAML scalar that quiz's compiler reads back as exactly that text: plain when
/// nothing in it could be read as syntax, a literal block (`|-`) when it spans lines, and
/// double-quoted otherwise.
///
///     YAMLScalar.inline("Tokyo")          // Tokyo
///     YAMLScalar.inline("key: value")     // "key: value"
enum YAMLScalar {
    /// Words YAML 1.1 or 1.2 resolve to booleans or null: quoted so no reader takes them as such.
    static let reserved: Set<String> = [
        "y", "n", "yes", "no", "true", "false", "on", "off", "null", "~",
    ]

    /// Whether `text` can be written plain in a block mapping value or sequence entry.
    ///
    /// - Complexity: O(n).
    static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if first == " " || last == " " || reserved.contains(text.lowercased()) { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
        if text.contains(": ") || text.contains(" #") || text.hasSuffix(":") { return false }
        if Double(text) != nil || text.hasPrefix("0x") || text.hasPrefix("0o") { return false }
        return text.unicodeScalars.allSatisfy(isPrintable)
    }

    /// `text` as a double-quoted scalar, with every character outside printable ASCII and
    /// common Unicode escaped.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case _ where !isPrintable(scalar):
                result += "\\u" + String(String(scalar.value, radix: 16).leftPadded(to: 4))
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// `text` on one line: plain when safe, else double-quoted.
    static func inline(_ text: String) -> String {
        isPlainSafe(text) ? text : quoted(text)
    }

    /// `text` as the value of a mapping key at `indent` spaces: inline when it is one line,
    /// else a literal block indented two more spaces. Returned with its leading space (or
    /// the block header), ready to follow `key:`.
    static func value(_ text: String, indent: Int) -> String {
        guard text.contains("\n") else { return " " + inline(text) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // A literal block cannot start with a space-indented line without an indentation
        // indicator, cannot hold trailing blank lines under `|-`, nor lines of only spaces
        // (they would change the block's indentation): those go double-quoted.
        let blockable =
            lines.first.map { !$0.hasPrefix(" ") && !$0.isEmpty } == true && lines.last?.isEmpty == false
            && lines.allSatisfy { line in !line.allSatisfy({ $0 == " " }) || line.isEmpty }
            && text.unicodeScalars.allSatisfy { $0 == "\n" || $0 == "\t" || isPrintable($0) }
            && !lines.contains { $0.hasSuffix(" ") || $0.hasSuffix("\t") }
        guard blockable else { return " " + quoted(text) }
        let padding = String(repeating: " ", count: indent + 2)
        return " |-\n" + lines.map { $0.isEmpty ? "" : padding + $0 }.joined(separator: "\n")
    }

    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x20 && scalar.value != 0x7f && !(0x80...0x9f).contains(scalar.value) && scalar.value != 0xfeff
            && scalar != "\u{2028}" && scalar != "\u{2029}"
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
