import QuizEngine

/// Checks a file's raw bytes before libyaml sees them: the encoding must be UTF-8 and the
/// text free of NUL and other control characters (TAB, LF and CR aside).
///
/// libyaml rejects most of these too, but with less precise messages; here each problem gets
/// its own line and column (in characters, like libyaml's marks).
///
/// - Complexity: O(n) in the file's length, one pass.
enum SourceScanner {
    /// The UTF-16 or UTF-32 encoding a byte-order mark announces, or nil. UTF-32 LE's mark
    /// (`FF FE 00 00`) begins with UTF-16 LE's (`FF FE`), so it is tested first.
    static func byteOrderMarkEncoding(_ bytes: UnsafeRawBufferPointer) -> String? {
        let count = bytes.count
        if count >= 4, bytes[0] == 0, bytes[1] == 0, bytes[2] == 0xFE, bytes[3] == 0xFF {
            return "UTF-32 big-endian"
        }
        if count >= 4, bytes[0] == 0xFF, bytes[1] == 0xFE, bytes[2] == 0, bytes[3] == 0 {
            return "UTF-32 little-endian"
        }
        if count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return "UTF-16 big-endian" }
        if count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return "UTF-16 little-endian" }
        return nil
    }

    /// Returns true when the bytes are clean; otherwise reports each problem.
    static func scan(_ bytes: UnsafeRawBufferPointer, file: String, into bag: inout DiagnosticBag) -> Bool {
        let count = bytes.count
        func at(_ line: Int, _ column: Int) -> SourceLocation {
            SourceLocation(file: file, line: line, column: column)
        }
        if let encoding = byteOrderMarkEncoding(bytes) {
            bag.error(.wrongEncoding(encoding), at: at(1, 1))
            return false
        }
        // Text starts with ASCII, so a NUL among the first bytes means UTF-16 (one NUL) or UTF-32 (three).
        if count >= 2,
            (bytes[0] == 0 && bytes[1] != 0) || (bytes[0] != 0 && bytes[1] == 0)
                || (count >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0 && bytes[3] != 0)
        {
            bag.error(.wrongEncoding("UTF-16 or UTF-32 (no byte-order mark)"), at: at(1, 1))
            return false
        }
        var clean = true
        var line = 1
        var column = 1
        var index = 0
        if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        while index < count {
            // Eight printable ASCII bytes at once (most of any bank): none can be a problem, and
            // each only advances the column. About a fifth of the bytewise scan's time.
            if index + 8 <= count, isPrintableASCII(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                index += 8
                column += 8
                continue
            }
            let byte = bytes[index]
            if byte < 0x80 {
                switch byte {
                case 0x0A:
                    line += 1
                    column = 1
                    index += 1
                    continue
                case 0x0D:
                    // A lone CR ends a line too; CRLF counts once.
                    if index + 1 < count, bytes[index + 1] == 0x0A {
                        index += 1
                        continue
                    }
                    line += 1
                    column = 1
                    index += 1
                    continue
                case 0x09, 0x20...0x7E:
                    break
                default:
                    bag.error(.controlCharacter(UInt32(byte)), at: at(line, column))
                    clean = false
                }
                index += 1
                column += 1
                continue
            }
            let length = sequenceLength(bytes, at: index)
            if length == 0 {
                bag.error(.invalidUTF8(byte), at: at(line, column))
                clean = false
                index += 1
            } else {
                let scalar = decode(bytes, at: index, length: length)
                if (0x80...0x9F).contains(scalar) && scalar != 0x85 {
                    bag.error(.controlCharacter(scalar), at: at(line, column))
                    clean = false
                } else if scalar == 0xFEFF {
                    bag.error(.strayByteOrderMark, at: at(line, column))
                    clean = false
                }
                index += length
            }
            column += 1
        }
        return clean
    }

    /// Whether all eight bytes of `word` are in 0x20...0x7E (in any byte order).
    ///
    /// The tests are the "has a byte less than n" and "has a zero byte" tricks of Anderson's
    /// Bit Twiddling Hacks; each is exact about whether such a byte exists once no byte has
    /// its high bit set.
    @inline(__always)
    private static func isPrintableASCII(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        guard word & high == 0 else { return false }
        let belowSpace = (word &- 0x20 &* ones) & ~word & high
        let delete = word ^ (0x7F &* ones)
        let hasDelete = (delete &- ones) & ~delete & high
        return belowSpace | hasDelete == 0
    }

    /// The length of a well-formed UTF-8 sequence starting at `index`, or 0 when it is
    /// malformed (overlong, surrogate, beyond U+10FFFF, truncated or a stray continuation).
    private static func sequenceLength(_ bytes: UnsafeRawBufferPointer, at index: Int) -> Int {
        let lead = bytes[index]
        let remaining = bytes.count - index
        func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            offset < remaining && range.contains(bytes[index + offset])
        }
        switch lead {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : 0
        case 0xE0:
            return continuation(1, 0xA0...0xBF) && continuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return continuation(1) && continuation(2) ? 3 : 0
        case 0xED:
            return continuation(1, 0x80...0x9F) && continuation(2) ? 3 : 0
        case 0xF0:
            return continuation(1, 0x90...0xBF) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3:
            return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4:
            return continuation(1, 0x80...0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default:
            return 0
        }
    }

    private static func decode(_ bytes: UnsafeRawBufferPointer, at index: Int, length: Int) -> UInt32 {
        var scalar = UInt32(bytes[index]) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length {
            scalar = scalar << 6 | UInt32(bytes[index + offset] & 0x3F)
        }
        return scalar
    }
}
