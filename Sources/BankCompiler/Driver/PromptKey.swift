import QuizEngine

/// A question's prompt as the duplicate-prompt check compares it: normalised without case,
/// spaces or punctuation (``AnswerNormalizer``), then hashed once.
///
/// Keys are made where a file is lowered, on that file's worker, so the serial linker only
/// probes its table with them. The prompt is hashed as it is normalised, with no array in
/// between (normalising into an array and hashing it twice with `Hasher` was 4% of a check).
struct PromptKey: Hashable, Sendable {
    /// Two independent 64-bit hashes of the normalised prompt. Keeping the hashes rather than
    /// the bytes saves a copy of every prompt (a tenth of the compiler's memory on a large
    /// bank); two prompts that differ collide with probability about 2^-128 per pair.
    let first: Int
    let second: Int

    init(prompt: String) {
        let (first, second) = AnswerNormalizer.normalizedDigest(prompt)
        self.first = Int(truncatingIfNeeded: first)
        self.second = Int(truncatingIfNeeded: second)
    }

    /// Feeds the first hash only: a dictionary of keys hashes one word per lookup.
    func hash(into hasher: inout Hasher) {
        hasher.combine(first)
    }
}
