import BankCompiler
import QuizEngine

#if canImport(Glibc)
import Glibc
#endif

/// Finds the index to read, in DESIGN.md's order: `--index PATH`, `$QUIZ_INDEX`,
/// `./Build/banks.qbx` (recompiled first when `./Banks` changed since it was built), then the
/// copy embedded in the binary, so `quiz` works from any directory.
enum IndexLocator {
    static let defaultPath = "Build/banks.qbx"
    static let defaultBanks = "Banks"

    enum LocatorError: Error, CustomStringConvertible {
        case staleAndBroken(errors: Int)
        case notFound

        var description: String {
            switch self {
            case .staleAndBroken(let errors):
                "Banks/ changed since \(defaultPath) was compiled, and recompiling found \(errors) error\(errors == 1 ? "" : "s") (above); fix them, or pass --index to read another index"
            case .notFound:
                "no index found: pass --index PATH, set QUIZ_INDEX, or run `quiz compile` in a folder with Banks/"
            }
        }
    }

    static func open(explicit: String?) throws -> QuestionIndex {
        if let explicit {
            return try QuestionIndex(contentsOf: explicit)
        }
        if let value = getenv("QUIZ_INDEX"), value.pointee != 0 {
            return try QuestionIndex(contentsOf: String(cString: value))
        }
        var info = stat()
        if stat(defaultPath, &info) == 0 {
            return try openWorkingCopy(modified: SourceLoader.nanoseconds(info.st_mtim))
        }
        if let embedded = try EmbeddedIndex.open() {
            return embedded
        }
        throw LocatorError.notFound
    }

    /// Opens `./Build/banks.qbx`, recompiling it first when `./Banks` holds newer sources than
    /// its digest describes. The check costs one `stat` per source; the digest is computed only
    /// when a source is newer than the index.
    private static func openWorkingCopy(modified indexTime: Int64) throws -> QuestionIndex {
        var index: QuestionIndex?
        do {
            index = try QuestionIndex(contentsOf: defaultPath)
        } catch {
            // A damaged or outdated index is rebuilt below when the sources are here.
            var info = stat()
            guard stat(defaultBanks, &info) == 0 else { throw error }
            StandardError.write("quiz: \(defaultPath) cannot be read (\(error)); recompiling \(defaultBanks)/\n")
            return try recompile()
        }
        var info = stat()
        guard let index, stat(defaultBanks, &info) == 0,
            let newest = try? SourceLoader.latestModification([defaultBanks]), newest > indexTime
        else { return index! }
        let sources = try SourceLoader.load([defaultBanks], maxFileBytes: YAMLLimits.standard.maxFileBytes)
        if Compiler.digest(of: sources.map(\.file)) == index.sourceDigest { return index }
        StandardError.write("quiz: \(defaultBanks)/ changed since \(defaultPath) was compiled; recompiling\n")
        return try recompile()
    }

    private static func recompile() throws -> QuestionIndex {
        let result = try Compiler().compile(paths: [defaultBanks])
        guard let set = result.questionSet else {
            DiagnosticReport(result: result, format: .text).print()
            throw LocatorError.staleAndBroken(errors: result.errorCount)
        }
        try IndexBuilder.write(set, to: defaultPath)
        return try QuestionIndex(contentsOf: defaultPath)
    }
}

/// The index compiled from the shipped banks, embedded in the binary at build time.
enum EmbeddedIndex {
    /// The embedded copy, or nil when the binary was built without `Build/banks.qbx`.
    static func open() throws -> QuestionIndex? {
        guard embeddedIndexByteCount > 0 else { return nil }
        return try QuestionIndex(base64: embeddedIndexBase64)
    }
}
