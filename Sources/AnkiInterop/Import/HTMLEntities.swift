/// HTML character references: the named ones Anki's editor writes and numeric ones.
enum HTMLEntities {
    static let named: [Substring: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—",
        "hellip": "…", "laquo": "«", "raquo": "»", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”",
        "copy": "©", "reg": "®", "trade": "™", "times": "×", "divide": "÷", "middot": "·", "bull": "•",
        "euro": "€", "pound": "£", "deg": "°", "plusmn": "±", "larr": "←", "rarr": "→", "harr": "↔",
        "le": "≤", "ge": "≥", "ne": "≠", "shy": "",
    ]

    /// `text` with every recognised reference replaced; unknown ones stay as written.
    ///
    /// - Complexity: O(n).
    static func decode(_ text: Substring) -> String {
        guard text.contains("&") else { return String(text) }
        var result = ""
        var rest = text
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            rest = rest[ampersand...]
            let body = rest.dropFirst().prefix { $0 != ";" && $0 != "&" && !$0.isWhitespace }
            if body.count <= 10, body.endIndex < rest.endIndex, rest[body.endIndex] == ";",
                let decoded = reference(body)
            {
                result += decoded
                rest = rest[rest.index(after: body.endIndex)...]
            } else {
                result += "&"
                rest = rest.dropFirst()
            }
        }
        return result + rest
    }

    private static func reference(_ body: Substring) -> String? {
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value =
                digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
            return String(Character(scalar))
        }
        return named[body]
    }
}
