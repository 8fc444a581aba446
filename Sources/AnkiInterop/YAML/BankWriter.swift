/// The YAML text of an imported bank, in the layout of the shipped banks.
enum BankWriter {
    /// How every imported bank starts: a file without it was not written by an import, and an
    /// import never replaces it.
    static let header = "# Imported by quiz import"

    /// The question ids in a bank this writer wrote, by the GUID hash after their last hyphen.
    static func previousIDs(in text: String) -> [String: String] {
        var ids: [String: String] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("  - id: ") {
            let id = String(line.dropFirst("  - id: ".count))
            if let hyphen = id.lastIndex(of: "-") { ids[String(id[id.index(after: hyphen)...])] = id }
        }
        return ids
    }

    /// The bank file: a header comment, the bank's fields, then one entry per question.
    ///
    /// - Complexity: O(total text length).
    static func text(
        bank: String, title: String, description: String, questions: [ImportedQuestion], origin: String
    ) -> String {
        var lines = [
            "\(header) (`\(origin)`). Importing again rewrites this file;",
            "# question ids come from the Anki note GUIDs, so review history follows the notes.",
            "bank: \(YAMLScalar.inline(bank))",
            "title:" + YAMLScalar.value(title, indent: 0),
            "description:" + YAMLScalar.value(description, indent: 0),
            "questions:" + (questions.isEmpty ? " []" : ""),
        ]
        for question in questions {
            lines.append("")
            lines.append("  - id: \(question.id)")
            lines.append("    type: \(question.kind.rawValue)")
            lines.append("    prompt:" + YAMLScalar.value(question.prompt, indent: 4))
            if let answer = question.answer { lines.append("    answer:" + YAMLScalar.value(answer, indent: 4)) }
            if !question.accept.isEmpty {
                lines.append("    accept:")
                for accepted in question.accept { lines.append("      -" + YAMLScalar.value(accepted, indent: 6)) }
            }
            if let explanation = question.explanation {
                lines.append("    explanation:" + YAMLScalar.value(explanation, indent: 4))
            }
            if !question.tags.isEmpty { lines.append("    tags: [\(question.tags.joined(separator: ", "))]") }
            lines.append("    source:" + YAMLScalar.value(question.source, indent: 4))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
