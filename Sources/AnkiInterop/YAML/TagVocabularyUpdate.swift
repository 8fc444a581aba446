import Foundation

/// Appends newly imported tags to the tag vocabulary (`tags.yaml`), leaving every existing
/// byte as it was.
enum TagVocabularyUpdate {
    /// The names declared in a `tags.yaml`: each key of the `tags:` mapping, one per line.
    ///
    /// - Complexity: O(n) in the length of `text`.
    private static func declaredNames(in text: String) -> Set<String> {
        var names: Set<String> = []
        var inTags = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("tags:") {
                inTags = true
                continue
            }
            guard inTags else { continue }
            if let first = line.first, !first.isWhitespace, first != "#" { inTags = false; continue }
            let trimmed = line.drop { $0 == " " }
            guard let colon = trimmed.firstIndex(of: ":"), !trimmed.hasPrefix("#") else { continue }
            let name = trimmed[..<colon]
            if !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) {
                names.insert(String(name))
            }
        }
        return names
    }

    /// `existing` (nil: no file yet) with `additions` (name → description) not already
    /// declared appended in name order under a comment naming `origin` (`text` nil when
    /// nothing changes), and the names appended. Without a file, one is made (`tags: {}` when
    /// there is nothing to declare, so the compiler finds a vocabulary).
    static func updated(
        _ existing: String?, adding additions: [String: String], origin: String
    ) -> (text: String?, added: [String]) {
        let declared = existing.map(declaredNames) ?? []
        let new = additions.keys.filter { !declared.contains($0) }.sorted()
        guard let existing else {
            guard !new.isEmpty else { return ("tags: {}\n", []) }
            return ("tags:\n" + entries(new, additions, origin: origin, indent: "  "), new)
        }
        guard !new.isEmpty else { return (nil, []) }
        var text = existing
        if let empty = text.range(of: "tags: {}\n") ?? text.range(of: "tags: {}", options: .anchored) {
            text.replaceSubrange(empty, with: "tags:\n")
        }
        if !text.hasSuffix("\n") { text += "\n" }
        return (text + "\n" + entries(new, additions, origin: origin, indent: entryIndent(existing) ?? "  "), new)
    }

    private static func entries(
        _ names: [String], _ additions: [String: String], origin: String, indent: String
    )
        -> String
    {
        var text = "\(indent)# Imported from Anki by `\(origin)`\n"
        for name in names {
            text += "\(indent)\(name):" + YAMLScalar.value(additions[name]!, indent: indent.count) + "\n"
        }
        return text
    }

    /// The indentation of the vocabulary's entries (two spaces in the shipped file).
    private static func entryIndent(_ text: String) -> String? {
        let lines = text.split(separator: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix("tags:") }) else { return nil }
        for line in lines[(start + 1)...] {
            let indent = line.prefix { $0 == " " }
            if !indent.isEmpty, !line.dropFirst(indent.count).hasPrefix("#") { return String(indent) }
        }
        return nil
    }
}
