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
    /// - Complexity: O(n) in the length of `text`; ASCII takes a table-free fast path.
    public static func normalize(_ text: String) -> String {
        String(decoding: normalizedBytes(text), as: UTF8.self)
    }

    /// The normalised text as UTF-8 bytes, cheap to hash and compare.
    public static func normalizedBytes(_ text: String) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"),
                    UInt8(ascii: "#"), UInt8(ascii: "*"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "="):
                    result.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    result.append(byte + 32)
                default:
                    break
                }
            } else if scalar.properties.isAlphabetic {
                result.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            } else if scalar.properties.numericType != nil {
                result.append(contentsOf: String(scalar).utf8)
            }
        }
        return result
    }

    /// Whether `answer` matches any of `accepted` once both are normalised.
    public static func matches(_ answer: String, accepted: [String]) -> Bool {
        let normalized = normalizedBytes(answer)
        return !normalized.isEmpty && accepted.contains { normalizedBytes($0) == normalized }
    }
}
