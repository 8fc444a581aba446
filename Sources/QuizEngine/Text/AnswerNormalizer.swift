/// Normalises typed answers so that case, spacing and punctuation never decide a grade.
public enum AnswerNormalizer {
    /// Lowercases, keeps letters, digits and symbols that carry meaning in technical answers
    /// (`+`, `#`, `*`, `<`, `>`, `=`), and drops whitespace and other punctuation.
    ///
    /// ```swift
    /// AnswerNormalizer.normalize("  Read-Committed. ")   // "readcommitted"
    /// AnswerNormalizer.normalize("C++")                  // "c++"
    /// ```
    ///
    /// - Complexity: O(n) in the length of `text`.
    public static func normalize(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || "+#*<>=".unicodeScalars.contains(scalar)
            {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whether `answer` matches any of `accepted` once both are normalised.
    public static func matches(_ answer: String, accepted: [String]) -> Bool {
        let normalized = normalize(answer)
        return !normalized.isEmpty && accepted.contains { normalize($0) == normalized }
    }
}
