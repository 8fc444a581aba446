import AnkiInterop
import BankCompiler
import Foundation
import QuizEngine
import QuizStore
import TestSupport
import Testing

/// Packages written by Anki itself (26.9.3, current and legacy formats) imported into banks
/// that the compiler accepts, with the text, tags and review history preserved.
@Suite("Import of packages written by Anki", .tags(.subprocess), .skippedInFastRuns)
struct AnkiPackageImportTests {
    /// Makes a collection with Basic, reversed, type-in and cloze notes (HTML, unicode,
    /// hierarchical tags), gives the first note a review history, and exports it both ways.
    /// Prints the note GUIDs and Anki's FSRS memory state of the reviewed card.
    static let makePackages = """
        import json, sys, os, time
        from anki.collection import Collection, ExportAnkiPackageOptions
        out = sys.argv[1]
        col = Collection(os.path.join(out, "source.anki2"))
        def add(model, fields, tags, deck):
            n = col.new_note(col.models.by_name(model))
            for i, f in enumerate(fields): n.fields[i] = f
            n.tags = tags
            col.add_note(n, col.decks.id(deck))
            return n
        notes = [
            add("Basic", ["What does <b>HTTP</b> stand for?", "HyperText Transfer Protocol<br>See RFC&nbsp;9110."], ["Web::Protocols", "net"], "Tech::Web"),
            add("Basic (and reversed card)", ["la manzana", "the apple"], ["Spanish::Nouns"], "Spanish"),
            add("Basic (type in the answer)", ["Capital of Japan? 🗾", "Tokyo"], ["Geography"], "Spanish"),
            add("Cloze", ["The {{c1::mitochondrion}} is the <i>powerhouse</i> of the {{c2::cell::unit}}.", "Biology 101"], ["Bio::Cells"], "Science"),
            add("Basic", ["<div>Which loop?</div><ul><li>one &amp; two</li><li><code>x &lt; y</code></li></ul>", "<pre>let x = 1\\nprint(x)</pre><img src=\\"diagram.png\\">"], ["Code"], "Tech::Web"),
        ]
        card = notes[0].cards()[0]
        day = 86400 * 1000
        t0 = int(time.time() * 1000) - 40 * day
        rows = [(t0, 3, 0), (t0 + day, 3, 1), (t0 + 4 * day, 1, 1), (t0 + 5 * day, 3, 2), (t0 + 12 * day, 4, 1), (t0 + 13 * day, 0, 4)]
        for i, (ts, ease, kind) in enumerate(rows):
            col.db.execute("insert into revlog (id,cid,usn,ease,ivl,lastIvl,factor,time,type) values (?,?,?,?,?,?,?,?,?)",
                           ts, card.id, -1, ease, 1, 0, 2500, 4000 + i, kind)
        card.type = 2; card.queue = 2; card.ivl = 10; card.due = col.sched.today + 3
        col.update_card(card)
        state = col.compute_memory_state(card.id)
        for legacy in (False, True):
            col.export_anki_package(out_path=os.path.join(out, "legacy.apkg" if legacy else "current.apkg"), limit=None,
                options=ExportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True, with_media=True, legacy=legacy))
        print(json.dumps({"stability": state.stability, "difficulty": state.difficulty, "reviews": 5}))
        col.close()
        """

    struct Made {
        var folder: TemporaryFolder
        var stability: Double
        var difficulty: Double
    }

    static func make() throws -> Made {
        let folder = try TemporaryFolder(prefix: "anki-import")
        let output = try #require(try AnkiOracle.run(makePackages, [folder.path], directory: folder.url) as? [String: Any])
        return Made(
            folder: folder, stability: try #require(output["stability"] as? Double),
            difficulty: try #require(output["difficulty"] as? Double))
    }

    static let vocabulary = "# the vocabulary\ntags:\n  seed: Sample questions\n  # Levels\n  senior: Expected of a senior\n"

    static func importInto(_ folder: TemporaryFolder, package: String, bank: String, store: ReviewStore? = nil) throws
        -> ImportResult
    {
        let banks = folder.url.appendingPathComponent("Banks")
        try FileManager.default.createDirectory(at: banks, withIntermediateDirectories: true)
        let vocabulary = banks.appendingPathComponent("tags.yaml").path
        if !FileManager.default.fileExists(atPath: vocabulary) { try Self.vocabulary.write(toFile: vocabulary, atomically: true, encoding: .utf8) }
        let options = ImportOptions(
            bank: bank, output: banks.appendingPathComponent("\(bank).yaml").path, vocabulary: vocabulary, store: store,
            origin: "quiz import apkg \(package) --bank \(bank)")
        return try AnkiImporter.importPackage(at: folder.file(package), options: options)
    }

    static let vocabularyText = vocabulary

    static func compile(_ folder: TemporaryFolder) throws -> CompilationResult {
        try Compiler().compile(paths: [folder.url.appendingPathComponent("Banks").path])
    }

    @Test(.enabled(if: AnkiOracle.runs, AnkiOracle.missing), arguments: ["current.apkg", "legacy.apkg"])
    func packageBecomesABankTheCompilerAccepts(_ package: String) throws {
        let made = try Self.make()
        defer { made.folder.remove() }
        let result = try Self.importInto(made.folder, package: package, bank: "anki")
        #expect(result.questions.count == 5)
        let compiled = try Self.compile(made.folder)
        #expect(compiled.errorCount == 0, "\(compiled.diagnostics.map(\.message))")
        let questions = try #require(compiled.questionSet?.questions.filter { $0.bank == "anki" })
        #expect(questions.count == 5)
        let byPrompt = Dictionary(questions.map { ($0.prompt, $0) }, uniquingKeysWith: { first, _ in first })
        let http = try #require(byPrompt["What does **HTTP** stand for?"])
        #expect(http.type == .flashcard)
        #expect(http.answer == "HyperText Transfer Protocol\nSee RFC 9110.")
        #expect(Set(http.tags) == ["net", "web-protocols"])
        #expect(byPrompt["la manzana"]?.answer == "the apple")
        let typed = try #require(byPrompt["Capital of Japan? 🗾"])
        #expect(typed.type == .short && typed.accept == ["Tokyo"])
        let cloze = try #require(byPrompt["The [...] is the *powerhouse* of the [unit]."])
        #expect(cloze.answer == "The **mitochondrion** is the *powerhouse* of the **cell**.\n\n**Back Extra:** Biology 101")
        let code = try #require(questions.first { $0.prompt.hasPrefix("Which loop?") })
        #expect(code.prompt == "Which loop?\n\n- one & two\n- `x < y`")
        #expect(code.answer == "```\nlet x = 1\nprint(x)\n```")
        #expect(result.warnings.map(\.message) == ["image 'diagram.png' is not imported (quiz banks hold text only)"])
        // New tags appended after the untouched original, sorted, naming the deck.
        let vocabulary = try String(contentsOfFile: made.folder.file("Banks/tags.yaml"), encoding: .utf8)
        #expect(vocabulary.hasPrefix(Self.vocabulary))
        #expect(result.newTags == ["bio-cells", "code", "geography", "net", "spanish-nouns", "web-protocols"])
        #expect(vocabulary.contains("  spanish-nouns: Anki tag Spanish::Nouns, imported from \(package) (deck Spanish)\n"))
    }

    @Test(.enabled(if: AnkiOracle.runs, AnkiOracle.missing))
    func bothFormatsGiveTheSameBankAndReimportKeepsIds() throws {
        let made = try Self.make()
        defer { made.folder.remove() }
        let current = try Self.importInto(made.folder, package: "current.apkg", bank: "anki")
        let first = try String(contentsOfFile: made.folder.file("Banks/anki.yaml"), encoding: .utf8)
        let vocabulary = try String(contentsOfFile: made.folder.file("Banks/tags.yaml"), encoding: .utf8)
        let again = try Self.importInto(made.folder, package: "current.apkg", bank: "anki")
        #expect(try String(contentsOfFile: made.folder.file("Banks/anki.yaml"), encoding: .utf8) == first)
        #expect(try String(contentsOfFile: made.folder.file("Banks/tags.yaml"), encoding: .utf8) == vocabulary)
        #expect(again.newTags.isEmpty)
        let legacy = try Self.importInto(made.folder, package: "legacy.apkg", bank: "anki-legacy")
        #expect(legacy.questions.map(\.id) == current.questions.map(\.id))
        #expect(legacy.questions.map(\.prompt) == current.questions.map(\.prompt))
    }

    @Test(.enabled(if: AnkiOracle.runs, AnkiOracle.missing), arguments: ["current.apkg", "legacy.apkg"])
    func historyReproducesAnkisMemoryState(_ package: String) throws {
        let made = try Self.make()
        defer { made.folder.remove() }
        let store = try ReviewStore(path: made.folder.file("store.sqlite"))
        let result = try Self.importInto(made.folder, package: package, bank: "anki", store: store)
        #expect(result.reviewsImported == 5 && result.cardsWithHistory == 1)
        let http = try #require(result.questions.first { $0.prompt.contains("HTTP") })
        let card = try #require(try store.card(forKey: "anki/\(http.id)")).card
        let stability = try #require(card.stability)
        let difficulty = try #require(card.difficulty)
        #expect(abs(stability - made.stability) / made.stability < 0.01, "quiz \(stability), Anki \(made.stability)")
        #expect(abs(difficulty - made.difficulty) / made.difficulty < 0.01, "quiz \(difficulty), Anki \(made.difficulty)")
        #expect(try store.reviewLog(forKey: "anki/\(http.id)").map(\.rating.rawValue) == [3, 3, 1, 3, 4])
        // A package moves history once: importing it again adds no reviews.
        let again = try Self.importInto(made.folder, package: package, bank: "anki", store: store)
        #expect(again.reviewsImported == 0)
        #expect(try store.totalReviews == 5)
        #expect(again.warnings.contains { $0.message.contains("already has review history") })
    }
}
