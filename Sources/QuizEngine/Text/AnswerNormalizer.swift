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
        normalize(text, into: &result)
        return result
    }

    /// Two independent 64-bit hashes of the normalised text, computed as it is normalised:
    /// equal for texts whose ``normalizedBytes(_:)`` are equal, and, for texts whose are not,
    /// equal with probability about 2^-128. Deterministic across runs and machines.
    ///
    /// - Complexity: O(n) in the length of `text`, with no allocation for ASCII text.
    public static func normalizedDigest(_ text: String) -> (UInt64, UInt64) {
        var digest = NormalizedDigest()
        normalize(text, into: &digest)
        return digest.finalize()
    }

    /// Feeds the normalised bytes of `text` to `sink`, in order.
    static func normalize<Sink: NormalizedByteSink>(_ text: String, into sink: inout Sink) {
        // One pass over the contiguous UTF-8 bytes: ASCII bytes (most of any prompt) directly,
        // the lead byte of anything else decoded to its scalar on the spot. (Iterating
        // `unicodeScalars` decoded every byte and cost the bank compiler ~3% of a check.)
        var contiguous = text
        contiguous.withUTF8 { utf8 in
            var i = 0
            while i < utf8.count {
                let lead = utf8[i]
                if lead < 0x80 {
                    appendASCII(lead, to: &sink)
                    i += 1
                    continue
                }
                // A String's storage is valid UTF-8: the lead byte gives the length.
                let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                var value = UInt32(lead & (0x7F >> length))
                for k in 1..<length { value = value << 6 | UInt32(utf8[i + k] & 0x3F) }
                appendNonASCII(Unicode.Scalar(value)!, to: &sink)
                i += length
            }
        }
    }

    /// Appends an ASCII byte's normalised form: letters lowercased, digits and `+#*<>=` kept.
    @inline(__always)
    static func appendASCII<Sink: NormalizedByteSink>(_ byte: UInt8, to result: inout Sink) {
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

    /// Letters lowercased by Unicode's mapping, other numerics kept as written, the rest dropped.
    static func appendNonASCII<Sink: NormalizedByteSink>(_ scalar: Unicode.Scalar, to result: inout Sink) {
        if scalar.properties.isAlphabetic {
            for byte in scalar.properties.lowercaseMapping.utf8 { result.append(byte) }
        } else if scalar.properties.numericType != nil {
            for byte in String(scalar).utf8 { result.append(byte) }
        }
    }

    /// Whether `answer` matches any of `accepted` once both are normalised.
    public static func matches(_ answer: String, accepted: [String]) -> Bool {
        let normalized = normalizedBytes(answer)
        return !normalized.isEmpty && accepted.contains { normalizedBytes($0) == normalized }
    }
}
