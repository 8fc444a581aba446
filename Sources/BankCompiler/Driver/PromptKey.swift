import QuizEngine

/// A question's prompt as the duplicate-prompt check compares it: normalised without case,
/// spaces or punctuation (``AnswerNormalizer``), with its hash computed once.
///
/// Keys are made where a file is lowered, on that file's worker, so the serial linker only
/// probes its table with them. (Hashing an `[UInt8]` feeds the hasher byte by byte; that and
/// normalising cost the linker about a tenth of a whole check.)
struct PromptKey: Hashable, Sendable {
    let bytes: [UInt8]
    /// `bytes` hashed in one call; the process-wide seed makes it valid on any thread.
    let hash: Int

    init(prompt: String) {
        bytes = AnswerNormalizer.normalizedBytes(prompt)
        var hasher = Hasher()
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        hash = hasher.finalize()
    }

    static func == (lhs: PromptKey, rhs: PromptKey) -> Bool {
        lhs.hash == rhs.hash && lhs.bytes == rhs.bytes
    }

    /// Feeds the precomputed hash only: a dictionary of keys hashes one word per lookup.
    func hash(into hasher: inout Hasher) {
        hasher.combine(hash)
    }
}
