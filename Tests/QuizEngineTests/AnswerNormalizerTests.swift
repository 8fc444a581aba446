import Testing

@testable import QuizEngine

@Suite("Answer normalisation")
struct AnswerNormalizerTests {
    @Test(
        "normalised forms",
        arguments: [
            ("ascii", "  Read-Committed. ", "readcommitted"),
            ("symbols kept", "C++ <=> C#*", "c++<=>c#*"),
            ("empty", "", ""),
            ("punctuation only", " .,;-_!? ", ""),
            ("non-ASCII letters", "Ünïcödé STRASSE", "ünïcödéstrasse"),
            ("non-ASCII after ASCII", "ABC é DEF", "abcédef"),
            ("other numerics", "x² ½", "x²½"),
            ("non-ASCII punctuation dropped", "«quoted» — text", "quotedtext"),
        ])
    func normalized(id: String, text: String, expected: String) {
        #expect(AnswerNormalizer.normalize(text) == expected, "\(id)")
        #expect(AnswerNormalizer.normalizedBytes(text) == Self.normalizedScalars(text), "\(id)")
    }

    /// Two-, three- and four-byte scalars: letters (with one- and two-scalar lowercase
    /// mappings), numerics, punctuation and symbols.
    static let nonASCII: [Unicode.Scalar] = [
        "é", "Ï", "Ω", "ß", "ǅ", "İ", "½", "²", "—", "«", "中", "Ⅻ", "𝔸", "😀", "\u{A0}",
    ]

    @Test("the byte pass equals the scalar-by-scalar definition", arguments: 0..<60)
    func bytePassEqualsScalarPass(seed: UInt64) {
        var g = IndexTestRandom(seed: seed)
        var scalars = String.UnicodeScalarView()
        for _ in 0..<g.below(200) {
            // Half the seeds stay ASCII; the others mix in one non-ASCII scalar in four.
            if seed % 2 == 1, g.below(4) == 0 {
                scalars.append(Self.nonASCII[g.below(Self.nonASCII.count)])
            } else {
                scalars.append(Unicode.Scalar(UInt8(g.below(128))))
            }
        }
        let text = String(scalars)
        #expect(AnswerNormalizer.normalizedBytes(text) == Self.normalizedScalars(text), "\(text)")
    }

    /// The definition, scalar by scalar through the standard library's UTF-8 decoding:
    /// `normalizedBytes` decodes the bytes itself and must agree.
    static func normalizedScalars(_ text: String) -> [UInt8] {
        var result: [UInt8] = []
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                AnswerNormalizer.appendASCII(UInt8(scalar.value), to: &result)
            } else {
                AnswerNormalizer.appendNonASCII(scalar, to: &result)
            }
        }
        return result
    }

    /// The duplicate-prompt check hashes prompts as it normalises them: texts with the same
    /// normalised bytes must hash alike, and the rest apart, across the 8-byte word boundary
    /// and the length that closes the stream.
    @Test("the normalised digest agrees with the normalised bytes")
    func digestAgreesWithBytes() {
        let texts = [
            "", " ", ".", "a", "A.", "ab", "abcdefg", "abcdefgh", "ABCDEFGH!", "abcdefghi", "abcdefgh i",
            "abcdefghabcdefgh", "abcdefghabcdefgh ", "What is a B-tree?", "what is a b tree", "What is a B+tree?",
            "Écriture naïve", "écriture  NAÏVE", "ecriture naive", "x² ½", "x2 12", "«quoted» — text", "quotedtext",
            "abcdefg\u{0}", "0000000000000000", "00000000", "000000000",
        ]
        for a in texts {
            for b in texts {
                let sameBytes = AnswerNormalizer.normalizedBytes(a) == AnswerNormalizer.normalizedBytes(b)
                let sameDigest = AnswerNormalizer.normalizedDigest(a) == AnswerNormalizer.normalizedDigest(b)
                #expect(sameBytes == sameDigest, "\(a) / \(b)")
            }
        }
    }
}
