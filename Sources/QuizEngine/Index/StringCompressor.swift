/// Writes a string pool compressed (format 1.3, `FORMAT.md`: `SDIC`, `SOFF`, `SDAT`): a
/// word-based canonical Huffman code built for this pool ("Huffword", spaceless words), each
/// string its own byte-aligned bitstream ending in an end symbol.
///
/// Two passes over the distinct strings: the first counts tokens, the second encodes. Only
/// the distinct tokens are copied (the vocabulary); the strings are read in place.
struct StringCompressor {
    /// The longest code the writer makes (readers accept up to ``StringCode/maximumLength``).
    static let lengthLimit = 24

    /// The three sections' bytes.
    struct Output {
        var dictionary: [UInt8]
        var offsets: [UInt8]
        /// The `SDAT` section in parts, whose concatenation is the section.
        var streams: [[UInt8]]
    }

    /// Compresses every string of `pool` with the code built from `tokens`, the pool's tokens
    /// counted in id order (a ``TokenCounter``'s table), encoding on every core in chunks of at
    /// least `chunkWeight` bytes of strings (the output does not depend on the split).
    ///
    /// - Throws: `.invalidInput` when the compressed strings exceed 4 GiB.
    /// - Complexity: O(n + v log v) for n bytes of strings and v distinct tokens.
    static func compress(
        _ pool: StringPool, tokens: TokenTable, chunkWeight: Int = 1 << 20
    ) throws(IndexError) -> Output {
        // Encoded in consecutive chunks of the strings, one per core; merged in chunk order,
        // the output is that of one serial pass.
        let weight = { (id: Int) in pool.text(id).count }
        let code = Code(tokens: tokens, stringCount: pool.count)
        let encoded = ParallelChunks.map(count: pool.count, weight: weight, minimumWeight: chunkWeight) { range in
            var encoder = Encoder(code: code, tokens: tokens)
            var streams: [UInt8] = []
            streams.reserveCapacity(range.count * 16)
            // 4 bytes an end, as the section stores them; a chunk past 4 GiB is refused below.
            var ends: [UInt32] = []
            ends.reserveCapacity(range.count)
            var fits = true
            for id in range {
                pool.withBytes(id) { encoder.encode($0, into: &streams) }
                fits = fits && streams.count <= Int(UInt32.max)
                ends.append(UInt32(truncatingIfNeeded: streams.count))
            }
            return (streams, fits ? ends : nil)
        }
        var offsets = ByteBuffer()
        offsets.reserve(4 * (pool.count + 1))
        offsets.u32(0)
        var base = 0
        for (part, ends) in encoded {
            guard let ends else { throw .invalidInput("more than 4 GiB of strings") }
            for end in ends {
                guard base + Int(end) <= Int(UInt32.max) else { throw .invalidInput("more than 4 GiB of strings") }
                offsets.u32(UInt32(base + Int(end)))
            }
            base += part.count
        }
        // The chunks are the section's parts, written one after another: joining them would
        // hold the section twice.
        let streams = encoded.map(\.0)
        return Output(dictionary: code.dictionary(tokens), offsets: offsets.bytes, streams: streams)
    }

    /// Writes strings' bitstreams.
    private struct Encoder {
        let code: Code
        let tokens: TokenTable
        var bits = BitWriter()

        /// Appends the bitstream of `text` to `out`: its tokens' codes (or escaped literals),
        /// the end symbol, zero padding to a byte.
        ///
        /// - Complexity: O(n) expected in the text's length.
        mutating func encode(_ text: UnsafeRawBufferPointer, into out: inout [UInt8]) {
            let n = text.count
            var start = 0
            while start < n {
                let end = StringTokens.runEnd(text, from: start)
                if !StringTokens.isImpliedSpace(text, start, end) {
                    let token = UnsafeRawBufferPointer(rebasing: text[start..<end])
                    let t = tokens.id(of: token)
                    let length = code.lengths[t]
                    if length != 0 {
                        bits.put(code.codes[t], length, into: &out)
                    } else {
                        bits.put(code.escapeCode, code.escapeLength, into: &out)
                        var count = token.count
                        repeat {
                            bits.put(UInt32(count & 0x7F) | (count > 0x7F ? 0x80 : 0), 8, into: &out)
                            count >>= 7
                        } while count > 0
                        for byte in token { bits.put(UInt32(byte), 8, into: &out) }
                    }
                }
                start = end
            }
            bits.put(code.endCode, code.endLength, into: &out)
            bits.flush(into: &out)
        }
    }

    /// The code: each vocabulary token's code and length (0 for a token written as a
    /// literal after the escape symbol), and the end and escape symbols'.
    private struct Code {
        var codes: [UInt32]
        var lengths: [UInt8]
        var endCode: UInt32 = 0
        var endLength: UInt8 = 0
        var escapeCode: UInt32 = 0
        var escapeLength: UInt8 = 0
        /// The vocabulary in canonical order (by code length, then bytes).
        var vocabulary: [Int] = []

        /// Tokens that occur once are escaped (a literal costs about what a vocabulary entry
        /// would, and keeps the vocabulary, which a reader rebuilds at open, small).
        init(tokens: TokenTable, stringCount: Int) {
            var vocabulary: [Int] = []
            var escapes: UInt64 = 0
            for t in 0..<tokens.count {
                if tokens.counts[t] > 1 { vocabulary.append(t) } else { escapes += 1 }
            }
            // Symbols: 0 end, 1 escape, 2... the vocabulary in first-occurrence order.
            var weights: [UInt64] = [UInt64(stringCount), escapes]
            for t in vocabulary { weights.append(UInt64(tokens.counts[t])) }
            let huffman = HuffmanCode(weights: weights, limit: StringCompressor.lengthLimit)
            var lengths = huffman.lengths
            if escapes == 0 { lengths[1] = 0 }
            let bytes = tokens.bytes
            let offsets = tokens.offsets
            let sorted = bytes.withUnsafeBytes { all in
                vocabulary.indices.sorted { a, b in
                    let la = lengths[a + 2]
                    let lb = lengths[b + 2]
                    if la != lb { return la < lb }
                    let x = UnsafeRawBufferPointer(rebasing: all[offsets[vocabulary[a]]..<offsets[vocabulary[a] + 1]])
                    let y = UnsafeRawBufferPointer(rebasing: all[offsets[vocabulary[b]]..<offsets[vocabulary[b] + 1]])
                    return ByteRope(x).compare(ByteRope(y)) < 0
                }
            }
            // Canonical order: by length; within a length, end, escape, then tokens by bytes.
            var order: [Int] = []
            order.reserveCapacity(weights.count)
            var next = 0
            for length in 1...StringCompressor.lengthLimit {
                if lengths[0] == length { order.append(0) }
                if lengths[1] == length { order.append(1) }
                while next < sorted.count && Int(lengths[sorted[next] + 2]) == length {
                    order.append(sorted[next] + 2)
                    next += 1
                }
            }
            let symbolCodes = huffman.canonicalCodes(order: order)
            codes = [UInt32](repeating: 0, count: tokens.count)
            self.lengths = [UInt8](repeating: 0, count: tokens.count)
            for (i, t) in vocabulary.enumerated() {
                codes[t] = symbolCodes[i + 2]
                self.lengths[t] = lengths[i + 2]
            }
            endCode = symbolCodes[0]
            endLength = lengths[0]
            escapeCode = symbolCodes[1]
            escapeLength = lengths[1]
            self.vocabulary = sorted.map { vocabulary[$0] }
        }

        /// The `SDIC` section: header, tokens per code length, then the vocabulary
        /// front-coded in canonical order.
        func dictionary(_ tokens: TokenTable) -> [UInt8] {
            let maxLength = max(Int(endLength), Int(escapeLength), vocabulary.map { Int(lengths[$0]) }.max() ?? 0)
            var out = ByteBuffer()
            out.u32(UInt32(vocabulary.count))
            out.u32(UInt32(vocabulary.reduce(0) { $0 + tokens.token($1).count }))
            out.u8(UInt8(maxLength))
            out.u8(endLength)
            out.u8(escapeLength)
            out.u8(0)
            var perLength = [UInt32](repeating: 0, count: maxLength + 1)
            for t in vocabulary { perLength[Int(lengths[t])] += 1 }
            for l in 1...maxLength { out.u32(perLength[l]) }
            var previous: ArraySlice<UInt8> = []
            for t in vocabulary {
                let token = tokens.token(t)
                var shared = 0
                let limit = min(previous.count, token.count - 1, StringCode.maximumShared)
                while shared < limit && previous[previous.startIndex + shared] == token[token.startIndex + shared] {
                    shared += 1
                }
                out.u8(UInt8(shared))
                var n = token.count - shared
                repeat {
                    out.u8(UInt8(n & 0x7F) | (n > 0x7F ? 0x80 : 0))
                    n >>= 7
                } while n > 0
                out.append(Array(token.dropFirst(shared)))
                previous = token
            }
            return out.bytes
        }
    }
}
