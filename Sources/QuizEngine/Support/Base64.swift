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
        let n = text.count
        var valid = true
        let out = [UInt8](unsafeUninitializedCapacity: n / 4 * 3 + 3) { buffer, count in
            decodingTable.withUnsafeBufferPointer { table in
                var o = 0
                var i = 0
                var quad: UInt32 = 0
                var filled = 0
                var padding = 0
                while i < n {
                    // Fast path: four symbols at a quad boundary.
                    if filled == 0 && padding == 0 && i + 4 <= n {
                        let a = UInt32(table[Int(text[i])])
                        let b = UInt32(table[Int(text[i + 1])])
                        let c = UInt32(table[Int(text[i + 2])])
                        let d = UInt32(table[Int(text[i + 3])])
                        if (a | b | c | d) < 64 {
                            let v = a << 18 | b << 12 | c << 6 | d
                            buffer[o] = UInt8(v >> 16)
                            buffer[o + 1] = UInt8((v >> 8) & 0xFF)
                            buffer[o + 2] = UInt8(v & 0xFF)
                            o += 3
                            i += 4
                            continue
                        }
                    }
                    let v = table[Int(text[i])]
                    i += 1
                    switch v {
                    case 0..<64:
                        // No data after padding.
                        guard padding == 0 else {
                            valid = false
                            break
                        }
                        quad = (quad << 6) | UInt32(v)
                        filled += 1
                    case symbolPad:
                        // Padding only ends a quad, after at least two symbols.
                        guard filled >= 2 else {
                            valid = false
                            break
                        }
                        padding += 1
                        filled += 1
                        quad <<= 6
                    case symbolSpace:
                        continue
                    default:
                        valid = false
                    }
                    if !valid { break }
                    if filled == 4 {
                        buffer[o] = UInt8(quad >> 16)
                        o += 1
                        if padding < 2 {
                            buffer[o] = UInt8((quad >> 8) & 0xFF)
                            o += 1
                        }
                        if padding < 1 {
                            buffer[o] = UInt8(quad & 0xFF)
                            o += 1
                        }
                        quad = 0
                        filled = 0
                    }
                }
                if filled != 0 { valid = false }
                count = valid ? o : 0
            }
        }
        return valid ? out : nil
    }

    private static let symbolPad: UInt8 = 0xFD
    private static let symbolSpace: UInt8 = 0xFE

    /// Symbol values 0..<64; `symbolPad` for `=`, `symbolSpace` for ASCII whitespace, 0xFF for
    /// anything else.
    private static let decodingTable: [UInt8] = {
        var t = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            t[Int(c)] = UInt8(i)
        }
        t[Int(UInt8(ascii: "="))] = symbolPad
        for c in [" ", "\n", "\r", "\t"] { t[Int(Character(c).asciiValue!)] = symbolSpace }
        return t
    }()

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
}
