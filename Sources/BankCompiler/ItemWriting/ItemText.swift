/// The words of question text as the item-writing checks compare them: ASCII-lowercased
/// tokens, a stop-word list and a light suffix stemmer.
///
/// Deliberately simple and predictable, so an author can see why a warning fired: a token
/// starts at a letter or digit, may contain `_ + # . ' -` inside (`c++`, `x-forwarded-for`,
/// `node.js`), and ends at a letter, digit, `+` or `#`.
enum ItemText {
    /// The tokens of `text`, lowercased.
    ///
    /// - Complexity: O(n) in the UTF-8 length of `text`.
    static func words(_ text: String) -> [String] {
        var result: [String] = []
        var current: [UInt8] = []
        func flush() {
            while let last = current.last, !isEnd(last) { current.removeLast() }
            if !current.isEmpty { result.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
        }
        for byte in text.utf8 {
            let lower = (byte >= 0x41 && byte <= 0x5A) ? byte + 0x20 : byte
            if current.isEmpty {
                if isAlphanumeric(lower) { current.append(lower) }
            } else if isInner(lower) {
                current.append(lower)
            } else {
                flush()
            }
        }
        flush()
        return result
    }

    /// `word` without one of the suffixes `ing`, `ed`, `es`, `s`, when at least four letters remain.
    static func stem(_ word: String) -> String {
        for suffix in ["ing", "ed", "es", "s"] where word.count > suffix.count + 3 && word.hasSuffix(suffix) {
            return String(word.dropLast(suffix.count))
        }
        return word
    }

    /// The stemmed content words of `text`: tokens of three or more characters that are not stop words.
    static func contentWords(_ text: String) -> [String] {
        words(text).filter { $0.count >= 3 && !stopWords.contains($0) }.map(stem)
    }

    /// Whether `word` occurs among `promptWords` (stemmed), or, for a word of five or more
    /// letters, inside one of them (`reentrant` in `reentrantlock`).
    static func occurs(_ word: String, in promptWords: [String]) -> Bool {
        let inside = word.count >= 5 && word.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) }
        return promptWords.contains { $0 == word || (inside && $0.contains(word)) }
    }

    static func hasDigit(_ text: String) -> Bool { text.utf8.contains { $0 >= 0x30 && $0 <= 0x39 } }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
    }
    private static func isInner(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "#")
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "-")
    }
    private static func isEnd(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "#")
    }

    /// Numbers written as words, which an accepted form may use instead of digits.
    static let numberNames: Set<String> = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "hundred", "thousand", "million", "billion",
    ]

    static let stopWords: Set<String> = [
        "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "by", "at", "from", "as", "is", "are",
        "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "which", "what", "who",
        "whom", "whose", "when", "where", "why", "how", "than", "then", "so", "such", "not", "no", "nor", "but", "if",
        "into", "onto", "over", "under", "about", "after", "before", "between", "both", "each", "few", "more", "most",
        "other", "some", "any", "all", "can", "could", "may", "might", "must", "shall", "should", "will", "would",
        "do", "does", "did", "done", "has", "have", "had", "having", "i", "you", "he", "she", "they", "we", "us",
        "our", "your", "their", "them", "my", "me", "one", "two", "per", "via", "isn't", "aren't", "doesn't", "don't",
        "too", "very", "also", "only", "just", "same", "own", "out", "up", "down", "off", "again", "further", "once",
        "here", "there",
    ]
}
