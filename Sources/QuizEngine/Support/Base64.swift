/// Standard base64 (RFC 4648 §4, `+/`, `=` padding), decoded without Foundation.
///
/// Used to unpack the index embedded in the `quiz` binary as a `StaticString`.
///
///     print(Base64.decode("aGk=") ?? [])
///     // Prints "[104, 105]"
public enum Base64 {
    /// Decodes `text`, ignoring ASCII whitespace (so long literals may be wrapped).
    ///
    /// - Returns: The bytes, or `nil` when the text is not valid padded base64.
    /// - Complexity: O(n), where n is the length of the text.
    public static func decode(_ text: UnsafeRawBufferPointer) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.count / 4 * 3)
        var quad: UInt32 = 0
        var filled = 0
        var padding = 0
        for byte in text {
            let v: UInt8
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): v = byte - UInt8(ascii: "A")
            case UInt8(ascii: "a")...UInt8(ascii: "z"): v = byte - UInt8(ascii: "a") + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): v = byte - UInt8(ascii: "0") + 52
            case UInt8(ascii: "+"): v = 62
            case UInt8(ascii: "/"): v = 63
            case UInt8(ascii: "="):
                // Padding only ends a quad, after at least two symbols.
                guard filled >= 2 else { return nil }
                padding += 1
                filled += 1
                quad <<= 6
                if filled == 4 {
                    out.append(UInt8(quad >> 16))
                    if padding == 1 { out.append(UInt8((quad >> 8) & 0xFF)) }
                    quad = 0
                    filled = 0
                }
                continue
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                continue
            default:
                return nil
            }
            // No data after padding.
            guard padding == 0 else { return nil }
            quad = (quad << 6) | UInt32(v)
            filled += 1
            if filled == 4 {
                out.append(UInt8(quad >> 16))
                out.append(UInt8((quad >> 8) & 0xFF))
                out.append(UInt8(quad & 0xFF))
                quad = 0
                filled = 0
            }
        }
        guard filled == 0 else { return nil }
        return out
    }

    /// Decodes a string literal, such as the embedded index.
    public static func decode(_ text: StaticString) -> [UInt8]? {
        guard text.hasPointerRepresentation else { return nil }
        return text.withUTF8Buffer { decode(UnsafeRawBufferPointer($0)) }
    }

    /// Decodes a string.
    public static func decode(_ text: String) -> [UInt8]? {
        var s = text
        return s.withUTF8 { decode(UnsafeRawBufferPointer($0)) }
    }

    /// Encodes bytes, padded, on one line.
    ///
    /// - Complexity: O(n), where n is the number of bytes.
    public static func encode(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 3 <= bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out += [
                alphabet[Int(n >> 18)], alphabet[Int((n >> 12) & 63)], alphabet[Int((n >> 6) & 63)],
                alphabet[Int(n & 63)],
            ]
            i += 3
        }
        let rest = bytes.count - i
        if rest == 1 {
            let n = UInt32(bytes[i]) << 16
            out += [alphabet[Int(n >> 18)], alphabet[Int((n >> 12) & 63)], UInt8(ascii: "="), UInt8(ascii: "=")]
        } else if rest == 2 {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8
            out += [
                alphabet[Int(n >> 18)], alphabet[Int((n >> 12) & 63)], alphabet[Int((n >> 6) & 63)], UInt8(ascii: "="),
            ]
        }
        return String(decoding: out, as: UTF8.self)
    }
}
