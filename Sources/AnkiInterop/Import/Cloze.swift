/// Anki's cloze deletions (`{{c1::answer::hint}}`) as a prompt with blanks and an answer with
/// the deletions filled in.
enum Cloze {
    /// `text` with each deletion replaced by `[...]` (or `[hint]`), and with each shown in
    /// bold; nil when `text` has no deletion.
    ///
    /// - Complexity: O(n) in the length of `text`.
    static func split(_ text: String) -> (prompt: String, answer: String)? {
        var prompt = ""
        var answer = ""
        var rest = Substring(text)
        var found = false
        while let start = rest.range(of: "{{c") {
            let afterC = rest[start.upperBound...]
            let digits = afterC.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, afterC[digits.endIndex...].hasPrefix("::"),
                let end = closing(in: afterC[afterC.index(digits.endIndex, offsetBy: 2)...])
            else {
                prompt += rest[..<start.upperBound]
                answer += rest[..<start.upperBound]
                rest = rest[start.upperBound...]
                continue
            }
            found = true
            prompt += rest[..<start.lowerBound]
            answer += rest[..<start.lowerBound]
            let inner = afterC[afterC.index(digits.endIndex, offsetBy: 2)..<end]
            let parts = inner.components(separatedBy: "::")
            let hidden = parts[0]
            let hint = parts.count > 1 ? parts[1...].joined(separator: "::") : ""
            prompt += hint.isEmpty ? "[...]" : "[\(hint)]"
            answer += "<b>\(hidden)</b>"
            rest = afterC[afterC.index(end, offsetBy: 2)...]
        }
        prompt += rest
        answer += rest
        return found ? (prompt, answer) : nil
    }

    /// The index of the `}}` that closes a deletion whose body starts `body`, skipping nested `{{…}}`.
    private static func closing(in body: Substring) -> Substring.Index? {
        var depth = 0
        var index = body.startIndex
        while index < body.endIndex {
            let rest = body[index...]
            if rest.hasPrefix("{{") {
                depth += 1
                index = body.index(index, offsetBy: 2)
            } else if rest.hasPrefix("}}") {
                if depth == 0 { return index }
                depth -= 1
                index = body.index(index, offsetBy: 2)
            } else {
                index = body.index(after: index)
            }
        }
        return nil
    }
}
