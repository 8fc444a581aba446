import BankCompiler
import QuizEngine
import Testing

/// Inputs built to exhaust a naive parser. Each must fail fast with a located error; the time
/// and memory budget is measured by quiz-bench, not asserted here.
@Suite("Hostile input")
struct HostileInputTests {
    static func compile(_ text: String, limits: YAMLLimits = .standard) -> CompilationResult {
        Compiler(limits: limits).compile([
            SourceFile(path: "Banks/tags.yaml", text: testVocabulary), SourceFile(path: "Banks/test.yaml", text: text),
        ])
    }

    static func codes(_ result: CompilationResult) -> Set<String> { Set(result.diagnostics.map(\.code)) }

    @Test func aliasBomb() {
        var text = "a: &a [x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            text += "\(Character(UnicodeScalar(97 + level)!)): &\(Character(UnicodeScalar(97 + level)!)) ["
            text +=
                Array(repeating: "*\(Character(UnicodeScalar(96 + level)!))", count: 9).joined(separator: ", ") + "]\n"
        }
        let result = Self.compile(text)
        #expect(Self.codes(result).isSuperset(of: ["anchor", "alias"]))
        #expect(result.diagnostics.count <= 101)
    }

    @Test func megabyteOfOpenBrackets() {
        let result = Self.compile(String(repeating: "[", count: 1 << 20))
        #expect(Self.codes(result) == ["too-deep"])
        #expect(result.diagnostics.first?.location.column == 33)
    }

    @Test func deepBlockSequence() {
        // 100k levels of "- " on one line each deeper: libyaml sees a block sequence per level.
        var text = ""
        text.reserveCapacity(100_000 * 4)
        for _ in 0..<100_000 { text += "- " }
        text += "x\n"
        let result = Self.compile(text)
        #expect(Self.codes(result) == ["too-deep"])
    }

    @Test func hugeFileIsRefusedBeforeParsing() {
        let text = "bank: t\ntitle: \"" + String(repeating: "a", count: 48 << 20) + "\"\nquestions: []\n"
        let result = Self.compile(text)
        #expect(Self.codes(result) == ["file-too-large"])
    }

    @Test func longScalar() {
        let text = "bank: t\ntitle: \"" + String(repeating: "a", count: 70_000) + "\"\nquestions: []\n"
        let result = Self.compile(text)
        #expect(Self.codes(result) == ["scalar-too-long"])
        #expect(result.diagnostics.first?.location == SourceLocation(file: "Banks/test.yaml", line: 2, column: 8))
    }

    @Test func fortyThousandAnchors() {
        var text = "bank: t\ntitle: T\nquestions:\n"
        for index in 0..<40_000 { text += "  - &a\(index) x\n" }
        let result = Self.compile(text)
        #expect(Self.codes(result).contains("anchor"))
        #expect(result.diagnostics.count == 101)
        #expect(result.diagnostics.contains { $0.code == "too-many-errors" })
    }

    @Test func nodeLimit() {
        let text = "bank: t\ntitle: T\nquestions: [" + Array(repeating: "x", count: 1000).joined(separator: ",") + "]\n"
        let result = Self.compile(text, limits: YAMLLimits(maxNodes: 500))
        #expect(Self.codes(result) == ["too-many-nodes"])
    }

    @Test func limitsAreConfigurable() {
        let deep = String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
        #expect(Self.codes(Self.compile("bank: t\ntitle: T\nquestions: \(deep)\n")) == ["too-deep"])
        let relaxed = Self.compile("bank: t\ntitle: T\nquestions: \(deep)\n", limits: YAMLLimits(maxDepth: 64))
        #expect(!Self.codes(relaxed).contains("too-deep"))
    }
}
