/// Anki field HTML as the markdown our banks use: paragraphs, lists, code, bold and italic,
/// with entities decoded; images and sounds are left out and listed.
///
///     AnkiHTML.markdown("<b>HTTP</b> &amp; <code>GET</code><br>line").text
///     // "**HTTP** & `GET`\nline"
struct AnkiHTML {
    /// The converted text.
    var text = ""
    /// Media the text referred to and that quiz does not import (`image 'a.png'`, `sound 'b.mp3'`).
    var droppedMedia: [String] = []

    /// Converts `html`; `plain` leaves the markup characters out (for accepted answers and ids).
    ///
    /// - Complexity: O(n) in the length of `html`.
    static func markdown(_ html: String, plain: Bool = false) -> AnkiHTML {
        var converter = Converter(plain: plain)
        converter.run(html)
        return AnkiHTML(text: converter.finished(), droppedMedia: converter.dropped)
    }

    private struct Converter {
        let plain: Bool
        var output = ""
        var dropped: [String] = []
        var lists: [(ordered: Bool, count: Int)] = []
        var preformatted = 0
        var skipping = 0  // inside <script> or <style>
        var pendingSpace = false

        init(plain: Bool) { self.plain = plain }

        mutating func run(_ html: String) {
            var rest = Substring(html)
            while let open = rest.firstIndex(where: { $0 == "<" || $0 == "[" }) {
                text(rest[..<open])
                rest = rest[open...]
                if rest.hasPrefix("[sound:"), let end = rest.firstIndex(of: "]") {
                    dropped.append("sound '\(rest[rest.index(rest.startIndex, offsetBy: 7)..<end])'")
                    rest = rest[rest.index(after: end)...]
                } else if rest.hasPrefix("<"), let end = rest.firstIndex(of: ">") {
                    tag(rest[rest.index(after: rest.startIndex)..<end])
                    rest = rest[rest.index(after: end)...]
                } else {
                    text(rest.prefix(1))
                    rest = rest.dropFirst()
                }
            }
            text(rest)
        }

        mutating func text(_ raw: Substring) {
            guard skipping == 0, !raw.isEmpty else { return }
            let decoded = HTMLEntities.decode(raw)
            if preformatted > 0 {
                output += decoded
                return
            }
            for character in decoded {
                if character.isWhitespace {
                    pendingSpace = true
                } else {
                    if pendingSpace, let last = output.last, !last.isNewline, last != " " { output.append(" ") }
                    pendingSpace = false
                    output.append(character)
                }
            }
        }

        mutating func tag(_ body: Substring) {
            let closing = body.hasPrefix("/")
            let nameAndRest = closing ? body.dropFirst() : body
            let name = nameAndRest.prefix { $0.isLetter || $0.isNumber }.lowercased()
            switch name {
            case "script", "style": skipping = max(0, skipping + (closing ? -1 : 1))
            case _ where skipping > 0: return
            case "br":
                output += "\n"
                pendingSpace = false
            case "div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "tr", "hr": paragraph()
            case "td", "th": if closing { pendingSpace = true }
            case "b", "strong": marker("**", opening: !closing)
            case "i", "em": marker("*", opening: !closing)
            case "code" where preformatted == 0: marker("`", opening: !closing)
            case "pre":
                if closing {
                    preformatted = max(0, preformatted - 1)
                    if !plain { output += output.hasSuffix("\n") ? "```" : "\n```" }
                    paragraph()
                } else {
                    paragraph()
                    if !plain { output += "```\n" }
                    preformatted += 1
                }
            case "ul", "ol":
                if closing { _ = lists.popLast() } else { lists.append((name == "ol", 0)) }
                paragraph()
            case "li" where !closing:
                lineBreak()
                guard !lists.isEmpty else { break }
                lists[lists.count - 1].count += 1
                let indent = String(repeating: "  ", count: lists.count - 1)
                let list = lists[lists.count - 1]
                output += indent + (list.ordered ? "\(list.count). " : "- ")
            case "img" where !closing:
                dropped.append("image '\(Self.attribute("src", in: body) ?? "?")'")
            default: break
            }
        }

        /// An inline marker. A space pending before an opening marker goes before it (`a <code>x`
        /// is "a `x"), one pending before a closing marker stays pending, to follow it.
        mutating func marker(_ text: String, opening: Bool) {
            guard !plain else { return }
            if opening, pendingSpace, let last = output.last, !last.isWhitespace {
                output.append(" ")
                pendingSpace = false
            }
            output += text
        }

        mutating func lineBreak() {
            while output.last == " " { output.removeLast() }
            if !output.isEmpty, !output.hasSuffix("\n") { output += "\n" }
            pendingSpace = false
        }

        mutating func paragraph() {
            lineBreak()
            if !output.isEmpty, !output.hasSuffix("\n\n") { output += "\n" }
        }

        /// The text with trailing spaces, empty emphasis and runs of blank lines removed.
        func finished() -> String {
            var text = output.replacingOccurrences(of: "****", with: "")
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                var line = Substring(line)
                while line.last?.isWhitespace == true { line = line.dropLast() }
                return line
            }
            text = ""
            var blank = 0
            for line in lines {
                blank = line.isEmpty ? blank + 1 : 0
                if blank < 2 { text += line + "\n" }
            }
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        static func attribute(_ name: String, in body: Substring) -> String? {
            guard let range = body.range(of: name + "=") else { return nil }
            var value = body[range.upperBound...]
            if let quote = value.first, quote == "\"" || quote == "'" {
                value = value.dropFirst()
                return String(value.prefix { $0 != quote })
            }
            return String(value.prefix { !$0.isWhitespace && $0 != "/" })
        }
    }
}
