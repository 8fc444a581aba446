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
        #expect(AnswerNormalizer.normalizedBytes(text) == AnswerNormalizer.normalizedScalars(text), "\(id)")
    }

    @Test("the ASCII fast path equals the scalar path", arguments: 0..<50)
    func asciiFastPath(seed: UInt64) {
        var g = IndexTestRandom(seed: seed)
        let bytes = (0..<g.below(200)).map { _ in UInt8(g.below(128)) }
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(AnswerNormalizer.normalizedBytes(text) == AnswerNormalizer.normalizedScalars(text))
    }
}
