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
    /// Also exports the notes in Anki's text format. Prints Anki's FSRS memory state of the
    /// reviewed card.
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
        col.export_note_csv(out_path=os.path.join(out, "notes.txt"), limit=None, with_html=True, with_tags=True,
                            with_deck=True, with_notetype=True, with_guid=True)
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
        let output = try #require(
            try AnkiOracle.run(makePackages, [folder.path], directory: folder.url) as? [String: Any])
        return Made(
            folder: folder, stability: try #require(output["stability"] as? Double),
            difficulty: try #require(output["difficulty"] as? Double))
    }

    static let vocabulary =
        "# the vocabulary\ntags:\n  seed: Sample questions\n  # Levels\n  senior: Expected of a senior\n"

    static func importInto(
        _ folder: TemporaryFolder, package: String, bank: String, store: ReviewStore? = nil
    ) throws
        -> ImportResult
    {
        let banks = folder.url.appendingPathComponent("Banks")
        try FileManager.default.createDirectory(at: banks, withIntermediateDirectories: true)
        let vocabulary = banks.appendingPathComponent("tags.yaml").path
        if !FileManager.default.fileExists(atPath: vocabulary) {
            try Self.vocabulary.write(toFile: vocabulary, atomically: true, encoding: .utf8)
        }
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
        #expect(
            cloze.answer == "The **mitochondrion** is the *powerhouse* of the **cell**.\n\n**Back Extra:** Biology 101")
        let code = try #require(questions.first { $0.prompt.hasPrefix("Which loop?") })
        #expect(code.prompt == "Which loop?\n\n- one & two\n- `x < y`")
        #expect(code.answer == "```\nlet x = 1\nprint(x)\n```")
        #expect(result.warnings.map(\.message) == ["image 'diagram.png' is not imported (quiz banks hold text only)"])
        // New tags appended after the untouched original, sorted, naming the deck.
        let vocabulary = try String(contentsOfFile: made.folder.file("Banks/tags.yaml"), encoding: .utf8)
        #expect(vocabulary.hasPrefix(Self.vocabulary))
        #expect(result.newTags == ["bio-cells", "code", "geography", "net", "spanish-nouns", "web-protocols"])
        #expect(
            vocabulary.contains("  spanish-nouns: Anki tag Spanish::Nouns, imported from \(package) (deck Spanish)\n"))
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
        #expect(
            abs(difficulty - made.difficulty) / made.difficulty < 0.01, "quiz \(difficulty), Anki \(made.difficulty)")
        #expect(try store.reviewLog(forKey: "anki/\(http.id)").map(\.rating.rawValue) == [3, 3, 1, 3, 4])
        // A package moves history once: importing it again adds no reviews.
        let again = try Self.importInto(made.folder, package: package, bank: "anki", store: store)
        #expect(again.reviewsImported == 0)
        #expect(try store.totalReviews == 5)
        #expect(again.warnings.contains { $0.message.contains("already has review history") })
    }

    @Test(.enabled(if: AnkiOracle.runs, AnkiOracle.missing))
    func ankisTextExportGivesTheSameQuestions() throws {
        let made = try Self.make()
        defer { made.folder.remove() }
        let package = try Self.importInto(made.folder, package: "current.apkg", bank: "anki")
        let banks = made.folder.url.appendingPathComponent("Banks")
        let options = ImportOptions(
            bank: "anki-text", output: banks.appendingPathComponent("anki-text.yaml").path,
            vocabulary: banks.appendingPathComponent("tags.yaml").path, store: nil, origin: "quiz import csv notes.txt")
        let text = try AnkiImporter.importText(at: made.folder.file("notes.txt"), options: options)
        // The GUID column keeps the ids; the notetype and deck columns keep the question types and tags.
        #expect(text.questions.map(\.id) == package.questions.map(\.id))
        #expect(text.questions.map(\.prompt) == package.questions.map(\.prompt))
        #expect(text.questions.map(\.answer) == package.questions.map(\.answer))
        #expect(text.questions.map(\.kind) == package.questions.map(\.kind))
        #expect(text.questions.map(\.tags) == package.questions.map(\.tags))
        #expect(text.newTags.isEmpty)
        let compiled = try Self.compile(made.folder)
        #expect(compiled.errorCount == 0, "\(compiled.diagnostics.map(\.message))")
    }

    /// Cards whose histories have same-day steps, an evening review followed by a morning one,
    /// Hard and Easy ratings and a lapse: where counting elapsed days by 24-hour periods
    /// instead of Anki's day boundaries would move the stability by a third.
    static let makeHistories = """
        import json, sys, os, datetime
        from anki.collection import Collection, ExportAnkiPackageOptions
        out = sys.argv[1]
        col = Collection(os.path.join(out, "history.anki2"))
        day = 86400 * 1000; minute = 60000; hour = 60 * minute
        evening = datetime.datetime.now().replace(hour=21, minute=0, second=0, microsecond=0) - datetime.timedelta(days=60)
        t0 = int(evening.timestamp() * 1000)
        plans = {
            "same-day steps": [(0, 1, 0), (10 * minute, 3, 0), (day, 3, 0), (3 * day, 3, 1), (10 * day, 2, 1)],
            "hard, easy and a lapse": [(0, 2, 0), (2 * day, 4, 1), (9 * day, 3, 1), (30 * day, 1, 1), (30 * day + 10 * minute, 3, 2), (33 * day, 3, 1)],
            "evening then morning": [(0, 3, 0), (11 * hour, 3, 0), (2 * day + 11 * hour, 3, 1), (9 * day, 4, 1)],
        }
        states = {}
        for number, (name, rows) in enumerate(plans.items()):
            note = col.new_note(col.models.by_name("Basic")); note.fields[0] = name; note.fields[1] = "an answer"
            col.add_note(note, col.decks.id("History"))
            card = note.cards()[0]
            for i, (offset, ease, kind) in enumerate(rows):
                col.db.execute("insert into revlog (id,cid,usn,ease,ivl,lastIvl,factor,time,type) values (?,?,?,?,?,?,?,?,?)",
                               t0 + offset + 10 * number + i, card.id, -1, ease, 1, 0, 2500, 3000, kind)
            card.type = 2; card.queue = 2; card.ivl = 5; card.due = col.sched.today + 1
            col.update_card(card)
            state = col.compute_memory_state(card.id)
            states[name] = [state.stability, state.difficulty, len(rows)]
        for legacy in (False, True):
            col.export_anki_package(out_path=os.path.join(out, "history-legacy.apkg" if legacy else "history.apkg"), limit=None,
                options=ExportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True, with_media=True, legacy=legacy))
        print(json.dumps(states))
        col.close()
        """

    @Test(.enabled(if: AnkiOracle.runs, AnkiOracle.missing), arguments: ["history.apkg", "history-legacy.apkg"])
    func harderHistoriesReproduceAnkisMemoryStates(_ package: String) throws {
        let folder = try TemporaryFolder(prefix: "anki-history")
        defer { folder.remove() }
        let states = try #require(
            try AnkiOracle.run(Self.makeHistories, [folder.path], directory: folder.url) as? [String: [Double]])
        let store = try ReviewStore(path: folder.file("store.sqlite"))
        let result = try Self.importInto(folder, package: package, bank: "history", store: store)
        #expect(result.cardsWithHistory == 3)
        for question in result.questions {
            let anki = try #require(states[question.prompt])
            let card = try #require(try store.card(forKey: "history/\(question.id)")).card
            let stability = try #require(card.stability)
            let difficulty = try #require(card.difficulty)
            #expect(
                abs(stability - anki[0]) / anki[0] < 0.01, "\(question.prompt): quiz S \(stability), Anki \(anki[0])")
            #expect(
                abs(difficulty - anki[1]) / anki[1] < 0.01, "\(question.prompt): quiz D \(difficulty), Anki \(anki[1])")
            #expect(try store.reviewLog(forKey: "history/\(question.id)").count == Int(anki[2]))
        }
    }
}
