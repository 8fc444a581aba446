import BankCompiler
import Foundation
import QuizEngine

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
        if let path = ProcessInfo.processInfo.environment["QUIZ_INDEX"], !path.isEmpty {
            return try QuestionIndex(contentsOf: path)
        }
        if FileManager.default.fileExists(atPath: defaultPath) {
            return try openWorkingCopy()
        }
        if let embedded = try EmbeddedIndex.open() {
            return embedded
        }
        throw LocatorError.notFound
    }

    /// Opens `./Build/banks.qbx`, recompiled first when `./Banks` changed since it was built.
    private static func openWorkingCopy() throws -> QuestionIndex {
        do {
            let (index, notice) = try WorkingIndex.open(defaultPath, banks: defaultBanks)
            switch notice {
            case .recompiledStale?:
                StandardError.write("quiz: \(defaultBanks)/ changed since \(defaultPath) was compiled; recompiling\n")
            case .recompiledUnreadable(let reason)?:
                StandardError.write("quiz: \(defaultPath) cannot be read (\(reason)); recompiling \(defaultBanks)/\n")
            case nil:
                break
            }
            return index
        } catch WorkingIndex.OpenError.staleAndBroken(let result) {
            DiagnosticOutput.print(result, format: .text)
            throw LocatorError.staleAndBroken(errors: result.errorCount)
        } catch WorkingIndex.OpenError.unreadable(let error) {
            throw error
        }
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
