/// Why an index could not be written, opened or trusted.
///
/// Every message says what is wrong and, where the user can act, what to do. Match on
/// ``code`` to react programmatically:
///
///     do {
///         let index = try QuestionIndex(contentsOf: "Build/banks.qbx")
///     } catch where error.code == .newerFormat {
///         // ask the user to update quiz
///     }
public struct IndexError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem.
    public enum Code: String, Sendable, Hashable {
        /// The file could not be opened, read, written or renamed.
        case io
        /// The bytes do not start with the index magic.
        case notAnIndex
        /// The index was written by a newer quiz: a newer major version or a required feature.
        case newerFormat
        /// The file is shorter (or longer) than its header says.
        case truncated
        /// A checksum does not match: the bytes changed after they were written.
        case checksumMismatch
        /// The structure is inconsistent (bounds, order, counts), although checksums match.
        case malformed
        /// The question set cannot be encoded (a duplicate key, a value out of range, too large).
        case invalidInput
    }

    public var code: Code
    public var message: String
    /// The file concerned, when the index was read from or written to a path.
    public var path: String?

    public init(_ code: Code, _ message: String, path: String? = nil) {
        self.code = code
        self.message = message
        self.path = path
    }

    public var description: String {
        if let path { return "\(path): \(message)" }
        return message
    }

    func at(_ path: String) -> IndexError {
        var copy = self
        copy.path = path
        return copy
    }
}

extension IndexError {
    static let rebuild = "rebuild with `quiz compile`"

    static func io(_ what: String, _ path: String, errno e: Int32) -> IndexError {
        IndexError(.io, "cannot \(what): \(systemErrorMessage(e))", path: path)
    }

    static func notAnIndex(_ detail: String) -> IndexError {
        IndexError(.notAnIndex, "not a quiz index (\(detail)); \(rebuild)")
    }

    static func textMangled() -> IndexError {
        IndexError(
            .notAnIndex,
            "not a quiz index: its line endings were converted by a text-mode transfer; copy it as binary or \(rebuild)"
        )
    }

    static func newerMajor(_ major: UInt16, _ minor: UInt16) -> IndexError {
        IndexError(
            .newerFormat,
            "index built by a newer quiz (format \(major).\(minor)); this quiz reads format \(IndexFormat.major).x: "
                + "update quiz or \(rebuild)"
        )
    }

    static func unknownFeatures(_ bits: UInt64) -> IndexError {
        IndexError(
            .newerFormat,
            "index needs features this quiz does not know (bits 0x\(String(bits, radix: 16))); "
                + "update quiz or \(rebuild)"
        )
    }

    static func unknownSection(_ name: String) -> IndexError {
        IndexError(
            .newerFormat,
            "index has a required section '\(name)' this quiz does not know; update quiz or \(rebuild)"
        )
    }

    static func truncated(actual: Int, expected: UInt64) -> IndexError {
        let verb = UInt64(actual) < expected ? "truncated" : "has trailing bytes"
        return IndexError(
            .truncated,
            "index \(verb): \(groupedDigits(actual)) bytes, header says \(groupedDigits(expected)); \(rebuild)"
        )
    }

    static func tooShort(_ actual: Int) -> IndexError {
        IndexError(
            .truncated,
            "index truncated: \(groupedDigits(actual)) bytes, "
                + "shorter than its \(IndexFormat.headerSize)-byte header; \(rebuild)"
        )
    }

    static func checksum(_ what: String) -> IndexError {
        IndexError(.checksumMismatch, "\(what) checksum mismatch: the file is damaged; \(rebuild)")
    }

    static func malformed(_ what: String) -> IndexError {
        IndexError(.malformed, "index malformed: \(what); the file is damaged; \(rebuild)")
    }

    static func invalidInput(_ what: String) -> IndexError {
        IndexError(.invalidInput, "cannot encode index: \(what)")
    }
}
