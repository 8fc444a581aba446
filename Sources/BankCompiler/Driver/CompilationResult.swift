import QuizEngine

/// The outcome of checking or compiling a set of banks.
public struct CompilationResult: Sendable {
    /// Every problem found, sorted by file and position.
    public var diagnostics: [Diagnostic]
    /// The lowered banks, present only when there were no errors.
    public var questionSet: QuestionSet?
    /// How many source files were read.
    public var fileCount: Int

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
}
