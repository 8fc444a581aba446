@testable import BankCompiler
import Testing

/// The code-span scan works on bytes: its lines, fences and backtick runs must be the ones a
/// reader of the text sees, whatever surrounds them.
@Suite("Code span scan")
struct CodeSpanCheckTests {
    @Test(
        "lines that leave a span open",
        arguments: [
            ("", []),
            ("plain text", []),
            ("a `b` c", []),
            ("a `b c", [0]),
            ("``a ` b``", []),
            ("``a ` b`", [0]),
            ("ok\n`open\nok `x`\n\n`", [1, 4]),
            ("```\na ` inside a fence\n```\nafter `", [3]),
            ("   ```swift\nlet a = `\n   ```\n", []),
            ("é `ü\n\u{1F600}`x`", [0]),
            ("trailing newline `\n", [0]),
            ("``\n``", [0, 1]),
        ] as [(String, [Int])])
    func linesThatLeaveASpanOpen(text: String, expected: [Int]) {
        let lines = Array(text.utf8).withUnsafeBytes { CodeSpanCheck.unterminatedLines(in: $0) }
        #expect(lines == expected)
    }
}
