import Testing

@testable import QuizEngine

/// The compressed string pool (format 1.3): strings whose tokens, vocabulary or code are at
/// an edge round-trip byte for byte, and damaged streams and vocabularies are reported.
@Suite("Index string code")
struct IndexStringCodeTests {
    /// Fibonacci counts (2, 3, 5, 8, …) for 27 one-letter words: without a length limit their
    /// code would be 26 bits deep.
    static let fibonacciText: String = {
        var counts = [2, 3]
        while counts.count < 27 { counts.append(counts[counts.count - 1] + counts[counts.count - 2]) }
        let letters = Array("abcdefghijklmnopqrstuvwxyzA")
        return zip(letters, counts).map { letter, n in String(repeating: "\(letter) ", count: n) }.joined()
    }()

    static let cases: [(String, [String])] = [
        ("empty string", [""]),
        ("one word", ["a"]),
        ("one separator", ["?"]),
        ("a lone space", [" "]),
        ("implied and explicit spaces", ["a b", "a  b", " a b ", "a\u{20}\u{20}", "a b.c d"]),
        ("NUL bytes", ["NUL\u{0}byte", "\u{0}", "a \u{0} b"]),
        ("non-ASCII", ["caf\u{E9} caf\u{E9}", "cafe\u{301}", "\u{5B57}\u{5178} \u{5B57}\u{5178}", "\u{1F600} ok \u{1F600}"]),
        ("a word over 255 bytes, repeated and once", [
            String(repeating: "x", count: 300) + " " + String(repeating: "x", count: 300),
            String(repeating: "y", count: 70_000),
        ]),
        ("a separator over 255 bytes", [String(repeating: "-", count: 400) + "a" + String(repeating: "-", count: 400)]),
        ("shared prefixes over 255 bytes", [
            String(repeating: "p", count: 600) + "a " + String(repeating: "p", count: 600) + "b",
            String(repeating: "p", count: 600) + "a " + String(repeating: "p", count: 600) + "b",
        ]),
        ("digits and underscores are words", ["snake_case 123 x1 _ snake_case 123"]),
        ("Fibonacci counts exceed the length limit", [fibonacciText]),
    ]

    @Test("edge cases round-trip byte for byte", arguments: cases.indices)
    func edgeCases(_ i: Int) throws {
        let (name, texts) = Self.cases[i]
        let location = SourceLocation(file: "f", line: 1, column: 1)
        let questions = texts.enumerated().map { j, text in
            let short = text.utf8.count < 10_000
            return Question(
                bank: "b", id: "q\(j)", type: .open, prompt: text, guidance: short ? text + "!" : nil,
                explanation: short ? "\(j) " + text : nil, location: location)
        }
        let set = QuestionSet(questions: questions)
        let bytes = try indexTestWriter.encode(set)
        let index = try QuestionIndex(bytes: bytes)
        try index.verifyAll()
        let back = try index.questionSet()
        #expect(back == set, "\(name)")
        for (a, b) in zip(back.questions, questions) {
            #expect(Array(a.prompt.utf8) == Array(b.prompt.utf8), "\(name)")
            #expect(Array((a.explanation ?? "").utf8) == Array((b.explanation ?? "").utf8), "\(name)")
        }
        #expect(try indexTestWriter.encode(back) == bytes, "\(name): not deterministic")
        if name.hasPrefix("Fibonacci") {
            var counts: [UInt64] = [2, 3]
            while counts.count < 27 { counts.append(counts[counts.count - 1] + counts[counts.count - 2]) }
            #expect(HuffmanCode(weights: counts, limit: 48).lengths.max()! > UInt8(StringCompressor.lengthLimit))
            let maxLength = try #require(Self.section("SDIC", of: bytes).map { bytes[$0.offset + 8] })
            #expect(maxLength <= UInt8(StringCompressor.lengthLimit))
        }
    }

    @Test("the pool compressed in chunks on every core equals the pool compressed in one pass")
    func chunkedEqualsSerial() throws {
        var pool = StringPool(expectedCount: 16)
        var g = IndexTestRandom(seed: 11)
        for _ in 0..<3_000 { _ = pool.intern(IndexFixtures.text(&g) + " " + IndexFixtures.text(&g)) }
        let tokens = Self.serialTokens(pool)
        let serial = try StringCompressor.compress(pool, tokens: tokens, chunkWeight: Int.max)
        let chunked = try StringCompressor.compress(pool, tokens: tokens, chunkWeight: 1)
        #expect(chunked.dictionary == serial.dictionary)
        #expect(chunked.offsets == serial.offsets)
        #expect(Array(chunked.streams.joined()) == Array(serial.streams.joined()))
    }

    /// The pool's tokens counted in one pass, in id order: the reference for the writer's
    /// counting on another core.
    static func serialTokens(_ pool: StringPool) -> TokenTable {
        var tokens = TokenTable(expectedCount: 16)
        for id in 0..<pool.count { pool.withBytes(id) { tokens.addTokens(of: $0) } }
        return tokens
    }

    /// The writer counts tokens on another core while it interns, and at the end counts the
    /// second half of the queue's backlog itself: neither the batch boundaries nor that split
    /// may show in the output. About 1,500 distinct strings (of 2,000 interned), offered after
    /// every one: in batches of 50 the queue has a backlog to share, in batches of 300 a few
    /// batches and a partial one, and in batches of 5,000 everything is the final remainder.
    @Test(
        "tokens counted in batches while the pool fills compress as one serial pass",
        arguments: [50, 300, 5_000])
    func countedWhileFillingEqualsSerial(batchSize: Int) throws {
        var pool = StringPool(expectedCount: 16)
        let counter = TokenCounter(expectedCount: 16, batchSize: batchSize)
        var g = IndexTestRandom(seed: 12)
        for _ in 0..<2_000 {
            _ = pool.intern(IndexFixtures.text(&g) + " " + IndexFixtures.text(&g))
            counter.offer(pool)
        }
        #expect(pool.count > 4 * 300 && pool.count % 300 != 0 && pool.count % 50 != 0)
        let serial = try StringCompressor.compress(pool, tokens: Self.serialTokens(pool), chunkWeight: Int.max)
        let counted = try StringCompressor.compress(pool, tokens: counter.finish(pool), chunkWeight: Int.max)
        #expect(counted.dictionary == serial.dictionary)
        #expect(counted.offsets == serial.offsets)
        #expect(Array(counted.streams.joined()) == Array(serial.streams.joined()))
    }

    @Test("Huffman lengths are limited and still a prefix code")
    func lengthLimit() {
        var weights: [UInt64] = [1, 1]
        while weights.count < 40 { weights.append(weights[weights.count - 1] + weights[weights.count - 2]) }
        let unlimited = HuffmanCode(weights: weights, limit: 48).lengths
        #expect(unlimited.max() == 39)
        for limit in [8, 16, 24] {
            let lengths = HuffmanCode(weights: weights, limit: limit).lengths
            #expect(Int(lengths.max()!) <= limit)
            let kraft = lengths.reduce(0.0) { $0 + 1.0 / Double(1 << UInt64($1)) }
            #expect(kraft <= 1.0)
        }
        #expect(HuffmanCode(weights: [5], limit: 24).lengths == [1])
        #expect(HuffmanCode(weights: [0, 0], limit: 24).lengths == [1, 1])
    }

    /// ``StringTokens/runEnd(_:from:)`` scans eight bytes at a time: on random text over every
    /// byte class (and runs long enough to cross eight-byte words) it must end every run
    /// where the byte-by-byte definition does.
    @Test("runs end where a bytewise scan ends them", arguments: [1, 2, 3])
    func runsEndWhereABytewiseScanEndsThem(seed: UInt64) {
        var state = seed &* 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let alphabet: [UInt8] = Array(0...255)
        var text: [UInt8] = []
        while text.count < 20_000 {
            let run = Int(next() % 20) + 1
            let byte = alphabet[Int(next() % 256)]
            for _ in 0..<run { text.append(next() % 3 == 0 ? alphabet[Int(next() % 256)] : byte) }
        }
        text.withUnsafeBytes { bytes in
            for start in 0..<bytes.count {
                var end = start + 1
                while end < bytes.count && StringTokens.isWord(bytes[end]) == StringTokens.isWord(bytes[start]) {
                    end += 1
                }
                if StringTokens.runEnd(bytes, from: start) != end {
                    Issue.record("run from \(start) ends at \(StringTokens.runEnd(bytes, from: start)), not \(end)")
                    return
                }
            }
        }
        for value in 0...255 {
            let eight = UInt64(value) &* 0x0101_0101_0101_0101
            let expected: UInt64 = StringTokens.isWord(UInt8(value)) ? 0x8080_8080_8080_8080 : 0
            #expect(StringTokens.wordBytes(eight) == expected, "byte \(value)")
        }
    }

    @Test("the tokens leave out only a single space between two words")
    func tokens() {
        func tokens(_ text: String) -> [String] {
            var out: [String] = []
            Array(text.utf8).withUnsafeBytes { bytes in
                StringTokens.forEach(bytes) { out.append(String(decoding: $0, as: UTF8.self)) }
            }
            return out
        }
        for b in 0...255 {
            let expected = (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) || b == 0x5F
            #expect(StringTokens.isWord(UInt8(b)) == expected, "byte \(b)")
        }
        #expect(tokens("") == [])
        #expect(tokens("a b") == ["a", "b"])
        #expect(tokens(" a b ") == [" ", "a", "b", " "])
        #expect(tokens("a  b") == ["a", "  ", "b"])
        #expect(tokens("a, b") == ["a", ", ", "b"])
        #expect(tokens("caf\u{E9} x_1") == ["caf", "\u{E9} ", "x_1"])
    }

    /// Where section `type` (four letters) lies in an index.
    static func section(_ type: String, of bytes: [UInt8]) -> (offset: Int, length: Int)? {
        let sections = Int(bytes[20])
        guard
            let entry = (0..<sections).map({ 128 + 32 * $0 }).first(where: {
                Array(bytes[$0..<($0 + 4)]) == Array(type.utf8)
            })
        else { return nil }
        let offset = (0..<8).reduce(0) { $0 | Int(bytes[entry + 8 + $1]) << (8 * $1) }
        let length = (0..<8).reduce(0) { $0 | Int(bytes[entry + 16 + $1]) << (8 * $1) }
        return (offset, length)
    }

    @Test("the compressed-strings feature bit and the string code section go together")
    func featureBitAndSection() throws {
        let original = try indexTestWriter.encode(IndexFixtures.small)
        #expect(original[24] & 1 == 1, "required feature bit 0")
        let sections = Int(original[20])
        let entry = try #require(
            (0..<sections).map { 128 + 32 * $0 }.first { Array(original[$0..<($0 + 4)]) == Array("SDIC".utf8) })
        #expect(original[entry + 4] & 1 == 1, "SDIC is written with the required flag")
        func rejection(_ bytes: [UInt8]) -> IndexError? {
            do {
                _ = try QuestionIndex(bytes: resealedIndex(bytes))
                return nil
            } catch {
                return error
            }
        }
        var withoutBit = original
        withoutBit[24] &= ~1
        #expect(rejection(withoutBit)?.message.contains("strings are not compressed") == true)
        var withoutSection = original
        withoutSection[entry] = UInt8(ascii: "X")
        withoutSection[entry + 4] = 0
        #expect(rejection(withoutSection)?.message.contains("missing section 'string code'") == true)
        // What a 1.2 reader sees: an unknown required section (and an unknown required feature).
        var unknownRequired = original
        unknownRequired[entry] = UInt8(ascii: "X")
        unknownRequired[24] &= ~1
        #expect(rejection(unknownRequired)?.code == .newerFormat)
    }

    @Test("a stream with nonzero padding or a bit flipped is malformed, lazily and verified whole")
    func damagedStreams() throws {
        let set = QuestionSet(questions: [
            Question(bank: "b", id: "q", type: .open, prompt: "a", location: SourceLocation(file: "f", line: 1, column: 1))
        ])
        let original = try indexTestWriter.encode(set)
        let strings = try #require(Self.section("SDAT", of: original))
        var rejected = 0
        for i in 0..<strings.length {
            for bit in 0..<8 {
                var b = original
                b[strings.offset + i] ^= UInt8(1 << bit)
                let resealed = resealedIndex(b)
                do {
                    let index = try QuestionIndex(bytes: resealed)
                    let read = try index.questionSet()
                    // A flip that still decodes must decode to other text (never the same
                    // stream read two ways), and then the whole-file check must agree.
                    #expect(read != set || (try? index.verifyAll()) != nil)
                } catch {
                    #expect(error.code == .malformed, "\(error)")
                    rejected += 1
                }
            }
        }
        #expect(rejected > 0)
    }
}
