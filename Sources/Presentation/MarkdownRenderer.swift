/// Renders the small markdown subset used in banks and lessons for a terminal: headings,
/// emphasis, code spans, fenced code blocks, lists, block quotes and tables.
///
/// Without colour it keeps the text readable as plain text (markers stripped where they
/// would only be noise); with colour, headings are bold, code is cyan and quotes are dim.
public struct MarkdownRenderer {
    public var color: Bool
    /// Indentation put before every output line.
    public var indent = ""

    public init(color: Bool, indent: String = "") {
        self.color = color
        self.indent = indent
    }

    public func render(_ markdown: String) -> String {
        var output: [String] = []
        var inCode = false
        var table: [[String]] = []
        func flushTable() {
            guard !table.isEmpty else { return }
            output += alignedTable(table)
            table.removeAll()
        }
        for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(rawLine)
            let trimmed = line.drop { $0 == " " }
            if !trimmed.hasPrefix("|") || inCode { flushTable() }
            if trimmed.hasPrefix("```") {
                inCode.toggle()
                continue
            }
            if inCode {
                output.append(indent + "    " + paint(line, "36"))
                continue
            }
            if let heading = headingText(trimmed) {
                output.append(indent + paint(inline(heading), "1;4"))
                continue
            }
            if trimmed.hasPrefix("> ") {
                output.append(indent + paint("│ " + inline(String(trimmed.dropFirst(2))), "2"))
                continue
            }
            if trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") {
                let depth = (line.count - trimmed.count) / 2
                output.append(
                    indent + String(repeating: "  ", count: depth) + "• " + inline(String(trimmed.dropFirst(2))))
                continue
            }
            if trimmed.hasPrefix("|") {
                if trimmed.allSatisfy({ "|-: ".contains($0) }) { continue }
                table.append(trimmed.split(separator: "|", omittingEmptySubsequences: true).map { $0.trimmingSpaces() })
                continue
            }
            output.append(indent + inline(line))
        }
        flushTable()
        while output.last?.allSatisfy({ $0 == " " }) == true { output.removeLast() }
        return output.joined(separator: "\n")
    }

    /// Pads each column to its widest cell (measured before styling), header row in bold.
    private func alignedTable(_ rows: [[String]]) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], plainWidth(cell)) }
        }
        return rows.enumerated().map { number, row in
            let cells = row.enumerated().map { column, cell in
                let styled = number == 0 ? paint(plain(cell), "1") : inline(cell)
                return styled + String(repeating: " ", count: widths[column] - plainWidth(cell))
            }
            return indent + cells.joined(separator: "  ")
        }
    }

    /// The cell's text without markdown markers.
    private func plain(_ text: String) -> String { text.replacingBackticks() }

    private func plainWidth(_ text: String) -> Int { plain(text).count }

    private func headingText(_ line: Substring) -> String? {
        let hashes = line.prefix { $0 == "#" }
        guard !hashes.isEmpty, hashes.count <= 6, line.dropFirst(hashes.count).first == " " else { return nil }
        return String(line.dropFirst(hashes.count + 1))
    }

    /// Code spans, bold and italics within a line.
    private func inline(_ text: String) -> String {
        var result = ""
        var inCode = false
        var code = ""
        var characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "`" {
                if inCode {
                    result += paint(code, "36")
                    code = ""
                }
                inCode.toggle()
                index += 1
                continue
            }
            if inCode {
                code.append(character)
            } else if character == "*", index + 1 < characters.count, characters[index + 1] == "*" {
                index += 2
                var bold = ""
                while index < characters.count
                    && !(characters[index] == "*" && index + 1 < characters.count && characters[index + 1] == "*")
                {
                    bold.append(characters[index])
                    index += 1
                }
                result += paint(bold, "1")
                index += 2
                continue
            } else {
                result.append(character)
            }
            index += 1
        }
        if inCode { result += "`" + code }
        characters.removeAll()
        return result
    }

    private func paint(_ text: String, _ code: String) -> String {
        TextStyle.paint(text, code: code, enabled: color)
    }
}

extension String {
    func replacingBackticks() -> String { String(filter { $0 != "`" }).replacingDoubleStars() }
    func replacingDoubleStars() -> String {
        var result = ""
        var previousStar = false
        for character in self {
            if character == "*" {
                if previousStar { previousStar = false } else { previousStar = true }
                continue
            }
            if previousStar { result.append("*") }
            previousStar = false
            result.append(character)
        }
        if previousStar { result.append("*") }
        return result
    }
}

extension Substring {
    func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
