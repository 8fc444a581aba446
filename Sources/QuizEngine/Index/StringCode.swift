/// The string pool's code of a format 1.3 index (`SDIC` in `FORMAT.md`), rebuilt from its
/// section, and the decoder of one string's bitstream.
///
/// Built once when the index is opened (from bytes its block checksums vouch for), with
/// every check a decoder relies on: counts in range, a prefix code (Kraft), tokens non-empty,
/// valid UTF-8 and each a run of word bytes or of other bytes. So any string it decodes is
/// valid UTF-8 without validating it again, and a damaged stream is an ``IndexError``.
struct StringCode: Sendable {
    /// The longest code length a reader accepts.
    static let maximumLength = 32
    /// The longest prefix a vocabulary entry shares with the previous one (a `u8`).
    static let maximumShared = 255
    static let headerSize = 12

    private let maxLength: Int
    /// Per code length `l` (index `l`): the first canonical code, the number of symbols,
    /// and the index in ``symbols`` of the first one.
    private let firstCode: [UInt64]
    private let countOfLength: [UInt64]
    private let firstSymbol: [Int]
    /// The symbols in canonical order: ``end``, ``escape`` or a token number.
    private let symbols: [Int32]
    /// The codes of at most ``tableBits`` bits by their bits, padded with zeros to
    /// ``tableBits``: `symbol position << 8 | length`, or 0 when the code is longer.
    private let table: [UInt32]
    private let tableBits: Int
    private let tokenBytes: [UInt8]
    /// `tokenOffsets[t] ..< tokenOffsets[t + 1]` are token `t`'s bytes.
    private let tokenOffsets: [Int]
    private static let end: Int32 = -1
    private static let escape: Int32 = -2

    /// Parses and checks the section's bytes; with `strict`, also that the tokens of each
    /// code length are sorted and unique (the eager pass: determinism, not safety).
    ///
    /// - Complexity: O(s + v log v) in the section's size s and the token count v.
    init(_ section: UnsafeRawBufferPointer, strict: Bool) throws(IndexError) {
        func bad(_ what: String) -> IndexError { .malformed("the string code \(what)") }
        guard section.count >= Self.headerSize, let p = section.baseAddress else { throw bad("is too short") }
        let tokenCount = Int(p.u32(0))
        let declaredBytes = Int(p.u32(4))
        let maxLength = Int(p.u8(8))
        let endLength = Int(p.u8(9))
        let escapeLength = Int(p.u8(10))
        guard maxLength >= 1, maxLength <= Self.maximumLength, p.u8(11) == 0 else {
            throw bad("has maximum code length \(maxLength)")
        }
        guard endLength >= 1, endLength <= maxLength, escapeLength <= maxLength else {
            throw bad("gives the end or escape symbol a code length out of range")
        }
        let countsEnd = Self.headerSize + 4 * maxLength
        guard section.count >= countsEnd else { throw bad("is too short for its \(maxLength) code lengths") }
        // Each token takes at least three bytes: shared prefix, suffix length, one byte.
        guard tokenCount <= (section.count - countsEnd) / 3 else { throw bad("has too many tokens") }
        var firstCode = [UInt64](repeating: 0, count: maxLength + 1)
        var countOfLength = [UInt64](repeating: 0, count: maxLength + 1)
        var firstSymbol = [Int](repeating: 0, count: maxLength + 1)
        var tokensOfLength = [Int](repeating: 0, count: maxLength + 1)
        var symbols: [Int32] = []
        symbols.reserveCapacity(tokenCount + 2)
        var code: UInt64 = 0
        var nextToken = 0
        for l in 1...maxLength {
            let tokens = Int(p.u32(Self.headerSize + 4 * (l - 1)))
            guard tokens <= tokenCount - nextToken else { throw bad("counts more tokens than it has") }
            tokensOfLength[l] = tokens
            firstCode[l] = code
            firstSymbol[l] = symbols.count
            if endLength == l { symbols.append(Self.end) }
            if escapeLength == l { symbols.append(Self.escape) }
            for t in nextToken..<(nextToken + tokens) { symbols.append(Int32(t)) }
            nextToken += tokens
            countOfLength[l] = UInt64(symbols.count - firstSymbol[l])
            code += countOfLength[l]
            // Kraft: the codes of length l must fit in l bits.
            guard code <= UInt64(1) << UInt64(l) else { throw bad("is not a prefix code") }
            code <<= 1
        }
        guard nextToken == tokenCount else { throw bad("counts \(nextToken) tokens, says \(tokenCount)") }
        // The vocabulary, front-coded.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(declaredBytes, 128 * section.count))
        var offsets = [0]
        offsets.reserveCapacity(tokenCount + 1)
        var cursor = countsEnd
        var previousStart = 0
        for t in 0..<tokenCount {
            let previousLength = bytes.count - previousStart
            guard cursor < section.count else { throw bad("ends inside token \(t)") }
            let shared = Int(p.u8(cursor))
            cursor += 1
            var suffix = 0
            var shift = 0
            while true {
                guard cursor < section.count, shift <= 28 else { throw bad("has a bad length in token \(t)") }
                let group = p.u8(cursor)
                cursor += 1
                suffix |= Int(group & 0x7F) << shift
                shift += 7
                if group & 0x80 == 0 { break }
            }
            guard shared <= previousLength, suffix >= 1, suffix <= section.count - cursor else {
                throw bad("has a bad prefix or length in token \(t)")
            }
            guard bytes.count + shared + suffix <= declaredBytes else { throw bad("has more token bytes than it says") }
            let start = bytes.count
            for i in previousStart..<(previousStart + shared) { bytes.append(bytes[i]) }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: section[cursor..<(cursor + suffix)]))
            cursor += suffix
            offsets.append(bytes.count)
            previousStart = start
        }
        guard cursor == section.count else { throw bad("has \(section.count - cursor) bytes after its tokens") }
        guard bytes.count == declaredBytes else { throw bad("has \(bytes.count) token bytes, says \(declaredBytes)") }
        let problem: String? = bytes.withUnsafeBytes { all in
            var t = 0
            for l in 1...maxLength {
                for i in 0..<tokensOfLength[l] {
                    let token = UnsafeRawBufferPointer(rebasing: all[offsets[t]..<offsets[t + 1]])
                    guard Self.isOneRun(token) else { return "token \(t) is not one run of word or other bytes in UTF-8" }
                    if strict && i > 0 {
                        let previous = UnsafeRawBufferPointer(rebasing: all[offsets[t - 1]..<offsets[t]])
                        guard ByteRope(previous).compare(ByteRope(token)) < 0 else {
                            return "tokens of length \(l) are not sorted and unique at token \(t)"
                        }
                    }
                    t += 1
                }
            }
            return nil
        }
        if let problem { throw bad(problem) }
        self.maxLength = maxLength
        self.firstCode = firstCode
        self.countOfLength = countOfLength
        self.firstSymbol = firstSymbol
        self.symbols = symbols
        let tableBits = min(maxLength, 11)
        var table = [UInt32](repeating: 0, count: 1 << tableBits)
        for l in 1...tableBits {
            for k in 0..<Int(countOfLength[l]) {
                let code = Int(firstCode[l]) + k
                let shift = tableBits - l
                for entry in (code << shift)..<((code + 1) << shift) {
                    table[entry] = UInt32(firstSymbol[l] + k) << 8 | UInt32(l)
                }
            }
        }
        self.table = table
        self.tableBits = tableBits
        tokenBytes = bytes
        tokenOffsets = offsets
    }

    /// Appends the text of string `id`, whose bitstream is `stream`, to `out`.
    ///
    /// - Throws: `.malformed` when the stream holds an invalid code, ends before its end
    ///   symbol, has bytes or nonzero bits after it, or escapes a literal that is not UTF-8.
    /// - Complexity: O(b + n) for b bits of stream and n bytes of text.
    func decode(_ stream: UnsafeRawBufferPointer, string id: UInt32, into out: inout [UInt8]) throws(IndexError) {
        func bad(_ what: String) -> IndexError { .malformed("string \(id) \(what)") }
        let totalBits = stream.count * 8
        var position = 0
        @inline(__always) func bit() -> UInt64 {
            let b = stream[position >> 3] >> UInt8(7 - (position & 7))
            position += 1
            return UInt64(b & 1)
        }
        // The 8 bits at `position`; at least 8 bits remain.
        @inline(__always) func byte() -> UInt8 {
            let i = position >> 3
            let shift = position & 7
            position += 8
            if shift == 0 { return stream[i] }
            return stream[i] << UInt8(shift) | stream[i + 1] >> UInt8(8 - shift)
        }
        // The `tableBits` bits at `position`, zeros past the end.
        @inline(__always) func peek() -> Int {
            let i = position >> 3
            var window = 0
            for j in 0..<3 { window = window << 8 | (i + j < stream.count ? Int(stream[i + j]) : 0) }
            return (window >> (24 - (position & 7) - tableBits)) & ((1 << tableBits) - 1)
        }
        var previousWasWord = false
        while true {
                // One symbol: a short code from the table; a longer one a bit at a time
                // until it falls in its length's range.
                guard position < totalBits else { throw bad("ends before its end symbol") }
                var code: UInt64 = 0
                var symbol: Int32? = nil
                let entry = table[peek()]
                if entry != 0 {
                    guard Int(entry & 0xFF) <= totalBits - position else { throw bad("ends before its end symbol") }
                    position += Int(entry & 0xFF)
                    symbol = symbols[Int(entry >> 8)]
                }
                for l in 1...maxLength where symbol == nil {
                    guard position < totalBits else { throw bad("ends before its end symbol") }
                    code = code << 1 | bit()
                    let k = code &- firstCode[l]
                    if code >= firstCode[l] && k < countOfLength[l] {
                        symbol = symbols[firstSymbol[l] + Int(k)]
                        break
                    }
                }
                guard let symbol else { throw bad("holds an invalid code") }
                switch symbol {
                case Self.end:
                    guard (position + 7) / 8 == stream.count else { throw bad("has bytes after its end symbol") }
                    while position < totalBits {
                        guard bit() == 0 else { throw bad("has nonzero padding") }
                    }
                    return
                case Self.escape:
                    var length = 0
                    var shift = 0
                    while true {
                        guard totalBits - position >= 8, shift <= 28 else { throw bad("has a bad literal length") }
                        let group = byte()
                        length |= Int(group & 0x7F) << shift
                        shift += 7
                        if group & 0x80 == 0 { break }
                    }
                    guard length >= 1, length <= (totalBits - position) / 8 else { throw bad("has a bad literal length") }
                    let first = byte()
                    let word = StringTokens.isWord(first)
                    if word && previousWasWord { out.append(0x20) }
                    let start = out.count
                    out.append(first)
                    for _ in 1..<length { out.append(byte()) }
                    let valid = out.withUnsafeBytes { Self.isOneRun(UnsafeRawBufferPointer(rebasing: $0[start...])) }
                    guard valid else { throw bad("has a literal that is not one run of word or other bytes in UTF-8") }
                    previousWasWord = word
                default:
                    let t = Int(symbol)
                    let start = tokenOffsets[t]
                    let word = StringTokens.isWord(tokenBytes[start])
                    if word && previousWasWord { out.append(0x20) }
                    guard out.count <= Int(UInt32.max) - (tokenOffsets[t + 1] - start) else {
                        throw bad("decodes to more than 4 GiB")
                    }
                    out.append(contentsOf: tokenBytes[start..<tokenOffsets[t + 1]])
                    previousWasWord = word
            }
        }
    }

    /// Whether `token` is non-empty, valid UTF-8 and all word bytes or none.
    private static func isOneRun(_ token: UnsafeRawBufferPointer) -> Bool {
        guard let first = token.first else { return false }
        let word = StringTokens.isWord(first)
        return token.allSatisfy { StringTokens.isWord($0) == word } && UTF8Validation.isValid(token)
    }
}
