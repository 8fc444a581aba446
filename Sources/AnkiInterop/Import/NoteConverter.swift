/// Turns Anki notes into quiz questions: Basic and reversed notes into flashcards, notes whose
/// first template types an answer (`{{type:Field}}`) into short questions, cloze notes into
/// flashcards with the deletions blanked in the prompt and filled in the answer, and any
/// other note type into a flashcard of its first field and the rest.
struct NoteConverter {
    var collection: AnkiCollection
    /// Notes are named in warnings by their first field (packages) or their line (text files).
    var lineOfNote: [Int64: Int] = [:]
    /// The ids of an earlier import of the same file, by the GUID hash that ends them, so a
    /// note whose first field was edited keeps its id (and its review history).
    var previousIDs: [String: String] = [:]

    private(set) var questions: [ImportedQuestion] = []
    private(set) var warnings: [ImportWarning] = []
    /// Each quiz tag with the Anki tags and decks it came from.
    private(set) var tagOrigins: [String: (ankiTag: String, decks: Set<String>)] = [:]

    init(collection: AnkiCollection, lineOfNote: [Int64: Int] = [:]) {
        self.collection = collection
        self.lineOfNote = lineOfNote
    }

    /// Converts every note, in note order.
    ///
    /// - Complexity: O(total field length + cards).
    mutating func run() {
        var deckOfNote: [Int64: Int64] = [:]
        for card in collection.cards where deckOfNote[card.noteID] == nil { deckOfNote[card.noteID] = card.deckID }
        var usedIDs: Set<String> = []
        var usedGUIDs: Set<String> = []
        for note in collection.notes {
            let deck = deckOfNote[note.id].flatMap { collection.decks[$0] } ?? "Default"
            var messages: [String] = []
            defer {
                if !messages.isEmpty {
                    let subject = subject(of: note, deck: deck)
                    warnings += messages.map { ImportWarning(line: lineOfNote[note.id], subject: subject, message: $0) }
                }
            }
            guard let type = collection.noteTypes[note.noteTypeID] else {
                messages.append("its note type \(note.noteTypeID) is missing from the collection; not imported")
                continue
            }
            guard var question = convert(note, type: type, warn: { messages.append($0) }) else { continue }
            question.tags = tags(of: note, deck: deck, warn: { messages.append($0) })
            let slug = TagName.slug(question.prompt)
            let stem = slug.isEmpty ? "note" : slug
            var id = stem + "-" + TagName.shortHash(note.guid)
            if usedIDs.contains(id) { id = stem + "-" + TagName.shortHash(note.guid, digits: 16) }
            for digits in [6, 16] {
                if let previous = previousIDs[TagName.shortHash(note.guid, digits: digits)], !usedIDs.contains(previous)
                {
                    id = previous
                    break
                }
            }
            guard usedGUIDs.insert(note.guid).inserted, usedIDs.insert(id).inserted else {
                messages.append(
                    lineOfNote[note.id] == nil
                        ? "another note has the same GUID '\(note.guid)'; not imported"
                        : "another row has the same GUID (or, without a GUID column, the same first field); "
                            + "not imported"
                )
                continue
            }
            question.id = id
            question.source = "Anki deck \(deck)"
            question.noteID = lineOfNote[note.id] == nil ? note.id : nil
            questions.append(question)
        }
    }

    /// How a warning names `note`: by its first field's text, and for a package by its note
    /// type and deck (a text file's warnings carry the line).
    private func subject(of note: AnkiNote, deck: String) -> String {
        let excerpt = String(AnkiHTML.markdown(note.fields.first ?? "", plain: true).text.prefix(40))
        guard lineOfNote[note.id] == nil else { return "row '\(excerpt)'" }
        return "note '\(excerpt)' (\(collection.noteTypes[note.noteTypeID]?.name ?? "unknown note type"), deck \(deck))"
    }

    private func convert(_ note: AnkiNote, type: AnkiCollection.NoteType, warn: (String) -> Void) -> ImportedQuestion? {
        var fields = note.fields
        while fields.count < max(type.fieldNames.count, 2) { fields.append("") }
        var dropped: [String] = []
        func text(_ html: String, plain: Bool = false) -> String {
            let converted = AnkiHTML.markdown(html, plain: plain)
            dropped += converted.droppedMedia
            return Self.printable(converted.text)
        }
        defer {
            for media in Set(dropped).sorted() { warn("\(media) is not imported (quiz banks hold text only)") }
        }
        var question = ImportedQuestion(
            id: "", kind: .flashcard, prompt: "", answer: nil, accept: [], explanation: nil, tags: [], source: "")
        let rest: [Int]
        if type.name.hasPrefix("Image Occlusion") {
            warn("an image occlusion note is a picture with masks, which a text bank cannot hold; not imported")
            return nil
        } else if type.isCloze {
            guard let (prompt, answer) = Cloze.split(fields[0]) else {
                warn("a cloze note without a deletion ({{c1::…}}); not imported")
                return nil
            }
            question.prompt = text(prompt)
            question.answer = text(answer)
            rest = Array(1..<fields.count)
        } else if let typed = type.typedAnswerField, typed != 0 {
            question.kind = .short
            question.prompt = text(fields[0])
            let accepted = text(fields[typed], plain: true).replacingOccurrences(of: "\n", with: " ")
            if !accepted.isEmpty { question.accept = [accepted] }
            rest = Array(1..<fields.count).filter { $0 != typed }
        } else {
            question.prompt = text(fields[0])
            rest = Array(1..<fields.count)
        }
        let labelled = rest.count > 1 || type.isCloze
        let extra = rest.compactMap { index -> String? in
            let value = text(fields[index])
            guard !value.isEmpty else { return nil }
            let name = index < type.fieldNames.count ? type.fieldNames[index] : "Field \(index + 1)"
            return labelled ? "**\(name):** \(value)" : value
        }
        switch question.kind {
        case .flashcard:
            let parts = [question.answer].compactMap { $0 } + extra
            question.answer = parts.isEmpty ? nil : parts.joined(separator: "\n\n")
        case .short:
            question.explanation = extra.isEmpty ? nil : extra.joined(separator: "\n\n")
        }
        if question.prompt.isEmpty {
            warn("its first field has no text (only media or markup); not imported")
            return nil
        }
        if question.kind == .flashcard, question.answer?.isEmpty ?? true {
            warn("it has no answer text (all other fields are empty); not imported")
            return nil
        }
        if question.kind == .short, question.accept.isEmpty {
            warn("its typed answer field '\(type.fieldNames[type.typedAnswerField ?? 0])' is empty; not imported")
            return nil
        }
        return question
    }

    private mutating func tags(of note: AnkiNote, deck: String, warn: (String) -> Void) -> [String] {
        var names: [String] = []
        for ankiTag in note.tags {
            guard let name = TagName.quizName(for: ankiTag) else {
                warn("tag '\(ankiTag)' has no letters or digits quiz can keep; left out")
                continue
            }
            if let origin = tagOrigins[name], origin.ankiTag != ankiTag {
                warn("tags '\(origin.ankiTag)' and '\(ankiTag)' both become '\(name)'")
            }
            tagOrigins[name, default: (ankiTag, [])].decks.insert(deck)
            if !names.contains(name) { names.append(name) }
        }
        return names.sorted()
    }

    /// `text` without control characters other than newline and tab, and with Unicode's line
    /// and paragraph separators as newlines (YAML would read them as line breaks anyway).
    static func printable(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\u{2028}" || scalar == "\u{2029}" {
                scalars.append("\n")
            } else if scalar == "\n" || scalar == "\t" || scalar.properties.generalCategory != .control {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}

typealias AnkiNote = AnkiCollection.Note
