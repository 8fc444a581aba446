/// Hostile source files beyond Tests/BankCompilerTests/HostileInputTests and YAMLSubsetTests:
/// mixed deep nesting, anchor floods, alias bombs, size limits at their edges, escaped NULs and
/// controls, malformed UTF-8, UTF-16/32, line-end mixes, directives, tags, complex keys, tabs
/// and trailing garbage. Each must fail with a located error, or be accepted when valid.
public enum HostileCorpus {
    static let header = "bank: t\ntitle: T\nquestions:\n"
    static let valid = header + "  - id: a\n    type: flashcard\n    prompt: P\n    answer: A\n"

    /// A one-question bank whose prompt is `scalar` (written as given, quotes included).
    static func prompt(_ scalar: String) -> String {
        header + "  - id: a\n    type: flashcard\n    prompt: \(scalar)\n    answer: A\n"
    }

    static func bytes(_ prefix: String, _ raw: [UInt8], _ suffix: String = "\n") -> [UInt8] {
        Array(prefix.utf8) + raw + Array(suffix.utf8)
    }

    /// Every input, cheapest first.
    public static let inputs: [HostileInput] =
        nesting + anchorsAndAliases + sizes + escapes + encodings + lineEnds + directivesAndTags + keysTabsGarbage

    static let nesting: [HostileInput] = [
        HostileInput("block-then-flow-nesting-100k", .rejected(["too-deep"])) {
            // 20 block mappings, then flow mappings and sequences alternating 100k deep.
            var text = ""
            for level in 0..<20 { text += String(repeating: "  ", count: level) + "k\(level):\n" }
            text += String(repeating: "  ", count: 20) + "v: "
            for level in 0..<100_000 { text += level % 2 == 0 ? "{a: " : "[" }
            return text + "x\n"
        },
        HostileInput("flow-inside-block-sequences-deep", .rejected(["too-deep"])) {
            var text = header
            for level in 0..<40 { text += String(repeating: "  ", count: level + 1) + "- \n" }
            return text + String(repeating: "  ", count: 41) + "- " + String(repeating: "[{x: ", count: 20_000) + "\n"
        },
        HostileInput("block-mappings-1000-deep", .rejected(["too-deep"])) {
            var text = ""
            for level in 0..<1000 { text += String(repeating: " ", count: level) + "k:\n" }
            return text
        },
        HostileInput("unclosed-mixed-brackets", .rejected(["syntax"])) {
            header + String(repeating: "[{[{", count: 5) + "\n"
        },
        HostileInput("nesting-at-the-limit", .rejected(["wrong-kind"])) {
            // 31 levels under the root mapping: deep but within maxDepth (32).
            "bank: t\ntitle: T\nquestions: " + String(repeating: "[", count: 31) + String(repeating: "]", count: 31)
                + "\n"
        },
    ]

    static let anchorsAndAliases: [HostileInput] = [
        HostileInput("40k-anchors-in-flow", .rejected(["anchor", "too-many-errors"])) {
            header + "  - [" + (0..<40_000).map { "&a\($0) x" }.joined(separator: ", ") + "]\n"
        },
        HostileInput("40k-anchored-collections", .rejected(["anchor"])) {
            header + (0..<40_000).map { "  - &m\($0) {k: v}\n" }.joined()
        },
        HostileInput("billion-laughs-20x20", .rejected(["anchor", "alias"])) {
            // 20 levels of 20 aliases each: 20^20 nodes if expanded; never expanded here.
            var text = "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
            for level in 1..<20 {
                text +=
                    "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 20).joined(separator: ", ")
                    + "]\n"
            }
            return text
        },
        HostileInput("alias-as-key-and-merge", .rejected(["alias", "anchor"])) {
            "base: &b {bank: t}\n*b : x\n<<: *b\n"
        },
        HostileInput("undefined-alias", .rejected(["alias"])) { prompt("*nowhere") },
    ]

    static let sizes: [HostileInput] = [
        HostileInput("file-one-byte-over-8MiB", .rejected(["file-too-large"], line: 1, column: 1)) {
            let filler = (8 << 20) + 1 - valid.utf8.count
            return Array(valid.utf8) + Array(repeating: UInt8(ascii: "#"), count: filler)
        },
        HostileInput("file-of-8MiB-comments", .accepted) {
            let body = Array(valid.utf8)
            let line = Array(("#" + String(repeating: "-", count: 98) + "\n").utf8)
            var bytes = body
            while bytes.count + line.count <= 8 << 20 { bytes += line }
            return bytes
        },
        HostileInput("scalar-exactly-64KiB", .accepted) { prompt(String(repeating: "p", count: 64 << 10)) },
        HostileInput("scalar-64KiB-plus-one", .rejected(["scalar-too-long"], line: 6, column: 13)) {
            prompt(String(repeating: "p", count: (64 << 10) + 1))
        },
        HostileInput("folded-scalar-1MB", .rejected(["scalar-too-long"])) {
            header + "  - id: a\n    type: flashcard\n    prompt: >\n"
                + String(repeating: "      " + String(repeating: "w", count: 70) + "\n", count: 15_000)
                + "    answer: A\n"
        },
        HostileInput("key-of-100k-bytes", .rejected(["scalar-too-long"])) {
            String(repeating: "k", count: 100_000) + ": v\n"
        },
        HostileInput("line-of-1M-spaces", .accepted) { valid + String(repeating: " ", count: 1 << 20) + "\n" },
        HostileInput("100k-distinct-keys", .rejected(["unknown-field", "too-many-errors"])) {
            valid + (0..<100_000).map { "k\($0): v\n" }.joined()
        },
        HostileInput("100k-duplicate-keys", .rejected(["duplicate-key", "too-many-errors"])) {
            valid + String(repeating: "dup: v\n", count: 100_000)
        },
    ]

    static let escapes: [HostileInput] =
        [
            ("escaped-nul-backslash-0", #""a\0b""#),
            ("escaped-nul-x00", #""a\x00b""#),
            ("escaped-nul-u0000", #""a\u0000b""#),
            ("escaped-nul-U00000000", #""a\U00000000b""#),
            ("escaped-escape", #""a\eb""#),
            ("escaped-bell", #""a\ab""#),
            ("escaped-del", #""a\x7Fb""#),
            ("escaped-c1-control", #""a\u0080b""#),
        ].map { name, scalar in
            HostileInput(name, .rejected(["control-character"], line: 6, column: 13)) { prompt(scalar) }
        }
        + (Array(0..<32).filter { ![9, 10].contains($0) } + [127]).map { byte in
            HostileInput("escaped-C0-\(byte)", .rejected(["control-character"], line: 6, column: 13)) {
                prompt(#""x\x"# + String(byte, radix: 16, uppercase: true).leftPadded(to: 2) + #"y""#)
            }
        }
        + (Array(0..<32).filter { ![9, 10, 13].contains($0) } + [127]).map { byte in
            HostileInput("raw-C0-\(byte)-in-single-quotes", .rejected(["control-character"], line: 6, column: 16)) {
                bytes(header + "  - id: a\n    type: flashcard\n    prompt: 'ab", [UInt8(byte)], "'\n    answer: A\n")
            }
        }
        + [
            HostileInput("raw-NUL-in-comment", .rejected(["control-character"], line: 1, column: 3)) {
                bytes("# ", [0], "\n" + valid)
            },
            HostileInput("raw-NUL-in-literal-block", .rejected(["control-character"], line: 7, column: 7)) {
                bytes(header + "  - id: a\n    type: flashcard\n    prompt: |\n      ", [0], "\n    answer: A\n")
            },
            HostileInput("escaped-tab-and-newline-are-fine", .accepted) { prompt(#""tab\there\nnext""#) },
            HostileInput("bad-escape", .rejected(["syntax"])) { prompt(#""a\qb""#) },
            HostileInput("truncated-unicode-escape", .rejected(["syntax"])) { prompt(#""a\u00""#) },
            HostileInput("escaped-surrogate", .rejected(["syntax"])) { prompt(#""a\uD800b""#) },
        ]

    static let encodings: [HostileInput] = [
        HostileInput("overlong-3-byte-slash", .rejected(["encoding"], line: 6, column: 13)) {
            bytes(header + "  - id: a\n    type: flashcard\n    prompt: ", [0xE0, 0x80, 0xAF])
        },
        HostileInput("overlong-4-byte-slash", .rejected(["encoding"], line: 6, column: 13)) {
            bytes(header + "  - id: a\n    type: flashcard\n    prompt: ", [0xF0, 0x80, 0x80, 0xAF])
        },
        HostileInput("overlong-NUL-C0-80", .rejected(["encoding"], line: 1, column: 7)) {
            bytes("bank: ", [0xC0, 0x80])
        },
        HostileInput("lone-lead-byte-at-end-of-file", .rejected(["encoding"], line: 4, column: 1)) {
            bytes(header, [0xC3], "")
        },
        HostileInput("truncated-4-byte-at-end", .rejected(["encoding"], line: 1, column: 8)) {
            bytes("title: ", [0xF0, 0x9F, 0x98], "")
        },
        HostileInput("five-and-six-byte-forms", .rejected(["encoding"], line: 1, column: 7)) {
            bytes("bank: ", [0xF8, 0x88, 0x80, 0x80, 0x80, 0xFC, 0x84, 0x80, 0x80, 0x80, 0x80])
        },
        HostileInput("FE-FF-bytes", .rejected(["encoding"], line: 1, column: 7)) { bytes("bank: ", [0xFE, 0xFF]) },
        HostileInput("C1-control-raw", .rejected(["control-character"], line: 1, column: 7)) {
            bytes("bank: ", [0xC2, 0x9B])
        },
        HostileInput("stray-BOM-mid-file", .rejected(["control-character"], line: 2, column: 1)) {
            bytes("bank: t\n", [0xEF, 0xBB, 0xBF], "title: T\nquestions: []\n")
        },
        HostileInput("UTF-8-BOM-then-valid", .accepted) { [0xEF, 0xBB, 0xBF] + Array(valid.utf8) },
        HostileInput("UTF-16LE-bank-with-BOM", .rejected(["encoding"], line: 1, column: 1)) {
            [0xFF, 0xFE] + utf16(valid, big: false)
        },
        HostileInput("UTF-16BE-bank-with-BOM", .rejected(["encoding"], line: 1, column: 1)) {
            [0xFE, 0xFF] + utf16(valid, big: true)
        },
        HostileInput("UTF-16LE-bank-without-BOM", .rejected(["encoding"], line: 1, column: 1)) {
            utf16(valid, big: false)
        },
        HostileInput("UTF-16BE-bank-without-BOM", .rejected(["encoding"], line: 1, column: 1)) {
            utf16(valid, big: true)
        },
        HostileInput("UTF-32LE-bank-with-BOM", .rejected(["encoding"], line: 1, column: 1)) {
            [0xFF, 0xFE, 0, 0] + utf32(valid, big: false)
        },
        HostileInput("UTF-32BE-bank-with-BOM", .rejected(["encoding"], line: 1, column: 1)) {
            [0, 0, 0xFE, 0xFF] + utf32(valid, big: true)
        },
        HostileInput("UTF-32LE-bank-without-BOM", .rejected(["encoding"], line: 1, column: 1)) {
            utf32(valid, big: false)
        },
        HostileInput("UTF-32BE-bank-without-BOM", .rejected(["encoding"], line: 1, column: 1)) {
            utf32(valid, big: true)
        },
        HostileInput("UTF-16-BOM-only", .rejected(["encoding"], line: 1, column: 1)) { [0xFF, 0xFE] },
        HostileInput("single-NUL-byte", .rejected(["control-character"], line: 1, column: 1)) { [0] },
    ]

    static let lineEnds: [HostileInput] = [
        HostileInput("CRLF-bank-is-fine", .accepted) { valid.replacingLineEnds(with: "\r\n") },
        HostileInput("CR-bank-is-fine", .accepted) { valid.replacingLineEnds(with: "\r") },
        HostileInput("mixed-line-ends-error-located", .rejected(["unknown-field"], line: 5, column: 5)) {
            "bank: t\r\ntitle: T\rquestions:\n  - id: a\r\n    bogus: 1\r    type: flashcard\n    prompt: P\r\n    answer: A\r"
        },
        HostileInput("CR-CR-LF-counts-two-lines", .rejected(["unknown-field"], line: 4, column: 1)) {
            "bank: t\r\r\ntitle: T\nbogus: 1\nquestions: []\n"
        },
        HostileInput("control-character-after-CRs", .rejected(["control-character"], line: 4, column: 8)) {
            "bank: t\rtitle: T\r\rbogus: \u{7}\rquestions: []\r"
        },
    ]

    static let directivesAndTags: [HostileInput] = [
        HostileInput("YAML-1.1-directive", .accepted) { "%YAML 1.1\n---\n" + valid },
        HostileInput("YAML-2.0-directive", .rejected(["syntax"], line: 1, column: 1)) { "%YAML 2.0\n---\n" + valid },
        HostileInput("YAML-directive-twice", .rejected(["syntax"])) { "%YAML 1.1\n%YAML 1.1\n---\n" + valid },
        HostileInput("directive-without-document-marker", .rejected(["syntax"])) { "%YAML 1.1\n" + valid },
        HostileInput("TAG-directive-and-use", .rejected(["directive", "explicit-tag"])) {
            "%TAG !e! tag:example.com,2000:\n---\n" + prompt("!e!thing P")
        },
        HostileInput("unknown-directive", .rejected(["syntax"], line: 1, column: 5)) { "%FOO bar baz\n---\n" + valid },
        HostileInput("explicit-int-tag", .rejected(["explicit-tag"], line: 6, column: 13)) { prompt("!!int 5") },
        HostileInput("local-tag", .rejected(["explicit-tag"], line: 6, column: 13)) { prompt("!local P") },
        HostileInput("verbatim-str-tag-is-fine", .accepted) { prompt("!<tag:yaml.org,2002:str> P") },
        HostileInput("str-tag-is-fine", .accepted) { prompt("!!str P") },
        HostileInput("tag-on-collections", .rejected(["explicit-tag"], line: 3, column: 12)) {
            "bank: t\ntitle: T\nquestions: !!seq\n  - !!map {id: a, type: flashcard, prompt: P, answer: A}\n"
        },
        HostileInput("empty-tag-handle", .rejected(["syntax"])) { prompt("!<> P") },
    ]

    static let keysTabsGarbage: [HostileInput] = [
        HostileInput("explicit-scalar-key-is-fine", .accepted) {
            header + "  - ? id\n    : a\n    type: flashcard\n    prompt: P\n    answer: A\n"
        },
        HostileInput("flow-mapping-as-key", .rejected(["complex-key"])) { valid + "{a: b}: c\n" },
        HostileInput("flow-sequence-as-key", .rejected(["complex-key"])) { valid + "[a, b]: c\n" },
        HostileInput("block-mapping-as-explicit-key", .rejected(["complex-key"])) { valid + "? a: 1\n  b: 2\n: c\n" },
        HostileInput("empty-key", .rejected(["syntax"])) { valid + ": v\n" },
        HostileInput("null-question", .rejected(["wrong-kind"])) { header + "  - ~\n" },
        HostileInput("tab-after-colon-is-fine", .accepted) { "bank:\tt\ntitle: T\t\nquestions: []\n" },
        HostileInput("tab-inside-flow", .accepted) { "bank: t\ntitle: T\nquestions: [\t]\n" },
        HostileInput("tab-indented-block-scalar", .rejected(["syntax"])) {
            header + "  - id: a\n    type: flashcard\n    prompt: |\n\tP\n    answer: A\n"
        },
        HostileInput("tab-before-sequence-dash", .rejected(["syntax"], line: 4, column: 1)) {
            header + "\t- id: a\n"
        },
        HostileInput("trailing-garbage-after-document-end", .rejected(["syntax"])) { valid + "...\ngarbage: [\n" },
        HostileInput("second-document-after-end-marker", .rejected(["multiple-documents"])) {
            valid + "...\n---\nbank: u\n"
        },
        HostileInput("garbage-after-flow-close", .rejected(["syntax"])) { "bank: t\ntitle: T\nquestions: [] ]]\n" },
        HostileInput("document-end-only", .rejected(["syntax"], line: 1, column: 1)) { "...\n" },
        HostileInput("document-start-only", .rejected(["wrong-kind"])) { "---\n" },
        HostileInput("stream-of-dashes", .rejected(["multiple-documents"])) {
            String(repeating: "---\n", count: 10_000)
        },
    ]

    static func utf16(_ text: String, big: Bool) -> [UInt8] {
        text.utf16.flatMap { unit in
            let (high, low) = (UInt8(unit >> 8), UInt8(unit & 0xFF))
            return big ? [high, low] : [low, high]
        }
    }

    static func utf32(_ text: String, big: Bool) -> [UInt8] {
        text.unicodeScalars.flatMap { scalar in
            let value = scalar.value
            let bytes = (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
            return big ? bytes.reversed() : bytes
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }

    func replacingLineEnds(with end: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: end)
    }
}
