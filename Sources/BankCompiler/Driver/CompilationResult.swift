import QuizEngine

/// The outcome of checking or compiling a set of banks.
public struct CompilationResult: Sendable {
    /// Every problem found, sorted by file and position.
    public var diagnostics: [Diagnostic]
    /// The lowered banks, their questions packed, present only when there were no errors:
    /// what ``WorkingIndex/write(_:to:)`` writes.
    public var packedSet: PackedQuestionSet?
    /// The lowered banks with every question decoded, present only when there were no errors.
    ///
    /// - Complexity: O(n) for n bytes of questions, on every access.
    public var questionSet: QuestionSet? { packedSet?.unpacked() }
    /// How many source files were read.
    public var fileCount: Int

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
}
