import Foundation
import QuizEngine
import QuizStore
import ZIPFoundation

/// `quiz export apkg`: questions as an Anki package that every Anki version imports.
///
/// The package is the minimal layout: a zip holding `collection.anki2` (a schema-11 SQLite
/// collection with `schedVer` 2) and an empty `media` map. One note per question in deck
/// `quiz::<bank>`, tagged with the question's tags and `quiz::<bank>`, its GUID derived from
/// the key. With history, each answered card carries its review log, scheduling state and
/// FSRS memory state (`cards.data`), and the deck options carry the FSRS parameters in force.
public enum ApkgExport {
    /// What a package holds.
    public struct Summary: Sendable, Hashable {
        public var notes: Int
        public var decks: Int
        public var cardsWithHistory: Int
        public var reviews: Int
    }

    /// The review history to carry over.
    public struct History {
        public var store: ReviewStore
        public var rolloverHour: Int

        public init(store: ReviewStore, rolloverHour: Int) {
            self.store = store
            self.rolloverHour = rolloverHour
        }
    }

    /// Writes `questions` (in key order) to the package `path`, atomically: the package
    /// appears complete or not at all.
    ///
    /// - Throws: ``AnkiInteropError`` naming `path` when it cannot be written, or the store's
    ///   error when its history cannot be read.
    public static func write(questions: [Question], history: History?, rolloverHour: Int = 4, to path: String) throws
        -> Summary
    {
        let notes = try ExportedNote.notes(for: questions, file: path)
        var histories: [String: AnkiCardHistory] = [:]
        var parameters = FSRSParameters.default
        if let history {
            parameters = try history.store.parametersInForce()
            for question in questions {
                guard let card = try history.store.card(forKey: question.key, revision: question.revision) else { continue }
                histories[question.key] = AnkiCardHistory(log: try history.store.reviewLog(forKey: question.key), card: card)
            }
        }
        let collection = ExportedCollection(
            notes: notes, histories: histories, parameters: parameters,
            rolloverHour: history?.rolloverHour ?? rolloverHour)
        try StagedWrite.write(to: path) { temporary in
            let scratch = temporary + ".collection"
            defer { try? FileManager.default.removeItem(atPath: scratch) }
            try collection.write(to: scratch)
            let database = try Data(contentsOf: URL(fileURLWithPath: scratch))
            let archive = try Archive(url: URL(fileURLWithPath: temporary), accessMode: .create)
            // A fixed date: the same inputs give the same bytes.
            let date = Date(timeIntervalSince1970: 1_700_000_000)
            for (name, data) in [("collection.anki2", database), ("media", Data("{}".utf8))] {
                try archive.addEntry(
                    with: name, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                    compressionMethod: .deflate
                ) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
        }
        return Summary(
            notes: notes.count, decks: Set(notes.map(\.deck)).count, cardsWithHistory: histories.count,
            reviews: histories.values.reduce(0) { $0 + $1.reviews.count })
    }
}
