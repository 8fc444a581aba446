/// The words of question text as the item-writing checks compare them: ASCII-lowercased
/// tokens, a stop-word list and a light suffix stemmer.
///
/// Deliberately simple and predictable, so an author can see why a warning fired: a token
/// starts at a letter or digit, may contain `_ + # . ' -` inside (`c++`, `x-forwarded-for`,
/// `node.js`), and ends at a letter, digit, `+` or `#`. Tokens are ranges of one lowercased
/// copy of the text, so tokenising allocates twice per text, not once per word.
struct ItemText {
    /// The text, ASCII letters lowercased.
    let bytes: [UInt8]
    /// Each token's bytes in `bytes`.
    let words: [Range<Int>]

    /// Tokenises `text`.
    ///
    /// - Complexity: O(n) in the UTF-8 length of `text`.
    init(_ text: String) {
        var bytes = Array(text.utf8)
        words = bytes.withUnsafeMutableBufferPointer { buffer in
            var words: [Range<Int>] = []
            words.reserveCapacity(buffer.count / 6)
            var start = -1
            for position in buffer.indices {
                let byte = buffer[position]
                let lower = (byte >= 0x41 && byte <= 0x5A) ? byte + 0x20 : byte
                buffer[position] = lower
                if start < 0 {
                    if Self.isAlphanumeric(lower) { start = position }
                } else if !Self.isInner(lower) {
                    var end = position
                    while end > start, !Self.isEnd(buffer[end - 1]) { end -= 1 }
                    words.append(start..<end)
                    start = -1
                }
            }
            if start >= 0 {
                var end = buffer.count
                while end > start, !Self.isEnd(buffer[end - 1]) { end -= 1 }
                words.append(start..<end)
            }
            return words
        }
        self.bytes = bytes
    }

    /// The bytes of `word`.
    subscript(word: Range<Int>) -> ArraySlice<UInt8> { bytes[word] }

    /// `word` without one of the suffixes `ing`, `ed`, `es`, `s`, when at least four letters remain.
    func stem(_ word: Range<Int>) -> Range<Int> {
        let end = word.upperBound
        func endsWith(_ suffix: StaticString) -> Bool {
            let count = suffix.utf8CodeUnitCount
            guard word.count > count + 3 else { return false }
            return suffix.withUTF8Buffer { suffix in
                (0..<count).allSatisfy { bytes[end - count + $0] == suffix[$0] }
            }
        }
        for suffix: StaticString in ["ing", "ed", "es", "s"] where endsWith(suffix) {
            return word.lowerBound..<(end - suffix.utf8CodeUnitCount)
        }
        return word
    }

    /// Every token, stemmed.
    var stemmedWords: [Range<Int>] { words.map(stem) }

    /// The stemmed content words: tokens of three or more characters that are not stop words,
    /// without repeats, in order of first appearance.
    var contentWords: [Range<Int>] {
        var result: [Range<Int>] = []
        for word in words where word.count >= 3 && !isStopWord(word) {
            let stemmed = stem(word)
            if !result.contains(where: { same($0, stemmed) }) { result.append(stemmed) }
        }
        return result
    }

    /// Whether some word of `words` in `other` spells `word` of this text.
    func contains(_ word: Range<Int>, among words: [Range<Int>], of other: ItemText) -> Bool {
        words.contains { other.same($0, word, in: self) }
    }

    /// Whether `word` occurs among `promptWords` (stemmed) of `prompt`, or, for a word of five
    /// or more letters, inside one of them (`reentrant` in `reentrantlock`).
    func occurs(_ word: Range<Int>, in promptWords: [Range<Int>], of prompt: ItemText) -> Bool {
        let needle = bytes[word]
        let inside = needle.count >= 5 && needle.allSatisfy { $0 >= 0x61 && $0 <= 0x7A }
        for candidate in promptWords {
            if prompt.same(candidate, word, in: self) { return true }
            let hay = prompt.bytes[candidate]
            if inside, hay.count > needle.count, Self.contains(hay, needle) { return true }
        }
        return false
    }

    /// Whether `word` of this text spells the same bytes as `other` of `text` (this text by default).
    func same(_ word: Range<Int>, _ other: Range<Int>, in text: ItemText? = nil) -> Bool {
        guard word.count == other.count else { return false }
        let otherBytes = text?.bytes ?? bytes
        for offset in 0..<word.count where bytes[word.lowerBound + offset] != otherBytes[other.lowerBound + offset] {
            return false
        }
        return true
    }

    func isStopWord(_ word: Range<Int>) -> Bool { Self.packed(bytes[word]).map(Self.packedStopWords.contains) ?? false }
    func isNumberName(_ word: Range<Int>) -> Bool {
        Self.packed(bytes[word]).map(Self.packedNumberNames.contains) ?? false
    }

    /// Up to eight bytes packed into an integer: every stop word and number name fits, so a
    /// lookup hashes one word-sized value instead of building a string.
    private static func packed(_ bytes: ArraySlice<UInt8>) -> UInt64? {
        guard bytes.count <= 8 else { return nil }
        var value: UInt64 = 0
        for byte in bytes { value = value << 8 | UInt64(byte) }
        return value
    }

    private static let packedStopWords = Set(stopWords.compactMap { packed(ArraySlice(Array($0.utf8))) })
    private static let packedNumberNames = Set(numberNames.compactMap { packed(ArraySlice(Array($0.utf8))) })
    func hasDigit(_ word: Range<Int>) -> Bool { bytes[word].contains { $0 >= 0x30 && $0 <= 0x39 } }

    /// The word as a string, for messages.
    func text(_ word: Range<Int>) -> String { String(decoding: bytes[word], as: UTF8.self) }

    private static func contains(_ haystack: ArraySlice<UInt8>, _ needle: ArraySlice<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        var start = haystack.startIndex
        while start + needle.count <= haystack.endIndex {
            if haystack[start] == first, haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
            start += 1
        }
        return false
    }


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
