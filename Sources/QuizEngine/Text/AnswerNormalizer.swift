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
        // Most prompts and answers are ASCII: then the UTF-8 bytes are the scalars and one pass
        // over contiguous bytes does (decoding scalars cost the bank compiler ~3% of a check).
        var contiguous = text
        let ascii = contiguous.withUTF8 { utf8 -> [UInt8]? in
            var result: [UInt8] = []
            result.reserveCapacity(utf8.count)
            for byte in utf8 {
                guard byte < 0x80 else { return nil }
                appendASCII(byte, to: &result)
            }
            return result
        }
        return ascii ?? normalizedScalars(text)
    }

    @inline(__always)
    private static func appendASCII(_ byte: UInt8, to result: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"),
            UInt8(ascii: "#"), UInt8(ascii: "*"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "="):
            result.append(byte)
        case UInt8(ascii: "A")...UInt8(ascii: "Z"):
            result.append(byte + 32)
        default:
            break
        }
    }

    /// The general case, scalar by scalar: letters lowercased by Unicode's mapping, other
    /// numerics kept as written.
    static func normalizedScalars(_ text: String) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                appendASCII(UInt8(scalar.value), to: &result)
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
