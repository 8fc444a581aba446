import Foundation

/// Reads Anki's text format (and plain two-column CSV/TSV): the `#separator:`, `#html:`,
/// `#tags column:`, `#deck:`, `#deck column:`, `#notetype:`, `#notetype column:` and
/// `#guid column:` headers, RFC 4180 quoting (a
/// quoted field may hold separators, doubled quotes and newlines), UTF-8 with or without a
/// byte-order mark.
enum TextFileReader {
    struct Result {
        var collection: AnkiCollection
        var lineOfNote: [Int64: Int]
        var decks: [String]
    }

    static let separatorNames: [String: Character] = [
        "comma": ",", "semicolon": ";", "tab": "\t", "space": " ", "pipe": "|", "colon": ":",
    ]

    /// Parses `data`; `file` names it in errors.
    ///
    /// - Throws: ``AnkiInteropError`` when it is not UTF-8, too large, has an unknown
    ///   separator or an unterminated quoted field.
    /// - Complexity: O(n) in the size of the file.
    static func read(_ data: Data, file: String, limits: SizeLimits) throws(AnkiInteropError) -> Result {
        guard Int64(data.count) <= limits.maximumMemberBytes else {
            throw AnkiInteropError(file: file, problem: "is larger than \(limits.maximumMemberBytes) bytes")
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw AnkiInteropError(file: file, problem: "is not UTF-8 text; save it as UTF-8 (with or without BOM)")
        }
        if text.hasPrefix("\u{feff}") { text.removeFirst() }
        var headers: [String: String] = [:]
        var lineNumber = 1
        var body = Substring(text)
        while body.hasPrefix("#") {
            let end = body.firstIndex(where: \.isNewline) ?? body.endIndex
            let line = body[body.index(after: body.startIndex)..<end]
            if let colon = line.firstIndex(of: ":") {
                headers[line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()] =
                    String(line[line.index(after: colon)...])
            }
            body = end < body.endIndex ? body[body.index(after: end)...] : body[end...]
            lineNumber += 1
        }
        let separator = try separator(headers["separator"], body: body, file: file)
        let html = headers["html"].map { $0.trimmingCharacters(in: .whitespaces).lowercased() == "true" } ?? false
        let tagsColumn = try column(headers["tags column"], name: "tags column", file: file)
        let guidColumn = try column(headers["guid column"], name: "guid column", file: file)
        let deckColumn = try column(headers["deck column"], name: "deck column", file: file)
        let noteTypeColumn = try column(headers["notetype column"], name: "notetype column", file: file)
        let deck = headers["deck"]?.trimmingCharacters(in: .whitespaces) ?? ""
        let noteTypeName = headers["notetype"]?.trimmingCharacters(in: .whitespaces) ?? "Basic"
        let rows = try rows(body, separator: separator, firstLine: lineNumber, file: file)

        var collection = AnkiCollection(noteTypes: [:], decks: [:], notes: [], cards: [], reviews: [])
        var noteTypeIDs: [String: Int64] = [:]
        var lineOfNote: [Int64: Int] = [:]
        var deckIDs: [String: Int64] = [:]
        let special = Set([tagsColumn, guidColumn, deckColumn, noteTypeColumn].compactMap { $0 })
        for (line, fields) in rows {
            let content = fields.indices.filter { !special.contains($0) }.map { fields[$0] }
            if content.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            let id = Int64(collection.notes.count + 1)
            let rowDeck = deckColumn.flatMap { $0 < fields.count ? fields[$0] : nil } ?? deck
            let deckName = rowDeck.isEmpty ? "Default" : rowDeck
            let deckID = deckIDs[deckName] ?? Int64(deckIDs.count + 1)
            deckIDs[deckName] = deckID
            let guid =
                guidColumn.flatMap { $0 < fields.count ? fields[$0] : nil }.flatMap { $0.isEmpty ? nil : $0 }
                ?? "text:" + (content.first ?? "")
            let typeName = noteTypeColumn.flatMap { $0 < fields.count ? fields[$0] : nil } ?? noteTypeName
            let noteTypeID = noteTypeIDs[typeName] ?? Int64(noteTypeIDs.count + 1)
            if noteTypeIDs[typeName] == nil {
                noteTypeIDs[typeName] = noteTypeID
                collection.noteTypes[noteTypeID] = Self.noteType(named: typeName, id: noteTypeID)
            }
            let tags = tagsColumn.flatMap { $0 < fields.count ? fields[$0] : nil } ?? ""
            collection.notes.append(
                AnkiCollection.Note(
                    id: id, guid: guid, noteTypeID: noteTypeID,
                    tags: tags.split(whereSeparator: \.isWhitespace).map(String.init),
                    fields: content.map { html ? $0 : Self.escaped($0) }))
            collection.cards.append(AnkiCollection.Card(id: id, noteID: id, deckID: deckID, ordinal: 0))
            lineOfNote[id] = line
        }
        for (name, id) in deckIDs { collection.decks[id] = name }
        return Result(collection: collection, lineOfNote: lineOfNote, decks: deckIDs.keys.sorted())
    }

    /// The stock note type a `#notetype:` header names; any other is a two-field type.
    static func noteType(named name: String, id: Int64) -> AnkiCollection.NoteType {
        let lowered = name.lowercased()
        if lowered.hasPrefix("cloze") {
            return AnkiCollection.NoteType(
                id: id, name: name, isCloze: true, fieldNames: ["Text", "Back Extra"],
                templates: [("{{cloze:Text}}", "")])
        }
        let typed = lowered.contains("type in the answer")
        return AnkiCollection.NoteType(
            id: id, name: name, isCloze: false, fieldNames: ["Front", "Back"],
            templates: [(typed ? "{{Front}}\n\n{{type:Back}}" : "{{Front}}", "{{Back}}")])
    }

    /// Plain text as the HTML the note converter reads: escaped as export escapes it, with
    /// its line breaks as `<br>`.
    static func escaped(_ text: String) -> String {
        MarkdownHTML.escape(text).replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\n", with: "<br>")
    }

    private static func separator(
        _ header: String?, body: Substring, file: String
    ) throws(AnkiInteropError) -> Character {
        if let header {
            let value = header.trimmingCharacters(in: .whitespaces)
            if let named = separatorNames[value.lowercased()] { return named }
            if value.count == 1, let character = value.first { return character }
            if header.count == 1, let character = header.first { return character }
            throw AnkiInteropError(
                file: file,
                problem:
                    "line 1: unknown separator '\(value)'; write Comma, Semicolon, Tab, Space, Pipe, Colon "
                    + "or one character"
            )
        }
        let firstLine = body.prefix { !$0.isNewline }
        for candidate: Character in ["\t", ";", ","] where firstLine.contains(candidate) { return candidate }
        return ","
    }

    private static func column(_ header: String?, name: String, file: String) throws(AnkiInteropError) -> Int? {
        guard let header else { return nil }
        guard let number = Int(header.trimmingCharacters(in: .whitespaces)), number >= 1, number <= 1000 else {
            throw AnkiInteropError(file: file, problem: "'#\(name):' takes a column number from 1, got '\(header)'")
        }
        return number - 1
    }

    /// The rows of `body` with the line each starts on.
    ///
    /// - Complexity: O(n).
    static func rows(
        _ body: Substring, separator: Character, firstLine: Int, file: String
    ) throws(AnkiInteropError)
        -> [(line: Int, fields: [String])]
    {
        var rows: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field = ""
        var line = firstLine
        var rowLine = firstLine
        var quoted = false
        var quoteLine = firstLine
        var fieldStarted = false
        var iterator = body.makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let character = pending {
                pending = nil
                return character
            }
            return iterator.next()
        }
        while let character = next() {
            if quoted {
                if character == "\"" {
                    if let following = next() {
                        if following == "\"" { field.append("\"") } else { quoted = false; pending = following }
                    } else {
                        quoted = false
                    }
                } else {
                    if character.isNewline { line += 1 }
                    field.append(character)
                }
            } else if character == "\"" && !fieldStarted {
                quoted = true
                fieldStarted = true
                quoteLine = line
            } else if character == separator {
                fields.append(field)
                field = ""
                fieldStarted = false
            } else if character.isNewline {
                fields.append(field)
                if fields.count > 1 || !fields[0].isEmpty { rows.append((rowLine, fields)) }
                fields = []
                field = ""
                fieldStarted = false
                line += 1
                rowLine = line
            } else {
                field.append(character)
                fieldStarted = true
            }
        }
        if quoted {
            throw AnkiInteropError(
                file: file, problem: "line \(quoteLine): a quoted field is never closed (missing '\"')")
        }
        if fieldStarted || !fields.isEmpty || !field.isEmpty {
            fields.append(field)
            rows.append((rowLine, fields))
        }
        return rows
    }
}
