import BankCompiler
import QuizEngine

/// A compilation's diagnostics as text (with excerpts and colour where asked) or as the JSON
/// contract of DESIGN.md.
public enum DiagnosticReport {
    /// `{"diagnostics":[{"file","line","column","severity","code","message","notes"}],"errors","warnings"}`.
    public static func json(_ result: CompilationResult) -> JSON {
        let diagnostics = result.diagnostics.map { diagnostic -> JSON in
            .object([
                ("file", .string(diagnostic.location.file)),
                ("line", .int(diagnostic.location.line)),
                ("column", .int(diagnostic.location.column)),
                ("severity", .string(diagnostic.severity.rawValue)),
                ("code", .string(diagnostic.code)),
                ("message", .string(diagnostic.message)),
                (
                    "notes",
                    .array(
                        diagnostic.notes.map {
                            .object([
                                ("file", .string($0.location.file)), ("line", .int($0.location.line)),
                                ("column", .int($0.location.column)), ("message", .string($0.message)),
                            ])
                        })
                ),
            ])
        }
        return JSON.object([
            ("diagnostics", .array(diagnostics)),
            ("errors", .int(result.errorCount)),
            ("warnings", .int(result.warningCount)),
        ])
    }

    /// Every diagnostic in compiler style, then the summary line.
    public static func text(_ result: CompilationResult, color: Bool, excerpts: Bool) -> String {
        let formatter = DiagnosticFormatter(color: color, excerpts: excerpts)
        var lines = SourceLines()
        var output = ""
        for diagnostic in result.diagnostics {
            output += formatter.format(diagnostic) { file, line in lines.line(file, line) }
        }
        return output
            + DiagnosticFormatter.summary(
                errors: result.errorCount, warnings: result.warningCount, files: result.fileCount) + "\n"
    }
}

/// Reads source lines for excerpts, each file at most once.
struct SourceLines {
    private var cache: [String: [Substring]] = [:]

    mutating func line(_ file: String, _ number: Int) -> String? {
        if cache[file] == nil {
            guard let text = try? readText(file) else { return nil }
            cache[file] = text.split(separator: "\n", omittingEmptySubsequences: false)
        }
        guard let lines = cache[file], number >= 1, number <= lines.count else { return nil }
        let line = lines[number - 1]
        return String(line.hasSuffix("\r") ? line.dropLast() : line)
    }

    private func readText(_ path: String) throws -> String {
        guard let loaded = try? SourceLoader.load([path], maxFileBytes: 8 << 20).first else { return "" }
        return String(decoding: loaded.file.bytes, as: UTF8.self)
    }
}
