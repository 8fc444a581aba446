import Foundation
import TestSupport
import Testing

/// `quiz import csv|apkg` end to end: the written bank passes `quiz check`, warnings and
/// errors name the file, and a refused import writes nothing.
@Suite("quiz import", .tags(.subprocess))
struct ImportCLITests {
    /// A scratch folder with a Banks/tags.yaml holding one tag.
    static func scratch() throws -> TemporaryFolder {
        let folder = try TemporaryFolder(prefix: "quiz-import")
        try FileManager.default.createDirectory(atPath: folder.file("Banks"), withIntermediateDirectories: true)
        try "tags:\n  seed: Sample questions\n".write(
            toFile: folder.file("Banks/tags.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test(arguments: [("anki-notes.csv", 2, 2), ("two-columns.tsv", 2, 0)])
    func importedBankPassesCheck(_ fixture: String, _ questions: Int, _ tags: Int) throws {
        let folder = try Self.scratch()
        defer { folder.remove() }
        let imported = try QuizProcess.run(
            ["import", "csv", QuizProcess.fixture(fixture).path, "--bank", "imported"], in: folder.url)
        #expect(imported.status == 0, "\(imported)")
        #expect(
            imported.stdout.hasPrefix("Banks/imported.yaml: \(questions) questions (\(questions) flashcard, 0 short)"))
        #expect(imported.stdout.contains("\(tags) new tag"))
        let check = try QuizProcess.run(["check", "--warnings-as-errors", "Banks"], in: folder.url)
        #expect(check.status == 0, "\(check)")
        let vocabulary = try String(contentsOfFile: folder.file("Banks/tags.yaml"), encoding: .utf8)
        #expect(vocabulary.hasPrefix("tags:\n  seed: Sample questions\n"))
    }

    @Test func outputOptionAndTheTagsBesideIt() throws {
        let folder = try Self.scratch()
        defer { folder.remove() }
        let imported = try QuizProcess.run(
            ["import", "csv", QuizProcess.fixture("anki-notes.csv").path, "--bank", "net", "-o", "Banks/sub/net.yaml"],
            in: folder.url)
        #expect(imported.status == 0, "\(imported)")
        let vocabulary = try String(contentsOfFile: folder.file("Banks/tags.yaml"), encoding: .utf8)
        #expect(
            vocabulary.contains(
                "  networking-dns: Anki tag Networking::DNS, imported from anki-notes.csv (deck Networking)\n"))
        let bank = try String(contentsOfFile: folder.file("Banks/sub/net.yaml"), encoding: .utf8)
        // With #html:true a newline inside a field is HTML whitespace, as Anki shows it.
        #expect(bank.contains("    answer: Names to addresses; for example example.com to 93.184.215.14\n"))
    }

    @Test(arguments: [
        (["import", "apkg", "deck.apkg", "--bank", "deck"], "deck.apkg: is not a zip archive"),
        (["import", "apkg", "missing.apkg", "--bank", "deck"], "missing.apkg: is not a zip archive"),
        (["import", "csv", "bad.csv", "--bank", "deck"], "bad.csv: line 1: a quoted field is never closed"),
        (["import", "csv", "bad.csv", "--bank", "Not_An_Id"], "--bank 'Not_An_Id' is not a bank id"),
        (
            ["import", "apkg", "deck.apkg", "--bank", "deck", "--rollover", "25"],
            "--rollover takes an hour from 0 to 23"
        ),
    ])
    func refusedImportsNameTheFileAndWriteNothing(_ arguments: [String], _ message: String) throws {
        let folder = try Self.scratch()
        defer { folder.remove() }
        try Data("not a zip".utf8).write(to: URL(fileURLWithPath: folder.file("deck.apkg")))
        try Data("\"open,quote\n".utf8).write(to: URL(fileURLWithPath: folder.file("bad.csv")))
        let outcome = try QuizProcess.run(arguments, in: folder.url)
        #expect(outcome.status == 2, "\(outcome)")
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.file("Banks/deck.yaml")))
        #expect(
            try String(contentsOfFile: folder.file("Banks/tags.yaml"), encoding: .utf8)
                == "tags:\n  seed: Sample questions\n")
    }

    @Test func warningsNameTheFileAndLine() throws {
        let folder = try Self.scratch()
        defer { folder.remove() }
        try Data("a front,a back\nonly a front\n".utf8).write(to: URL(fileURLWithPath: folder.file("rows.csv")))
        let outcome = try QuizProcess.run(["import", "csv", "rows.csv", "--bank", "rows"], in: folder.url)
        #expect(outcome.status == 0, "\(outcome)")
        #expect(
            outcome.stderr.contains("rows.csv:2: warning: row 'only a front': it has no answer text"),
            "\(outcome.stderr)")
        #expect(outcome.stdout.contains("1 question (1 flashcard, 0 short)") && outcome.stdout.contains("1 warning"))
    }
}

/// Packages exported by Anki 26.9.3 itself (Fixtures/anki-packages.md), imported by the binary.
@Suite("quiz import apkg of Anki's own packages", .tags(.subprocess))
struct ImportPackageCLITests {
    @Test(arguments: ["anki-current.apkg", "anki-legacy.apkg"])
    func packageImportsWithHistory(_ fixture: String) throws {
        let folder = try ImportCLITests.scratch()
        defer { folder.remove() }
        let imported = try QuizProcess.run(
            [
                "import", "apkg", QuizProcess.fixture(fixture).path, "--bank", "anki", "--with-history", "--store",
                "p.sqlite",
            ],
            in: folder.url)
        #expect(imported.status == 0, "\(imported)")
        #expect(
            imported.stdout
                == "Banks/anki.yaml: 5 questions (4 flashcard, 1 short), 6 new tags in Banks/tags.yaml, 5 reviews of 1 cards\n"
        )
        #expect(try QuizProcess.run(["check", "Banks"], in: folder.url).status == 0)
        #expect(try QuizProcess.run(["compile", "-q"], in: folder.url).status == 0)
        let info = try QuizProcess.run(
            ["info", "anki/what-does-http-stand-for-f24af8", "--store", "p.sqlite"], in: folder.url)
        // Anki's compute_memory_state: stability 19.008, difficulty 6.490.
        #expect(info.stdout.contains("stability 19.01 days · difficulty 6.49 / 10"), "\(info)")
        let show = try QuizProcess.run(["show", "anki/capital-of-japan-70854a", "--format", "json"], in: folder.url)
        #expect(show.stdout.contains("\"accept\":[\"Tokyo\"]"), "\(show.stdout)")
        // Importing again updates the same questions and moves no history twice.
        let again = try QuizProcess.run(
            [
                "import", "apkg", QuizProcess.fixture(fixture).path, "--bank", "anki", "--with-history", "--store",
                "p.sqlite",
            ],
            in: folder.url)
        #expect(again.status == 0)
        #expect(again.stderr.contains("already has review history in the store"))
        #expect(again.stdout.hasPrefix("Banks/anki.yaml: 5 questions (4 flashcard, 1 short), 0 new tags"))
    }

    @Test func genankiPackageImports() throws {
        let folder = try ImportCLITests.scratch()
        defer { folder.remove() }
        let imported = try QuizProcess.run(
            ["import", "apkg", QuizProcess.fixture("genanki.apkg").path, "--bank", "capitals"], in: folder.url)
        #expect(imported.status == 0, "\(imported)")
        #expect(imported.stdout == "Banks/capitals.yaml: 2 questions (2 flashcard, 0 short), 1 new tag in Banks/tags.yaml\n")
        #expect(try QuizProcess.run(["check", "--warnings-as-errors", "Banks"], in: folder.url).status == 0)
        let bank = try String(contentsOfFile: folder.file("Banks/capitals.yaml"), encoding: .utf8)
        #expect(bank.contains("    prompt: Capital of *Argentina*\n    answer: Buenos Aires\n"))
        #expect(bank.contains("    prompt: \"[...] is in Italy\"\n    answer: \"**Rome** is in Italy\"\n"))
    }
}
