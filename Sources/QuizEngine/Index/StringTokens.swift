/// The tokens of a string for the pool's word-based code: maximal runs of word bytes
/// (`A-Z a-z 0-9 _`) and maximal runs of other bytes; a single space between two words is
/// implied, not a token. Runs split only at ASCII bytes, so each token of valid UTF-8 is
/// valid UTF-8 on its own.
enum StringTokens {
    /// Whether `b` is a word byte: one bit test in a 128-bit map of ASCII (`0-9` are bits
    /// 48-57 of the low word; `A-Z`, `_` and `a-z` bits 1-26, 31 and 33-58 of the high one).
    @inline(__always)
    static func isWord(_ b: UInt8) -> Bool {
        let map: UInt64 = b < 64 ? 0x03FF_0000_0000_0000 : 0x07FF_FFFE_87FF_FFFE
        return b < 128 && (map >> UInt64(b & 63)) & 1 != 0
    }

    /// The end of the run (of word bytes or of other bytes) that starts at `start`.
    ///
    /// Eight bytes at a time (``wordBytes(_:)``), then byte by byte for the last few: the
    /// bytewise loop was a quarter of compressing a pool, a branch per byte.
    ///
    /// - Complexity: O(n) in the run's length.
    @inline(__always)
    static func runEnd(_ text: UnsafeRawBufferPointer, from start: Int) -> Int {
        let word = isWord(text[start])
        var end = start + 1
        // A word run ends at the first byte that is not a word byte, and the other way round.
        let flip: UInt64 = word ? 0x8080_8080_8080_8080 : 0
        while end + 8 <= text.count {
            let other = wordBytes(UInt64(littleEndian: text.loadUnaligned(fromByteOffset: end, as: UInt64.self))) ^ flip
            if other != 0 { return end + other.trailingZeroBitCount / 8 }
            end += 8
        }
        while end < text.count && isWord(text[end]) == word { end += 1 }
        return end
    }

    /// Bit 7 of each byte of `bytes` (little-endian) set when that byte is a word byte.
    ///
    /// SWAR range tests (each byte's low seven bits plus a bias carry into bit 7 without
    /// touching its neighbour); bytes with bit 7 set are never word bytes.
    @inline(__always)
    static func wordBytes(_ bytes: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        let ones: UInt64 = 0x0101_0101_0101_0101
        let low = bytes & ~high
        @inline(__always) func within(_ lower: UInt64, _ upper: UInt64) -> UInt64 {
            let atLeastLower = low &+ (0x80 - lower) &* ones
            let aboveUpper = low &+ (0x7F - upper) &* ones
            return atLeastLower & ~aboveUpper & high
        }
        let word = within(0x30, 0x39) | within(0x41, 0x5A) | within(0x61, 0x7A) | within(0x5F, 0x5F)
        return word & ~bytes
    }

    /// Whether the run `start ..< end` is a lone space between two words (not at either end).
    @inline(__always)
    static func isImpliedSpace(_ text: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> Bool {
        end - start == 1 && text[start] == 0x20 && start > 0 && end < text.count
    }

    /// Calls `body` with each token of `text` in order, leaving out implied spaces.
    ///
    /// - Complexity: O(n) in the text's length.
    static func forEach(_ text: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> Void) {
        var start = 0
        while start < text.count {
            let end = runEnd(text, from: start)
            if !isImpliedSpace(text, start, end) { body(UnsafeRawBufferPointer(rebasing: text[start..<end])) }
            start = end
        }
    }
}
