import Foundation

/// The banks' markdown subset as HTML for Anki's card templates: paragraphs, headings,
/// fenced code blocks, lists, block quotes, tables, code spans, bold and italic. Text is
/// escaped, so nothing in a question can become markup by accident.
enum MarkdownHTML {
    /// - Complexity: O(n) in the length of `markdown`.
    static func html(_ markdown: String) -> String {
        var blocks: [String] = []
        var paragraph: [String] = []
        var list: (ordered: Bool, items: [String])?
        var code: [String]?
        var table: [[String]] = []

        func flushParagraph() {
            if !paragraph.isEmpty { blocks.append("<p>" + inline(paragraph.joined(separator: " ")) + "</p>") }
            paragraph.removeAll()
        }
        func flushList() {
            if let current = list {
                let tag = current.ordered ? "ol" : "ul"
                blocks.append("<\(tag)>" + current.items.map { "<li>\(inline($0))</li>" }.joined() + "</\(tag)>")
            }
            list = nil
        }
        func flushTable() {
            guard !table.isEmpty else { return }
            var rows = table.map { cells in cells.map { "<td>\(inline($0))</td>" }.joined() }
            rows[0] = table[0].map { "<th>\(inline($0))</th>" }.joined()
            blocks.append("<table>" + rows.map { "<tr>\($0)</tr>" }.joined() + "</table>")
            table.removeAll()
        }
        func flushAll() {
            flushParagraph()
            flushList()
            flushTable()
        }

        for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(rawLine)
            let trimmed = String(line.drop { $0 == " " })
            if var lines = code {
                if trimmed.hasPrefix("```") {
                    blocks.append("<pre><code>" + lines.map(escape).joined(separator: "\n") + "</code></pre>")
                    code = nil
                } else {
                    lines.append(line)
                    code = lines
                }
                continue
            }
            if trimmed.hasPrefix("```") {
                flushAll()
                code = []
                continue
            }
            if trimmed.isEmpty {
                flushAll()
                continue
            }
            if trimmed.hasPrefix("|") {
                flushParagraph()
                flushList()
                if !trimmed.allSatisfy({ "|-: ".contains($0) }) {
                    table.append(trimmed.split(separator: "|").map { String($0).trimmingSpaces() })
                }
                continue
            }
            flushTable()
            if let level = headingLevel(trimmed) {
                flushAll()
                let text = String(trimmed.dropFirst(level + 1))
                blocks.append("<h\(min(level + 2, 6))>\(inline(text))</h\(min(level + 2, 6))>")
            } else if trimmed.hasPrefix("> ") {
                flushAll()
                blocks.append("<blockquote>\(inline(String(trimmed.dropFirst(2))))</blockquote>")
            } else if trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") {
                flushParagraph()
                if list?.ordered != false { flushList(); list = (false, []) }
                list?.items.append(String(trimmed.dropFirst(2)))
            } else if let item = orderedItem(trimmed) {
                flushParagraph()
                if list?.ordered != true { flushList(); list = (true, []) }
                list?.items.append(item)
            } else if var current = list, line.hasPrefix("  "), !current.items.isEmpty {
                current.items[current.items.count - 1] += " " + trimmed
                list = current
            } else {
                flushList()
                paragraph.append(trimmed)
            }
        }
        if let lines = code { blocks.append("<pre><code>" + lines.map(escape).joined(separator: "\n") + "</code></pre>") }
        flushAll()
        return blocks.joined(separator: "\n")
    }

    /// Inline markup: code spans first (their content is literal), then bold and italic.
    static func inline(_ text: String) -> String {
        var output = ""
        var rest = Substring(text)
        while let tick = rest.firstIndex(of: "`") {
            output += emphasis(escape(String(rest[..<tick])))
            let afterTick = rest.index(after: tick)
            guard let close = rest[afterTick...].firstIndex(of: "`") else {
                rest = rest[tick...]
                break
            }
            output += "<code>" + escape(String(rest[afterTick..<close])) + "</code>"
            rest = rest[rest.index(after: close)...]
        }
        return output + emphasis(escape(String(rest)))
    }

    /// `**bold**` and `*italic*` on already escaped text (underscores stay literal: identifiers
    /// such as `max_connections` are common in questions).
    private static func emphasis(_ text: String) -> String {
        var result = replacePairs(in: text, marker: "**", open: "<b>", close: "</b>")
        result = replacePairs(in: result, marker: "*", open: "<i>", close: "</i>")
        return result
    }

    private static func replacePairs(in text: String, marker: String, open: String, close: String) -> String {
        let parts = text.components(separatedBy: marker)
        guard parts.count >= 3 else { return text }
        var output = parts[0]
        var index = 1
        while index < parts.count {
            // A pair needs a closing marker and non-space text touching both markers.
            if index + 1 < parts.count, let first = parts[index].first, let last = parts[index].last, first != " ",
                last != " "
            {
                output += open + parts[index] + close + parts[index + 1]
                index += 2
            } else {
                output += marker + parts[index]
                index += 1
            }
        }
        return output
    }

    static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            default: output.append(character)
            }
        }
        return output
    }

    private static func headingLevel(_ line: String) -> Int? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        return hashes
    }

    private static func orderedItem(_ line: String) -> String? {
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, line.dropFirst(digits.count).hasPrefix(". ") else { return nil }
        return String(line.dropFirst(digits.count + 2))
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
