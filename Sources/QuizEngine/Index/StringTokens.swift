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
    @inline(__always)
    static func runEnd(_ text: UnsafeRawBufferPointer, from start: Int) -> Int {
        let word = isWord(text[start])
        var end = start + 1
        while end < text.count && isWord(text[end]) == word { end += 1 }
        return end
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
