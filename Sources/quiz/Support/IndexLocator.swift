import QuizEngine

#if canImport(Glibc)
    import Glibc
#endif

/// Finds the index to read, in DESIGN.md's order.
enum IndexLocator {
    /// Where an index came from, for messages.
    enum Origin: Equatable {
        case explicit(String)
        case environment(String)
        case workingDirectory(String)
        case embedded
    }

    static let defaultPath = "Build/banks.qbx"

    static func open(explicit: String?) throws -> QuestionIndex {
        if let explicit {
            return try QuestionIndex(contentsOf: explicit)
        }
        if let value = getenv("QUIZ_INDEX"), value.pointee != 0 {
            return try QuestionIndex(contentsOf: String(cString: value))
        }
        var info = stat()
        if stat(defaultPath, &info) == 0 {
            return try QuestionIndex(contentsOf: defaultPath)
        }
        throw LocatorError.notFound
    }

    enum LocatorError: Error, CustomStringConvertible {
        case notFound
        var description: String {
            "no index found: pass --index PATH, set QUIZ_INDEX, or run `quiz compile` in a folder with Banks/"
        }
    }
}
