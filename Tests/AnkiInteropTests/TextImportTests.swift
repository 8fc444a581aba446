import AnkiInterop
import BankCompiler
import Foundation
import QuizEngine
import TestSupport
import Testing

/// Anki's text format and plain spreadsheets into banks.
@Suite("Import of CSV and TSV files")
struct TextImportTests {
    /// Imports `text` written to a file, compiles the bank, and returns its questions and the result.
    static func importText(_ text: String, bom: Bool = false) throws -> (ImportResult, [Question], CompilationResult) {
        let folder = try TemporaryFolder(prefix: "anki-text")
        defer { folder.remove() }
        let file = folder.file("cards.csv")
        try ((bom ? Data([0xef, 0xbb, 0xbf]) : Data()) + Data(text.utf8)).write(to: URL(fileURLWithPath: file))
        let options = ImportOptions(
            bank: "cards", output: folder.file("Banks/cards.yaml"), vocabulary: folder.file("Banks/tags.yaml"),
            store: nil, origin: "quiz import csv cards.csv --bank cards")
        let result = try AnkiImporter.importText(at: file, options: options)
        let compiled = try Compiler().compile(paths: [folder.file("Banks")])
        return (result, compiled.questionSet?.questions ?? [], compiled)
    }

    @Test func ankiHeadersQuotedFieldsAndBOM() throws {
        let text = #"""
            #separator:Comma
            #html:true
            #deck:Spanish::Verbs
            #notetype:Basic
            #tags column:3
            "hablar, to speak","<b>to</b> speak,
            to talk",verbs Spanish::Regular
            comer,"to eat ""now""",verbs

            """#
        let (result, questions, compiled) = try Self.importText(text, bom: true)
        #expect(compiled.errorCount == 0, "\(compiled.diagnostics.map(\.message))")
        #expect(questions.count == 2)
        #expect(questions[0].prompt == "hablar, to speak")
        #expect(questions[0].answer == "**to** speak, to talk")
        #expect(Set(questions[0].tags) == ["verbs", "spanish-regular"])
        #expect(questions[1].answer == "to eat \"now\"")
        #expect(result.newTags == ["spanish-regular", "verbs"])
    }

    @Test func plainTextKeepsMarkupCharactersAndNewlines() throws {
        let text = "#separator:Tab\n#html:false\n2 < 3 & 4 > 1?\t\"yes\nbecause <b> is text\"\n"
        let (_, questions, compiled) = try Self.importText(text)
        #expect(compiled.errorCount == 0)
        #expect(questions.map(\.prompt) == ["2 < 3 & 4 > 1?"])
        #expect(questions.map(\.answer) == ["yes\nbecause <b> is text"])
    }

    @Test(arguments: [
        "front\tback\nsecond\tanswer two\n", "front;back\nsecond;answer two", "front,back\r\nsecond,answer two\r\n",
    ])
    func plainTwoColumnFiles(_ text: String) throws {
        let (result, questions, compiled) = try Self.importText(text)
        #expect(compiled.errorCount == 0)
        #expect(questions.map(\.prompt) == ["front", "second"])
        #expect(questions.map(\.answer) == ["back", "answer two"])
        #expect(result.warnings.isEmpty)
    }

    @Test func typeInAndClozeNoteTypes() throws {
        let typed = try Self.importText("#notetype:Basic (type in the answer)\nCapital of Peru?;Lima\n")
        #expect(typed.1.map(\.type) == [.short])
        #expect(typed.1.map(\.accept) == [["Lima"]])
        let cloze = try Self.importText(
            "#notetype:Cloze\n#separator:Pipe\n{{c1::Lima}} is the capital of Peru.|South America\n")
        #expect(cloze.1.map(\.prompt) == ["[...] is the capital of Peru."])
        #expect(cloze.1.map(\.answer) == ["**Lima** is the capital of Peru.\n\n**Back Extra:** South America"])
    }

    @Test func rowsThatCannotBeMappedAreWarningsWithTheirLine() throws {
        let (result, questions, _) = try Self.importText("#separator:Comma\nonly a front\nfront,back\n")
        #expect(questions.count == 1)
        #expect(result.warnings.map(\.line) == [2])
        #expect(result.warnings.first?.message.contains("no answer text") == true)
    }

    @Test func imageOcclusionNotesAreWarnings() throws {
        let (result, questions, _) = try Self.importText(
            "#notetype:Image Occlusion\n{{c1::image-occlusion:rect}},x.png\n")
        #expect(questions.isEmpty)
        #expect(result.warnings.map(\.line) == [2])
        #expect(result.warnings.first?.message.contains("image occlusion") == true)
    }

    @Test func aRepeatedFrontIsImportedOnce() throws {
        let (result, questions, _) = try Self.importText("same front,first back\nsame front,second back\n")
        #expect(questions.map(\.answer) == ["first back"])
        #expect(result.warnings.map(\.line) == [2])
        #expect(result.warnings.first?.message.contains("same first field") == true)
    }

    @Test func reimportKeepsIds() throws {
        let first = try Self.importText("a question,an answer\n")
        let second = try Self.importText("a question,an answer changed\n")
        #expect(first.0.questions.map(\.id) == second.0.questions.map(\.id))
    }

    @Test(arguments: [
        ("\"never closed,x\n", "line 1: a quoted field is never closed"),
        ("#separator:Nonsense\na,b\n", "unknown separator 'Nonsense'"),
        ("#tags column:zero\na,b\n", "'#tags column:' takes a column number"),
    ])
    func malformedFilesAreErrors(_ text: String, _ problem: String) throws {
        let error = try #require(throws: AnkiInteropError.self) { try Self.importText(text) }
        #expect(error.problem.contains(problem), "\(error)")
    }

    @Test func invalidUTF8IsAnError() throws {
        let folder = try TemporaryFolder(prefix: "anki-text")
        defer { folder.remove() }
        try Data([0x61, 0xff, 0x2c, 0x62]).write(to: URL(fileURLWithPath: folder.file("bad.csv")))
        let options = ImportOptions(
            bank: "bad", output: folder.file("bad.yaml"), vocabulary: folder.file("tags.yaml"), store: nil, origin: "t")
        let error = try #require(throws: AnkiInteropError.self) {
            try AnkiImporter.importText(at: folder.file("bad.csv"), options: options)
        }
        #expect(error.problem.contains("not UTF-8"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("bad.yaml")))
    }

    @Test func anEditedFirstFieldKeepsItsIdAndAHandWrittenBankIsNeverReplaced() throws {
        let folder = try TemporaryFolder(prefix: "anki-text")
        defer { folder.remove() }
        let options = ImportOptions(
            bank: "cards", output: folder.file("Banks/cards.yaml"), vocabulary: folder.file("Banks/tags.yaml"),
            store: nil, origin: "quiz import csv cards.csv --bank cards")
        func run(_ text: String) throws -> ImportResult {
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder.file("cards.csv")))
            return try AnkiImporter.importText(at: folder.file("cards.csv"), options: options)
        }
        let first = try run("#guid column:1\nguid-1,What is a mutex?,A lock\nguid-2,What is a semaphore?,A counter\n")
        let edited = try run(
            "#guid column:1\nguid-2,What is a semaphore?,A counter\nguid-1,What does a mutex guard?,A lock\n")
        #expect(
            first.questions.map(\.id) == ["what-is-a-mutex-\(first.questions[0].id.suffix(6))", first.questions[1].id])
        #expect(edited.questions.map(\.id) == [first.questions[1].id, first.questions[0].id])
        #expect(edited.questions[1].prompt == "What does a mutex guard?")

        let handWritten = "bank: cards\ntitle: Mine\nquestions: []\n"
        try handWritten.write(toFile: folder.file("Banks/cards.yaml"), atomically: true, encoding: .utf8)
        let error = try #require(throws: AnkiInteropError.self) { try run("a,b\n") }
        #expect(error.file == folder.file("Banks/cards.yaml"))
        #expect(error.problem.contains("was not written by quiz import"))
        #expect(try String(contentsOfFile: folder.file("Banks/cards.yaml"), encoding: .utf8) == handWritten)
    }
}
