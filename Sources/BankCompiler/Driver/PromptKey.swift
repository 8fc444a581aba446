import QuizEngine

/// A question's prompt as the duplicate-prompt check compares it: normalised without case,
/// spaces or punctuation (``AnswerNormalizer``), then hashed once.
///
/// Keys are made where a file is lowered, on that file's worker, so the serial linker only
/// probes its table with them. (Hashing an `[UInt8]` feeds the hasher byte by byte; that and
/// normalising cost the linker about a tenth of a whole check.)
struct PromptKey: Hashable, Sendable {
    /// Two independent 64-bit hashes of the normalised prompt. Keeping the hashes rather than
    /// the bytes saves a copy of every prompt (a tenth of the compiler's memory on a large
    /// bank); two prompts that differ collide with probability about 2^-128 per pair.
    let first: Int
    let second: Int

    init(prompt: String) {
        let bytes = AnswerNormalizer.normalizedBytes(prompt)
        var hasher = Hasher()
        var other = Hasher()
        other.combine(0x5BD1_E995)
        bytes.withUnsafeBytes {
            hasher.combine(bytes: $0)
            other.combine(bytes: $0)
        }
        first = hasher.finalize()
        second = other.finalize()
    }

    /// Feeds the first hash only: a dictionary of keys hashes one word per lookup.
    func hash(into hasher: inout Hasher) {
        hasher.combine(first)
    }
}
