import BankCompiler
import QuizEngine
import Testing

private let header = "bank: test\ntitle: Test bank\nquestions:\n"

@Suite("The accepted YAML subset")
struct YAMLSubsetTests {
    static let cases: [RuleCase] = [
        RuleCase(
            "anchor and alias",
            header + "  - id: a\n    type: flashcard\n    prompt: 1️⃣&p P\n    answer: 2️⃣*p\n",
            [("1️⃣", "anchor"), ("2️⃣", "alias")]),
        RuleCase(
            "merge key",
            header + "  - id: a\n    type: flashcard\n    1️⃣<<: {prompt: P}\n    prompt: P\n    answer: A\n",
            [("1️⃣", "merge-key"), ("1️⃣", "unknown-field")]),
        RuleCase(
            "explicit tag",
            header + "  - id: a\n    type: flashcard\n    prompt: 1️⃣!!int 5\n    answer: !!str fine\n",
            [("1️⃣", "explicit-tag")]),
        RuleCase(
            "duplicate key names both places",
            header + "  - id: a\n    type: flashcard\n    prompt: P\n    answer: A\n    1️⃣answer: B\n",
            [("1️⃣", "duplicate-key")]),
        RuleCase(
            "complex key",
            header + "  - id: a\n    type: flashcard\n    prompt: P\n    answer: A\n    ? 1️⃣[x]\n    : y\n",
            [("1️⃣", "complex-key")]),
        RuleCase("two documents", "bank: t\ntitle: T\nquestions: []\n1️⃣---\nbank: u\n", [("1️⃣", "multiple-documents")]),
        RuleCase("tab in indentation", "bank: t\ntitle: T\nquestions:\n1️⃣\t- id: a\n", [("1️⃣", "syntax")]),
        RuleCase("unclosed flow sequence", "bank: t\ntitle: T\ntags: [a, b\nquestions1️⃣: []\n", [("1️⃣", "syntax")]),
        RuleCase(
            "NUL escape", header + "  - id: a\n    type: flashcard\n    prompt: 1️⃣\"a\\0b\"\n    answer: A\n",
            [("1️⃣", "control-character")]),
        RuleCase("raw control character", "bank: t\ntitle: T1️⃣\u{07}\nquestions: []\n", [("1️⃣", "control-character")]),
        RuleCase("raw NUL", "bank: t\ntitle: 1️⃣\u{0}\nquestions: []\n", [("1️⃣", "control-character")]),
        RuleCase(
            "tag directive", "1️⃣%TAG !e! tag:example.com,2000:\n---\nbank: t\ntitle: T\nquestions: []\n",
            [("1️⃣", "directive")]),
        RuleCase("YAML directive is fine", "%YAML 1.1\n---\nbank: t\ntitle: T\nquestions: []\n", []),
        RuleCase("CRLF line ends are fine", "bank: t\r\ntitle: T\r\nquestions: []\r\n", []),
        RuleCase("CR line ends", "bank: t\rtitle: T\r1️⃣titel: x\rquestions: []\r", [("1️⃣", "unknown-field")]),
        RuleCase("trailing garbage", "bank: t\ntitle: T\nquestions: []\n1️⃣]\n", [("1️⃣", "syntax")]),
        RuleCase("empty file", "1️⃣", [("1️⃣", "empty-file")]),
        RuleCase("comments only", "# nothing here\n1️⃣", [("1️⃣", "empty-file")]),
    ]

    @Test(arguments: cases)
    func subset(_ rule: RuleCase) {
        let (source, result) = compileMarked(rule.yaml)
        expectDiagnostics(result, source, rule.expected)
    }

    @Test func syntaxErrorCarriesContextNote() {
        let (_, result) = compileMarked("bank: t\ntitle: T\ntags: [a, b\nquestions: []\n")
        let diagnostic = try! #require(result.diagnostics.first)
        #expect(diagnostic.message.contains("while parsing a flow sequence"))
        #expect(diagnostic.notes.first?.location.line == 3)
    }

    /// The hint names where the tab stands: libyaml 0.2.5 also rejects tabs YAML 1.2 allows.
    @Test(
        arguments: [
            ("bank: t\ntitle: T\nquestions:\n\t- id: a\n", "tabs may not indent YAML; indent with spaces"),
            (
                "bank: t\ntitle: T\nquestions:\n  -\tid: a\n    type: open\n",
                "libyaml 0.2.5 rejects a tab after '-' (YAML 1.2 allows it); write a space instead"
            ),
            (
                "bank: t\ntitle: T\n\t\nquestions: []\n",
                "this blank line holds a tab, which libyaml 0.2.5 rejects; delete the line's whitespace"
            ),
        ])
    func tabHint(_ source: String, _ hint: String) {
        let (_, result) = compileMarked(source)
        let message = result.diagnostics.first?.message ?? ""
        #expect(message.hasSuffix("; \(hint)"), "\(message)")
        #expect(!message.contains("indent with spaces") || hint.contains("indent with spaces"))
    }
}

@Suite("Encodings")
struct EncodingTests {
    static func compileBytes(_ bytes: [UInt8]) -> CompilationResult {
        Compiler().compile([
            SourceFile(path: "Banks/tags.yaml", text: testVocabulary),
            SourceFile(path: "Banks/test.yaml", bytes: bytes),
        ])
    }

    @Test(
        arguments: [
            ("UTF-16 BE with BOM", [0xFE, 0xFF, 0x00, 0x62], 1, 1),
            ("UTF-16 LE with BOM", [0xFF, 0xFE, 0x62, 0x00], 1, 1),
            ("UTF-16 LE without BOM", [0x62, 0x00, 0x61, 0x00], 1, 1),
            ("UTF-32 BE with BOM", [0x00, 0x00, 0xFE, 0xFF, 0, 0, 0, 0x62], 1, 1),
            ("overlong slash", Array("bank: t\ntitle: ".utf8) + [0xC0, 0xAF], 2, 8),
            ("truncated sequence", Array("bank: t\ntitle: ab".utf8) + [0xE2, 0x82], 2, 10),
            ("stray continuation", Array("bank: \u{e9}".utf8) + [0x80], 1, 8),
            ("surrogate", Array("bank: ".utf8) + [0xED, 0xA0, 0x80], 1, 7),
            ("beyond U+10FFFF", Array("bank: ".utf8) + [0xF4, 0x90, 0x80, 0x80], 1, 7),
        ] as [(String, [UInt8], Int, Int)])
    func rejected(_ name: String, _ bytes: [UInt8], _ line: Int, _ column: Int) {
        let result = Self.compileBytes(bytes)
        let diagnostic = result.diagnostics.first
        #expect(diagnostic?.code == "encoding", "\(name): \(result.diagnostics.map(\.message))")
        #expect(diagnostic?.location.line == line && diagnostic?.location.column == column, "\(name)")
    }

    /// Each byte-order mark names its own encoding; UTF-32 LE's mark starts with UTF-16 LE's.
    @Test(
        arguments: [
            ([0xFE, 0xFF, 0x00, 0x62], "file is encoded as UTF-16 big-endian; save it as UTF-8"),
            ([0xFF, 0xFE, 0x62, 0x00], "file is encoded as UTF-16 little-endian; save it as UTF-8"),
            ([0x00, 0x00, 0xFE, 0xFF, 0, 0, 0, 0x62], "file is encoded as UTF-32 big-endian; save it as UTF-8"),
            ([0xFF, 0xFE, 0x00, 0x00, 0x62, 0, 0, 0], "file is encoded as UTF-32 little-endian; save it as UTF-8"),
            ([0x62, 0x00, 0x61, 0x00], "file is encoded as UTF-16 or UTF-32 (no byte-order mark); save it as UTF-8"),
        ] as [([UInt8], String)])
    func encodingMessage(_ bytes: [UInt8], _ message: String) {
        let result = Self.compileBytes(bytes)
        #expect(result.diagnostics.map(\.message) == [message])
    }

    @Test(arguments: Array(0..<32).filter { ![9, 10, 13].contains($0) } + [127])
    func everyC0ControlIsRejected(_ byte: Int) {
        let result = Self.compileBytes(
            Array("bank: t\ntitle: a".utf8) + [UInt8(byte)] + Array("\nquestions: []\n".utf8))
        #expect(result.diagnostics.map(\.code) == ["control-character"])
        #expect(result.diagnostics.first?.location == SourceLocation(file: "Banks/test.yaml", line: 2, column: 9))
    }

    /// Problems after runs of ASCII of every length around the scanner's eight-byte steps keep
    /// their columns.
    @Test(arguments: 0..<20)
    func problemAfterASCIIRun(_ length: Int) {
        let run = Array(String(repeating: "x", count: length).utf8)
        let problems: [(bytes: [UInt8], code: String)] = [
            ([0x7F], "control-character"), ([0x01], "control-character"), ([0xFF], "encoding"),
        ]
        for (problem, code) in problems {
            let result = Self.compileBytes(
                Array("bank: t\ntitle: ".utf8) + run + problem + Array(" and more text\nquestions: []\n".utf8))
            #expect(result.diagnostics.map(\.code) == [code], "\(length) \(problem)")
            #expect(
                result.diagnostics.first?.location
                    == SourceLocation(file: "Banks/test.yaml", line: 2, column: 8 + length),
                "\(length) \(problem)")
        }
    }

    @Test func utf8ByteOrderMarkIsAccepted() {
        let result = Self.compileBytes([0xEF, 0xBB, 0xBF] + Array("bank: t\ntitle: T\nquestions: []\n".utf8))
        #expect(result.diagnostics.isEmpty)
    }

    @Test func nonASCIIColumnsCountCharacters() {
        let result = Self.compileBytes(Array("bank: t\ntitle: \u{e9}\u{e9}\nquestions: []\nbogus: \u{7}".utf8))
        #expect(result.diagnostics.first?.location.column == 8)
    }
}
