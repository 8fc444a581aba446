import Foundation
import QuizStore

/// What to import into, and how.
public struct ImportOptions: Sendable {
    /// The new bank's id (`[a-z0-9][a-z0-9-]*`).
    public var bank: String
    /// Where the bank is written (`Banks/NAME.yaml` by default in the CLI).
    public var output: String
    /// The tag vocabulary that new tags are appended to.
    public var vocabulary: String
    /// The progress store that receives the review history, or nil to leave history out.
    public var store: ReviewStore?
    /// The command as typed, named in the files' comments.
    public var origin: String
    public var limits: SizeLimits = .standard
    /// The local hour at which a review day starts (Anki's default, 4), for counting the days
    /// between reviews as Anki does.
    public var rolloverHour = 4

    public init(bank: String, output: String, vocabulary: String, store: ReviewStore?, origin: String) {
        self.bank = bank
        self.output = output
        self.vocabulary = vocabulary
        self.store = store
        self.origin = origin
    }
}

/// What an import did.
public struct ImportResult: Sendable {
    public var questions: [ImportedQuestion]
    /// Tags added to the vocabulary (those already declared are not counted).
    public var newTags: [String]
    /// Review-log rows stored, and the cards they belong to.
    public var reviewsImported: Int
    public var cardsWithHistory: Int
    public var warnings: [ImportWarning]
}

/// Imports Anki packages (`.apkg`) and Anki text files (CSV/TSV) into a quiz bank.
public enum AnkiImporter {
    /// Imports the package at `path`.
    ///
    /// - Throws: ``AnkiInteropError`` (nothing written) when the package cannot be read, the
    ///   bank id is invalid or a file or the store cannot be written.
    public static func importPackage(at path: String, options: ImportOptions) throws(AnkiInteropError) -> ImportResult {
        let collection = try PackageReader.read(path, limits: options.limits)
        var converter = NoteConverter(collection: collection)
        converter.previousIDs = try previousIDs(at: options.output, file: path)
        converter.run()
        let decks = Set(collection.cards.compactMap { collection.decks[$0.deckID] }).sorted()
        return try write(converter, collection: collection, file: path, decks: decks, options: options)
    }

    /// Imports the Anki text file (or plain two-column CSV/TSV) at `path`.
    ///
    /// - Throws: ``AnkiInteropError`` (nothing written) when it cannot be read or written.
    public static func importText(at path: String, options: ImportOptions) throws(AnkiInteropError) -> ImportResult {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw AnkiInteropError(file: path, problem: "could not be read: \(error.localizedDescription)")
        }
        let text = try TextFileReader.read(data, file: path, limits: options.limits)
        var converter = NoteConverter(collection: text.collection, lineOfNote: text.lineOfNote)
        converter.previousIDs = try previousIDs(at: options.output, file: path)
        converter.run()
        var options = options
        options.store = nil
        return try write(converter, collection: text.collection, file: path, decks: text.decks, options: options)
    }

    /// The ids of the bank an earlier import wrote at `output`, if any.
    ///
    /// - Throws: ``AnkiInteropError`` when a file there was not written by an import (an
    ///   import never replaces a bank written by hand).
    private static func previousIDs(at output: String, file: String) throws(AnkiInteropError) -> [String: String] {
        guard FileManager.default.fileExists(atPath: output) else { return [:] }
        guard let text = try? String(contentsOfFile: output, encoding: .utf8), text.hasPrefix(BankWriter.header) else {
            throw AnkiInteropError(
                file: output,
                problem: "exists and was not written by quiz import; choose another path with -o, or another --bank")
        }
        return BankWriter.previousIDs(in: text)
    }

    private static func write(
        _ converter: NoteConverter, collection: AnkiCollection, file: String, decks: [String], options: ImportOptions
    ) throws(AnkiInteropError) -> ImportResult {
        guard TagName.quizName(for: options.bank) == options.bank else {
            throw AnkiInteropError(
                file: file,
                problem: "'\(options.bank)' is not a bank id: use lowercase letters, digits and hyphens, such as '"
                    + (TagName.quizName(for: options.bank) ?? "imported") + "'")
        }
        let name = URL(fileURLWithPath: file).lastPathComponent
        let deckList = decks.isEmpty ? "" : " (deck\(decks.count == 1 ? "" : "s") \(decks.joined(separator: ", ")))"
        let bankText = BankWriter.text(
            bank: options.bank, title: decks.count == 1 ? decks[0] : "Imported from \(name)",
            description: "Imported from \(name)\(deckList).", questions: converter.questions, origin: options.origin)
        var additions: [String: String] = [:]
        for (tag, origin) in converter.tagOrigins {
            let deckNames = origin.decks.sorted().joined(separator: ", ")
            additions[tag] =
                "Anki tag \(origin.ankiTag), imported from \(name) "
                + "(deck\(origin.decks.count == 1 ? "" : "s") \(deckNames))"
        }
        let existing = try? String(contentsOfFile: options.vocabulary, encoding: .utf8)
        if existing == nil, FileManager.default.fileExists(atPath: options.vocabulary) {
            throw AnkiInteropError(file: options.vocabulary, problem: "could not be read as UTF-8 text")
        }
        let vocabulary = TagVocabularyUpdate.updated(existing, adding: additions, origin: options.origin)
        var warnings = converter.warnings
        var history: HistoryReplay?
        if let store = options.store {
            do {
                history = try HistoryReplay(
                    collection: collection, questions: converter.questions, bank: options.bank, store: store,
                    rolloverHour: options.rolloverHour)
            } catch {
                throw AnkiInteropError(file: file, problem: "its review history could not be replayed: \(error)")
            }
            warnings += history?.warnings ?? []
        }
        var staged = StagedWrite(createsFolders: true)
        try staged.stage(bankText, at: options.output)
        if let text = vocabulary.text { try staged.stage(text, at: options.vocabulary) }
        if let store = options.store, let records = history?.records, !records.isEmpty {
            do {
                try store.record(contentsOf: records)
            } catch {
                staged.discard()
                throw AnkiInteropError(file: file, problem: "its review history could not be stored: \(error)")
            }
        }
        try staged.commit()
        return ImportResult(
            questions: converter.questions, newTags: vocabulary.added, reviewsImported: history?.records.count ?? 0,
            cardsWithHistory: history?.cardCount ?? 0, warnings: warnings)
    }
}
