import Foundation
import QuizEngine
import TestSupport
import Testing

@testable import AnkiInterop

/// Every shipped question exported, then read back by Anki itself.
@Suite("export read by Anki", .serialized, .tags(.subprocess), .skippedInFastRuns)
struct ExportToAnkiTests {
    static func shippedQuestions() throws -> [Question] {
        let index = try QuestionIndex(contentsOf: TestPaths.packageRoot.appendingPathComponent("Build/banks.qbx").path)
        return try (0..<index.count).map { try index.question(at: $0) }
    }

    static let importAndRender = """
        import sys, json
        from anki.collection import Collection, ImportAnkiPackageRequest, ImportAnkiPackageOptions
        col = Collection(sys.argv[1])
        def load(path):
            options = ImportAnkiPackageOptions(with_scheduling=True, merge_notetypes=True, with_deck_configs=True)
            return col.import_anki_package(ImportAnkiPackageRequest(package_path=path, options=options)).log
        first = load(sys.argv[2])
        notes = []
        for nid in col.find_notes(""):
            note = col.get_note(nid)
            card = note.cards()[0]
            notes.append({"guid": note.guid, "tags": note.tags, "deck": col.decks.name(card.did),
                          "fields": note.fields, "model": note.note_type()["name"],
                          "question": card.question(), "answer": card.answer()})
        second = load(sys.argv[3])
        print(json.dumps({"notes": notes, "first_new": len(first.new), "second_new": len(second.new),
                          "count": col.note_count()}))
        """

    @Test(.enabled(if: AnkiOracle.runs, AnkiOracle.missing))
    func everyShippedQuestionArrivesInAnki() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let questions = try Self.shippedQuestions()
        let first = folder.file("first.apkg")
        let second = folder.file("second.apkg")
        let summary = try ApkgExport.write(questions: questions, history: nil, to: first)
        #expect(summary.notes == questions.count)
        _ = try ApkgExport.write(questions: questions, history: nil, to: second)
        #expect(FileManager.default.contentsEqual(atPath: first, andPath: second), "the same inputs give the same bytes")

        let result = try #require(
            try AnkiOracle.run(Self.importAndRender, [folder.file("collection.anki2"), first, second], directory: folder.url)
                as? [String: Any])
        #expect(result["first_new"] as? Int == questions.count)
        #expect(result["second_new"] as? Int == 0, "importing a second export adds no notes")
        #expect(result["count"] as? Int == questions.count)
        let notes = try #require(result["notes"] as? [[String: Any]])
        let byGUID = Dictionary(uniqueKeysWithValues: notes.map { ($0["guid"] as? String ?? "", $0) })
        for question in questions {
            let note = try #require(byGUID[ExportedNote.guid(forKey: question.key)], "\(question.key) missing")
            #expect(note["deck"] as? String == "quiz::\(question.bank)")
            #expect(Set(note["tags"] as? [String] ?? []) == Set(question.tags + ["quiz::\(question.bank)"]))
            let fields = (note["fields"] as? [String] ?? []).joined(separator: "\n")
            let question_ = note["question"] as? String ?? ""
            let answer = note["answer"] as? String ?? ""
            // The prompt's first words and the answer's first words, as plain text, are in the fields.
            #expect(Self.normalised(fields).contains(Self.firstWords(question.prompt)), "\(question.key)")
            // A type-in card's answer is filled in by the reviewer (headless rendering leaves
            // the [[type:Answer]] marker), so its answer is checked in the fields.
            let typeIn = question.type == .short || question.type == .trace
            if let expected = Self.answerText(question) {
                #expect(Self.normalised(typeIn ? fields : answer).contains(expected), "\(question.key): \(expected)")
            }
            for rendered in [question_, answer] {
                // Anki reports template errors in the card; a template tag left unrendered is one too.
                let leftovers = ["{{Prompt", "{{Answer", "{{Options", "{{Accepted", "{{Extra", "{{Source", "{{#", "{{/"]
                #expect(!rendered.contains("has a problem"), "\(question.key)")
                #expect(!leftovers.contains { rendered.contains($0) }, "\(question.key)")
                #expect(rendered.contains("[[type:Answer]]") == typeIn, "\(question.key)")
            }
        }
    }

    /// Plain text with non-breaking spaces as spaces.
    static func normalised(_ html: String) -> String {
        ExportedNote.plainText(html.replacingOccurrences(of: "&nbsp;", with: " ")).replacingOccurrences(of: "\u{a0}", with: " ")
    }

    /// The first few words of a markdown text as they read in plain text.
    static func firstWords(_ markdown: String) -> String {
        let plain = ExportedNote.plainText(MarkdownHTML.html(markdown)).split(separator: " ").prefix(4)
        return plain.joined(separator: " ")
    }

    /// Text every answer side must show, by type.
    static func answerText(_ question: Question) -> String? {
        switch question.type {
        case .flashcard: return question.answer.map(firstWords)
        case .short: return question.accept.first.map { ExportedNote.plainText(MarkdownHTML.escape($0)) }
        case .choice, .multi: return question.choices.first { $0.isCorrect }.map { firstWords($0.text) }
        case .order: return question.items.first.map(firstWords)
        case .open: return question.guidance.map(firstWords) ?? question.rubric.first.map(firstWords)
        case .trace: return nil
        }
    }

    static let importCSV = """
        import sys, json
        from anki.collection import Collection
        from anki import import_export_pb2
        col = Collection(sys.argv[1])
        meta = col.get_csv_metadata(path=sys.argv[2], delimiter=None)
        col.import_csv(import_export_pb2.ImportCsvRequest(path=sys.argv[2], metadata=meta))
        notes = [col.get_note(n) for n in col.find_notes("")]
        print(json.dumps({"count": len(notes), "guids": [n.guid for n in notes],
                          "decks": sorted({col.decks.name(n.cards()[0].did) for n in notes}),
                          "tags": sorted({t for n in notes for t in n.tags})}))
        """

    @Test(.enabled(if: AnkiOracle.runs, AnkiOracle.missing), arguments: ["notes.csv", "notes.tsv"])
    func csvArrivesInAnki(name: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let questions = try Self.shippedQuestions().filter { $0.bank == "sql" || $0.bank == "behavioral" }
        let path = folder.file(name)
        try CSVExport.write(questions: questions, to: path)
        let result = try #require(
            try AnkiOracle.run(Self.importCSV, [folder.file("collection.anki2"), path], directory: folder.url)
                as? [String: Any])
        #expect(result["count"] as? Int == questions.count)
        #expect(Set(result["guids"] as? [String] ?? []) == Set(questions.map { ExportedNote.guid(forKey: $0.key) }))
        #expect(Set(result["decks"] as? [String] ?? []) == ["quiz::behavioral", "quiz::sql"])
        #expect((result["tags"] as? [String] ?? []).contains("quiz::sql"))
    }
}
