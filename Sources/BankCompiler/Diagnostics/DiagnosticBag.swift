import QuizEngine

/// Collects the diagnostics of one compilation, capping how many one file may report so a
/// hostile file cannot flood the output.
struct DiagnosticBag {
    /// The most diagnostics one file reports before the rest are summarised in one line.
    static let perFileLimit = 100

    private(set) var diagnostics: [Diagnostic] = []
    private var countByFile: [String: Int] = [:]
    private var suppressedByFile: [String: (location: SourceLocation, count: Int, errors: Int)] = [:]
    /// Every error reported, those past the cap included: callers compare it before and after
    /// a step in O(1) (counting `diagnostics` per question made 40k bad questions quadratic-ish).
    private(set) var errorCount = 0

    mutating func report(_ diagnostic: Diagnostic) {
        if diagnostic.severity == .error { errorCount += 1 }
        if suppressed(at: diagnostic.location, isError: diagnostic.severity == .error) { return }
        append(diagnostic)
    }

    private mutating func append(_ diagnostic: Diagnostic) {
        countByFile[diagnostic.location.file, default: 0] += 1
        diagnostics.append(diagnostic)
    }

    /// Counts a diagnostic past the file's limit, if it is; the message is then never built
    /// (a hostile file can raise 100k errors, and suggestions cost an edit distance each).
    private mutating func suppressed(at location: SourceLocation, isError: Bool) -> Bool {
        let file = location.file
        guard countByFile[file, default: 0] >= Self.perFileLimit else { return false }
        let previous = suppressedByFile[file]
        suppressedByFile[file] = (
            previous?.location ?? location, (previous?.count ?? 0) + 1, (previous?.errors ?? 0) + (isError ? 1 : 0)
        )
        return true
    }

    mutating func error(
        _ message: @autoclosure () -> DiagnosticMessage, at location: SourceLocation,
        notes: @autoclosure () -> [Diagnostic.Note] = []
    ) {
        errorCount += 1
        if suppressed(at: location, isError: true) { return }
        let message = message()
        append(
            Diagnostic(severity: .error, location: location, code: message.code, message: message.text, notes: notes()))
    }

    mutating func warning(
        _ message: @autoclosure () -> DiagnosticMessage, at location: SourceLocation,
        notes: @autoclosure () -> [Diagnostic.Note] = []
    ) {
        if suppressed(at: location, isError: false) { return }
        let message = message()
        append(
            Diagnostic(
                severity: .warning, location: location, code: message.code, message: message.text, notes: notes()))
    }

    /// Adds what `other` collected as if each of its reports had been made here, in order, after
    /// this bag's own: the per-file cap, the suppressed counts and their first locations come out
    /// exactly as one bag would have kept them.
    ///
    /// This is what lets files be checked concurrently, each into its own bag, and merged in path
    /// order. (`other` keeps the first 100 diagnostics of each file and counts the rest; replaying
    /// those 100 here caps them again against this bag's counts, then the rest are added.)
    ///
    /// - Complexity: O(d + f), where d and f are `other`'s diagnostics and suppressed files.
    mutating func absorb(_ other: DiagnosticBag) {
        errorCount += other.errorCount
        for diagnostic in other.diagnostics
        where !suppressed(at: diagnostic.location, isError: diagnostic.severity == .error) {
            append(diagnostic)
        }
        for (file, entry) in other.suppressedByFile {
            let previous = suppressedByFile[file]
            suppressedByFile[file] = (
                previous?.location ?? entry.location, (previous?.count ?? 0) + entry.count,
                (previous?.errors ?? 0) + entry.errors
            )
        }
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The diagnostics sorted by file and position, with one summary line per flooded file:
    /// an error when errors were among those not shown, else a warning (a file with many
    /// warnings and no error still compiles).
    func sorted() -> [Diagnostic] {
        var all = diagnostics
        for file in suppressedByFile.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let (location, count, errors) = suppressedByFile[file]!
            let message =
                errors > 0
                ? DiagnosticMessage.tooManyErrors(suppressed: count) : DiagnosticMessage.tooManyWarnings(suppressed: count)
            all.append(
                Diagnostic(
                    severity: errors > 0 ? .error : .warning, location: location, code: message.code,
                    message: message.text))
        }
        return all.sorted(by: Diagnostic.sortsBefore)
    }
}
