import Foundation
import GRDB

/// Reads an Anki collection database (schema 11 or 18) into an ``AnkiCollection``, refusing a
/// file that is not SQLite or holds tables Anki never writes.
enum CollectionReader {
    /// Tables an Anki collection of schema 11 through 18 may hold (SQLite's own statistics
    /// tables included). Anything else means the file is not what it claims to be.
    static let knownTables: Set<String> = [
        "col", "notes", "cards", "revlog", "graves", "deck_config", "config", "fields", "templates", "notetypes",
        "decks", "tags", "sqlite_stat1", "sqlite_stat2", "sqlite_stat3", "sqlite_stat4", "sqlite_sequence",
    ]
    static let requiredTables: [String] = ["col", "notes", "cards", "revlog"]

    /// Reads the collection at `url`; `file` and `member` name it in errors.
    ///
    /// - Throws: ``AnkiInteropError`` when the file is not SQLite, lacks Anki's tables, holds
    ///   unexpected ones or has rows that do not parse.
    /// - Complexity: O(notes + cards + reviews).
    static func read(_ url: URL, file: String, member: String) throws(AnkiInteropError) -> AnkiCollection {
        let header = (try? FileHandle(forReadingFrom: url).read(upToCount: 16)) ?? nil
        guard let header, header == Data("SQLite format 3\0".utf8) else {
            throw AnkiInteropError(file: file, problem: "member '\(member)' is not an SQLite database")
        }
        do {
            var configuration = Configuration()
            configuration.readonly = true
            let queue = try DatabaseQueue(path: url.path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in try read(db, file: file, member: member) }
        } catch let error as AnkiInteropError {
            throw error
        } catch {
            throw AnkiInteropError(
                file: file, problem: "member '\(member)' could not be read as an Anki collection: \(error)")
        }
    }

    private static func read(_ db: Database, file: String, member: String) throws -> AnkiCollection {
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        if let unexpected = tables.sorted().first(where: { !knownTables.contains($0) }) {
            throw AnkiInteropError(
                file: file, problem: "member '\(member)' has a table '\(unexpected)' that no Anki collection has")
        }
        if let missing = requiredTables.first(where: { !tables.contains($0) }) {
            throw AnkiInteropError(
                file: file, problem: "member '\(member)' has no '\(missing)' table: not an Anki collection")
        }
        let modern = tables.contains("notetypes")
        let (noteTypes, decks) = modern ? try modernModels(db) : try legacyModels(db, file: file, member: member)
        let notes = try Row.fetchAll(
            db,
            sql: """
                SELECT CAST(IFNULL(id, 0) AS INTEGER) AS id, CAST(IFNULL(guid, '') AS TEXT) AS guid,
                       CAST(IFNULL(mid, 0) AS INTEGER) AS mid,
                       CAST(IFNULL(tags, '') AS TEXT) AS tags, CAST(IFNULL(flds, '') AS TEXT) AS flds
                FROM notes ORDER BY id
                """
        ).map { row in
            AnkiCollection.Note(
                id: row["id"], guid: row["guid"], noteTypeID: row["mid"],
                tags: (row["tags"] as String? ?? "").split(whereSeparator: \.isWhitespace).map(String.init),
                fields: (row["flds"] as String? ?? "").split(separator: "\u{1f}", omittingEmptySubsequences: false)
                    .map(String.init))
        }
        let cards = try Row.fetchAll(
            db,
            sql: """
                SELECT CAST(IFNULL(id, 0) AS INTEGER) AS id, CAST(IFNULL(nid, 0) AS INTEGER) AS nid,
                       CAST(IFNULL(did, 0) AS INTEGER) AS did,
                       CAST(IFNULL(ord, 0) AS INTEGER) AS ord
                FROM cards ORDER BY nid, ord
                """
        ).map { row in
            AnkiCollection.Card(id: row["id"], noteID: row["nid"], deckID: row["did"], ordinal: row["ord"])
        }
        let reviews = try Row.fetchAll(
            db,
            sql: """
                SELECT CAST(IFNULL(id, 0) AS INTEGER) AS id, CAST(IFNULL(cid, 0) AS INTEGER) AS cid,
                       CAST(IFNULL(ease, 0) AS INTEGER) AS ease, CAST(IFNULL(time, 0) AS INTEGER) AS time,
                       CAST(IFNULL(type, 0) AS INTEGER) AS type
                FROM revlog ORDER BY id
                """
        ).map { row in
            AnkiCollection.Review(
                id: row["id"], cardID: row["cid"], ease: row["ease"], durationMilliseconds: row["time"],
                kind: row["type"])
        }
        return AnkiCollection(noteTypes: noteTypes, decks: decks, notes: notes, cards: cards, reviews: reviews)
    }

    /// Schema 11: note types and decks are JSON in the one `col` row.
    private static func legacyModels(
        _ db: Database, file: String, member: String
    ) throws -> (
        [Int64: AnkiCollection.NoteType], [Int64: String]
    ) {
        guard
            let row = try Row.fetchOne(
                db,
                sql:
                    "SELECT CAST(IFNULL(models, '') AS TEXT) AS models, CAST(IFNULL(decks, '') AS TEXT) AS decks "
                    + "FROM col"
            )
        else {
            throw AnkiInteropError(file: file, problem: "member '\(member)' has an empty 'col' table")
        }
        func object(_ column: String) throws -> [String: Any] {
            let text: String = row[column]
            guard let value = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
                throw AnkiInteropError(file: file, problem: "member '\(member)': col.\(column) is not a JSON object")
            }
            return value
        }
        var noteTypes: [Int64: AnkiCollection.NoteType] = [:]
        for (key, value) in try object("models") {
            guard let model = value as? [String: Any], let id = Int64(key) else { continue }
            let fields = (model["flds"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            let templates = (model["tmpls"] as? [[String: Any]] ?? []).map {
                (question: $0["qfmt"] as? String ?? "", answer: $0["afmt"] as? String ?? "")
            }
            noteTypes[id] = AnkiCollection.NoteType(
                id: id, name: model["name"] as? String ?? "note type \(id)", isCloze: (model["type"] as? Int) == 1,
                fieldNames: fields, templates: templates)
        }
        var decks: [Int64: String] = [:]
        for (key, value) in try object("decks") {
            if let id = Int64(key), let name = (value as? [String: Any])?["name"] as? String { decks[id] = name }
        }
        return (noteTypes, decks)
    }

    /// Schema 18: tables of their own, with protobuf configuration blobs.
    private static func modernModels(_ db: Database) throws -> ([Int64: AnkiCollection.NoteType], [Int64: String]) {
        var noteTypes: [Int64: AnkiCollection.NoteType] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT CAST(IFNULL(id, 0) AS INTEGER) AS id, CAST(IFNULL(name, '') AS TEXT) AS name,
                       CAST(IFNULL(config, x'') AS BLOB) AS config
                FROM notetypes
                """)
        {
            let id: Int64 = row["id"]
            let config = ProtobufFields(row["config"] as Data)
            noteTypes[id] = AnkiCollection.NoteType(
                id: id, name: row["name"], isCloze: config?.integers[1] == 1, fieldNames: [], templates: [])
        }
        for row in try Row.fetchAll(
            db,
            sql:
                "SELECT CAST(IFNULL(ntid, 0) AS INTEGER) AS ntid, CAST(IFNULL(name, '') AS TEXT) AS name "
                + "FROM fields ORDER BY ntid, ord"
        ) {
            noteTypes[row["ntid"] as Int64]?.fieldNames.append(row["name"])
        }
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT CAST(IFNULL(ntid, 0) AS INTEGER) AS ntid, CAST(IFNULL(config, x'') AS BLOB) AS config
                FROM templates ORDER BY ntid, ord
                """)
        {
            let config = ProtobufFields(row["config"] as Data)
            noteTypes[row["ntid"] as Int64]?.templates.append(
                (question: config?.string(1) ?? "", answer: config?.string(2) ?? ""))
        }
        var decks: [Int64: String] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT CAST(IFNULL(id, 0) AS INTEGER) AS id, CAST(IFNULL(name, '') AS TEXT) AS name FROM decks")
        {
            decks[row["id"]] = (row["name"] as String).replacingOccurrences(of: "\u{1f}", with: "::")
        }
        return (noteTypes, decks)
    }
}
