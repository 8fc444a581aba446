import QuizEngine

/// Renders diagnostics as compiler-style text: `path:line:col: error: message [code]`, the
/// source line with a caret under the column (when asked), then the notes.
public struct DiagnosticFormatter: Sendable {
    /// Whether to use ANSI colours.
    public var color: Bool
    /// Whether to show the source line and a caret.
    public var excerpts: Bool

    public init(color: Bool, excerpts: Bool) {
        self.color = color
        self.excerpts = excerpts
    }

    /// Formats one diagnostic; `sourceLine` returns a file's line (1-based) for excerpts.
    public func format(_ diagnostic: Diagnostic, sourceLine: (String, Int) -> String?) -> String {
        var output = header(
            diagnostic.location, diagnostic.severity.rawValue, diagnostic.message + " [\(diagnostic.code)]")
        output += excerpt(diagnostic.location, sourceLine: sourceLine)
        for note in diagnostic.notes {
            output += header(note.location, "note", note.message)
            output += excerpt(note.location, sourceLine: sourceLine)
        }
        return output
    }

    /// "3 errors, 1 warning in 12 files", or "no problems in 12 files".
    public static func summary(errors: Int, warnings: Int, files: Int) -> String {
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        let scope = "in \(plural(files, "file"))"
        if errors == 0 && warnings == 0 { return "no problems \(scope)" }
        return "\(plural(errors, "error")), \(plural(warnings, "warning")) \(scope)"
    }

    private func header(_ location: SourceLocation, _ severity: String, _ message: String) -> String {
        let place = paint("\(location.file):\(location.line):\(location.column):", "1")
        let style =
            switch severity {
            case "error": "1;31"
            case "warning": "1;35"
            default: "1;36"
            }
        return "\(place) \(paint(severity + ":", style)) \(message)\n"
    }

    private func excerpt(_ location: SourceLocation, sourceLine: (String, Int) -> String?) -> String {
        guard excerpts, let line = sourceLine(location.file, location.line) else { return "" }
        var pad = ""
        for (index, character) in line.enumerated() where index < location.column - 1 {
            pad.append(character == "\t" ? "\t" : " ")
        }
        return "  \(line)\n  \(pad)\(paint("^", "1;32"))\n"
    }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
