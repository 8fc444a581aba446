#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import QuizEngine

/// The index of a working folder (`Build/banks.qbx` beside `Banks/`): written with this tool's
/// versions, and opened after recompiling it when the banks changed since it was built.
public enum WorkingIndex {
    /// What opening found, besides the index itself.
    public enum Notice: Sendable, Equatable {
        /// The banks changed since the index was compiled; it was recompiled.
        case recompiledStale
        /// The index could not be read (the message says why); it was recompiled.
        case recompiledUnreadable(String)
    }

    /// Why the working index cannot be opened.
    public enum OpenError: Error {
        /// The banks changed, and recompiling them found errors (the result holds them).
        case staleAndBroken(CompilationResult)
        /// The index cannot be read and there are no banks to rebuild it from.
        case unreadable(IndexError)
    }

    /// Writes `set` to `path` with this tool's compiler and schema versions, creating the
    /// folders on the way: the one place `quiz` builds indexes.
    public static func write(_ set: QuestionSet, to path: String) throws {
        try write(PackedQuestionSet(set), to: path)
    }

    /// Writes the packed `set` to `path`, as ``write(_:to:)-(QuestionSet,_)`` does; given the
    /// only reference to `set`, the writer frees each file's questions once it has read them.
    public static func write(_ set: consuming PackedQuestionSet, to path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw CompilerError(path: folder.path, reason: "cannot create the folder (\(error))")
        }
        try IndexWriter(compilerVersion: "quiz \(QuizVersion.tool)", schemaVersion: QuizVersion.schema).write(
            consume set, to: path)
    }

    /// Opens the index at `indexPath`, recompiling it from `banks` first when it cannot be
    /// read or when a source is newer than it and the sources' digest differs from its own.
    /// The check costs one `stat` per source; the digest is computed only when a source is
    /// newer than the index.
    public static func open(_ indexPath: String, banks: String) throws -> (index: QuestionIndex, notice: Notice?) {
        let banksExist = FileManager.default.fileExists(atPath: banks)
        let index: QuestionIndex
        do {
            index = try QuestionIndex(contentsOf: indexPath)
        } catch {
            // A damaged or outdated index is rebuilt when the sources are here.
            guard banksExist else { throw OpenError.unreadable(error) }
            return (try recompile(banks, to: indexPath), .recompiledUnreadable("\(error)"))
        }
        guard banksExist, let built = try? SourceLoader.latestModification([indexPath]),
            let newest = try? SourceLoader.latestModification([banks]), newest > built
        else { return (index, nil) }
        let sources = try SourceLoader.load([banks], maxFileBytes: YAMLLimits.standard.maxFileBytes)
        if Compiler.digest(of: sources.map(\.file)) == index.sourceDigest { return (index, nil) }
        return (try recompile(banks, to: indexPath), .recompiledStale)
    }

    private static func recompile(_ banks: String, to indexPath: String) throws -> QuestionIndex {
        var result = try Compiler().compile(paths: [banks])
        guard let set = result.packedSet else { throw OpenError.staleAndBroken(result) }
        result.packedSet = nil
        try write(consume set, to: indexPath)
        return try QuestionIndex(contentsOf: indexPath)
    }
}
