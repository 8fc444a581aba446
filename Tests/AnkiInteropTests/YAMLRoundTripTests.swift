import BankCompiler
import Foundation
import QuizEngine
import TestSupport
import Testing

@testable import AnkiInterop

/// What the bank writer emits parses back through the compiler to the same text, however
/// awkward the text: YAML syntax characters, reserved words, numbers, leading and trailing
/// spaces, blank lines, tabs, quotes, backslashes, unicode.
@Suite("YAML written by the importer")
struct YAMLRoundTripTests {
    static let texts: [String] = [
        "plain words", "key: value", "- a list marker", "# not a comment", "yes", "No", "null", "~", "true", "3.14",
        "0x1F", "12", " leading space", "trailing space ", "quote \" and backslash \\", "'single'", "a #hash",
        "ends with colon:", "[flow]", "{flow}", "&anchor", "*alias", "!tag", "|pipe", ">fold", "@at", "`tick`",
        "%percent", "tab\there", "line one\nline two", "para one\n\npara two", "  indented first\nsecond",
        "first\n  indented second", "trailing newline\n", "emoji 🗾 and ñ", "a\u{85}next", "bom\u{feff}inside",
        "line\n\n\nthree blanks", "spaces at end \nof a line", "---", "...", "?question", ",comma",
    ]

    @Test(arguments: texts)
    func textSurvivesTheCompiler(_ text: String) throws {
        let folder = try TemporaryFolder(prefix: "yaml-roundtrip")
        defer { folder.remove() }
        let question = ImportedQuestion(
            id: "q", kind: .flashcard, prompt: "prompt", answer: text, accept: [], explanation: nil, tags: [],
            source: text)
        let bank = BankWriter.text(bank: "round", title: text, description: text, questions: [question], origin: "t")
        try FileManager.default.createDirectory(atPath: folder.file("Banks"), withIntermediateDirectories: true)
        try bank.write(toFile: folder.file("Banks/round.yaml"), atomically: true, encoding: .utf8)
        try "tags: {}\n".write(toFile: folder.file("Banks/tags.yaml"), atomically: true, encoding: .utf8)
        let written = text
        let compiled = try Compiler().compile(paths: [folder.file("Banks")])
        #expect(compiled.errorCount == 0, "\(compiled.diagnostics.map(\.message))")
        #expect(compiled.questionSet?.questions.first?.answer == written)
        #expect(compiled.questionSet?.questions.first?.source == written)
        #expect(compiled.questionSet?.banks.first?.title == written)
    }
}
