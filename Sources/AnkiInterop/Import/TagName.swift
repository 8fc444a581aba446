import Foundation

/// Anki tag names as quiz tag names (`[a-z0-9][a-z0-9-]*`): lowercased, accents dropped, the
/// hierarchy separator `::` and every other run of characters outside `[a-z0-9]` becoming one
/// hyphen. `Spanish::Verbs` becomes `spanish-verbs`; `Café_Crème` becomes `cafe-creme`.
enum TagName {
    /// The quiz name of `ankiTag`, or nil when nothing of it survives (a tag of only symbols
    /// or a script with no Latin transliteration in ASCII).
    ///
    /// - Complexity: O(n) in the tag's length.
    static func quizName(for ankiTag: String) -> String? {
        let folded = ankiTag.folding(
            options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil
        )
        .lowercased()
        var name = ""
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                name.unicodeScalars.append(scalar)
            } else if !name.isEmpty, !name.hasSuffix("-") {
                name += "-"
            }
        }
        while name.hasSuffix("-") { name.removeLast() }
        return name.isEmpty ? nil : String(name.prefix(64))
    }

    /// A slug of `text` for an id: its first words in `[a-z0-9-]`, at most `limit` characters.
    static func slug(_ text: String, limit: Int = 40) -> String {
        let name = quizName(for: text) ?? ""
        guard name.count > limit else { return name }
        let cut = name.prefix(limit)
        if let lastHyphen = cut.lastIndex(of: "-"), lastHyphen > cut.startIndex { return String(cut[..<lastHyphen]) }
        return String(cut)
    }

    /// Six hexadecimal digits of FNV-1a over `text`'s UTF-8: a short, stable discriminator.
    static func shortHash(_ text: String, digits: Int = 6) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String((String(repeating: "0", count: max(0, 16 - hex.count)) + hex).prefix(digits))
    }
}
