import Foundation
import QuizEngine

/// One question as an Anki note: its note type, its fields as HTML, its deck and tags, and a
/// GUID derived from the question key, so exporting again and importing updates the same note.
struct ExportedNote: Sendable {
    var key: String
    var guid: String
    var noteType: AnkiNoteType
    var fields: [String]
    var deck: String
    var tags: [String]

    /// The note for `question`, shown as a round seeded with 0 would show it: choices and order
    /// items in a fixed shuffled order, a trace question's instance drawn and answered by the
    /// course code.
    ///
    /// - Throws: the trace generator's error for a template no input satisfies (the compiler
    ///   rejects those, so a compiled index never has one).
    init(_ question: Question) throws {
        let presented = try PresentedQuestion(question, seed: 0)
        key = question.key
        guid = Self.guid(forKey: question.key)
        deck = "quiz::\(question.bank)"
        tags = (question.tags + ["quiz::\(question.bank)"]).sorted()
        let prompt = MarkdownHTML.html(presented.prompt)
        let extra = question.explanation.map(MarkdownHTML.html) ?? ""
        var source = MarkdownHTML.escape(question.key)
        if !question.refs.isEmpty {
            source += " · " + question.refs.map(Self.reference).joined(separator: " · ")
        }
        switch question.type {
        case .flashcard:
            noteType = .basic
            fields = [prompt, MarkdownHTML.html(question.answer ?? ""), extra, source]
        case .open:
            noteType = .basic
            var back = question.guidance.map(MarkdownHTML.html) ?? ""
            if !question.rubric.isEmpty {
                back +=
                    "\n<p><b>Rubric</b></p><ul class=\"rubric\">"
                    + question.rubric.map { "<li>☐ \(MarkdownHTML.inline($0))</li>" }.joined() + "</ul>"
            }
            fields = [prompt, back, extra, source]
        case .short:
            noteType = .typeIn
            let accepted = question.accept.dropFirst().map(MarkdownHTML.escape).joined(separator: " · ")
            fields = [prompt, MarkdownHTML.escape(question.accept.first ?? ""), accepted, extra, source]
        case .trace:
            noteType = .typeIn
            let answer = presented.trace.map { "\($0.answer)" } ?? ""
            fields = [prompt, MarkdownHTML.escape(answer), "", extra, source]
        case .choice, .multi:
            noteType = .choice
            let choices = presented.displayedChoices
            let options =
                "<ol>"
                + choices.enumerated().map { "<li>\(Self.letter($0.offset))) \(MarkdownHTML.inline($0.element.text))</li>" }
                    .joined() + "</ol>"
            let answer =
                "<ul>"
                + choices.enumerated().map { slot, choice in
                    let mark = choice.isCorrect ? "✓" : "✗"
                    let why = choice.why.map { " <span class=\"why\">— \(MarkdownHTML.inline($0))</span>" } ?? ""
                    let text = "\(mark) \(Self.letter(slot))) \(MarkdownHTML.inline(choice.text))"
                    return "<li>" + (choice.isCorrect ? "<span class=\"correct\">\(text)</span>" : text) + why + "</li>"
                }.joined() + "</ul>"
            fields = [prompt, options, answer, extra, source]
        case .order:
            noteType = .choice
            let options =
                "<p>Put these in order:</p><ol>"
                + presented.displayedItems.map { "<li>\(MarkdownHTML.inline($0))</li>" }.joined() + "</ol>"
            let answer =
                "<p>The order:</p><ol>" + question.items.map { "<li>\(MarkdownHTML.inline($0))</li>" }.joined() + "</ol>"
            fields = [prompt, options, answer, extra, source]
        }
    }

    /// The notes of `questions`, in key order.
    ///
    /// - Throws: ``AnkiInteropError`` naming `file` and the question whose trace template no
    ///   input satisfies.
    static func notes(for questions: [Question], file: String) throws -> [ExportedNote] {
        try questions.sorted { $0.key < $1.key }.map { question in
            do {
                return try ExportedNote(question)
            } catch {
                throw AnkiInteropError(file: file, problem: "cannot export '\(question.key)': \(error)")
            }
        }
    }

    /// The note as the front and back of Anki's stock Basic type, for the text format: the
    /// options join the prompt, the answer side gathers everything else.
    var basicSides: (front: String, back: String) {
        switch noteType.id {
        case AnkiNoteType.choice.id:
            return (fields[0] + "\n" + fields[1], fields[2...].filter { !$0.isEmpty }.joined(separator: "\n"))
        case AnkiNoteType.typeIn.id:
            let accepted = fields[2].isEmpty ? [] : ["<p>Also accepted: \(fields[2])</p>"]
            let back = ["<p>\(fields[1])</p>"] + accepted + [fields[3], fields[4]].filter { !$0.isEmpty }
            return (fields[0], back.joined(separator: "\n"))
        default:
            return (fields[0], fields[1...].filter { !$0.isEmpty }.joined(separator: "\n"))
        }
    }

    /// `a`, `b`, … as the terminal shows choices.
    static func letter(_ index: Int) -> String { String(UnicodeScalar(UInt8(97 + index % 26))) }

    /// A link for URLs, escaped text otherwise.
    static func reference(_ text: String) -> String {
        let escaped = MarkdownHTML.escape(text)
        return text.hasPrefix("https://") || text.hasPrefix("http://") ? "<a href=\"\(escaped)\">\(escaped)</a>" : escaped
    }

    /// A stable GUID: "quiz" and 16 hex digits of SHA-256 of the key (Anki compares GUIDs as
    /// strings; any unique string works).
    static func guid(forKey key: String) -> String {
        var hash = SHA256()
        hash.update(Array("quiz-note:\(key)".utf8))
        return "quiz" + hash.finalize().prefix(8).map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }

    /// The sort field Anki indexes: the prompt without markup.
    var sortField: String { Self.plainText(fields[0]) }

    /// Field text without tags and with the entities we write decoded.
    static func plainText(_ html: String) -> String {
        var output = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag {
                output.append(character)
            }
        }
        return output.replacingEntities()
    }
}

extension String {
    fileprivate func replacingEntities() -> String {
        var text = self
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }
}
