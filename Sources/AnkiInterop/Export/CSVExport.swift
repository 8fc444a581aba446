import Foundation
import QuizEngine

/// `quiz export csv`: questions in Anki's text format, for Anki's File ▸ Import or a
/// spreadsheet.
///
/// Headers tell Anki how to read it: HTML fields, the stock `Basic` note type (every
/// collection has it), and which columns hold the GUID (so importing again updates), the
/// deck and the tags. The front holds the prompt (with the options of a choice, multi or
/// order question), the back the answer and the explanation. A `.tsv` or `.txt` file is
/// tab-separated, anything else comma-separated; fields are quoted when they need it.
public enum CSVExport {
    /// Writes `questions` (in key order) to `path`, atomically, and returns how many rows.
    @discardableResult
    public static func write(questions: [Question], to path: String) throws -> Int {
        let separator: Character = path.hasSuffix(".tsv") || path.hasSuffix(".txt") ? "\t" : ","
        var lines = [
            "#separator:\(separator == "\t" ? "tab" : "comma")", "#html:true", "#notetype:Basic", "#guid column:1",
            "#deck column:4", "#tags column:5", "#columns:GUID\(separator)Front\(separator)Back\(separator)Deck\(separator)Tags",
        ]
        for note in try ExportedNote.notes(for: questions, file: path) {
            let sides = note.basicSides
            let row = [note.guid, sides.front, sides.back, note.deck, note.tags.joined(separator: " ")]
            lines.append(row.map { quoted($0, separator: separator) }.joined(separator: String(separator)))
        }
        let text = lines.joined(separator: "\n") + "\n"
        try StagedWrite.write(to: path) { temporary in
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
        }
        return questions.count
    }

    /// The field as written: in quotes (inner quotes doubled) when it holds the separator,
    /// a quote, a line break, or starts with `#` (which Anki would take for a header).
    static func quoted(_ field: String, separator: Character) -> String {
        guard field.contains(separator) || field.contains("\"") || field.contains("\n") || field.contains("\r")
            || field.hasPrefix("#")
        else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
