import Spelling

/// Grades a typed answer against a question's accepted forms fairly: normalised exact
/// matches, either half of a parenthesised form ("Server Name Indication (SNI)"), a derived
/// acronym, and near misses (typos) for words, never for numbers.
///
/// ```swift
/// AnswerMatcher.match("reentrnat", accepted: ["reentrant"]).kind   // .close
/// AnswerMatcher.match("SNI", accepted: ["Server Name Indication"]).kind   // .exact
/// AnswerMatcher.match("432", accepted: ["43.2"]).kind   // .wrong: digits and decimal points must match
/// ```
public enum AnswerMatcher {
    /// How an answer relates to the accepted forms.
    public enum Kind: Sendable, Hashable {
        /// Equal to an accepted form once normalised.
        case exact
        /// Within a typo of an accepted form: accepted, and the form is shown.
        case close
        /// Neither.
        case wrong
    }

    /// The outcome: the kind, and the accepted form that was matched (`exact`, `close`) or
    /// that comes nearest (`wrong`), as the author wrote it.
    public struct Match: Sendable, Hashable {
        public var kind: Kind
        public var accepted: String?

        public var isAccepted: Bool { kind != .wrong }
    }

    /// Grades `answer` against `accepted`.
    ///
    /// A near miss is an optimal-string-alignment distance (adjacent swaps cost one) of 1 for
    /// accepted forms of 5 to 12 normalised characters and 2 for longer ones; shorter forms
    /// and any form with a digit must match exactly, with the digits and decimal points in
    /// the same places ("43.2" is not "432").
    ///
    /// - Complexity: O(f · m · n) for f accepted forms of length m and an answer of length n.
    public static func match(_ answer: String, accepted: [String]) -> Match {
        let answers = variants(of: answer)
        guard !answers.isEmpty else { return Match(kind: .wrong, accepted: accepted.first) }
        var forms: [(display: String, normalized: [UInt8])] = []
        for form in accepted {
            for variant in variants(of: form) { forms.append((form, variant)) }
            if let acronym = acronym(of: form) { forms.append((form, acronym)) }
        }
        // "remote procedure call" answers an accepted "RPC": the answer's initials against
        // one-word accepted forms only, so a phrase never matches another phrase by its initials.
        let answerAcronym = acronym(of: answer)
        for (display, normalized) in forms
        where answers.contains(normalized) || (answerAcronym == normalized && !display.contains(" ")) {
            if hasDigit(normalized), numericSkeleton(answer) != numericSkeleton(display),
                !parentheticalMatches(answer, display)
            {
                continue
            }
            return Match(kind: .exact, accepted: display)
        }
        var nearest: (display: String, distance: Int)?
        for (display, normalized) in forms {
            for candidate in answers {
                let distance = Spelling.editDistance(candidate, normalized)
                if nearest == nil || distance < nearest!.distance { nearest = (display, distance) }
                if !hasDigit(normalized), !hasDigit(candidate), distance <= allowedTypos(normalized.count) {
                    return Match(kind: .close, accepted: display)
                }
            }
        }
        return Match(kind: .wrong, accepted: nearest?.display ?? accepted.first)
    }

    /// Typos forgiven in an accepted form of `length` normalised characters.
    static func allowedTypos(_ length: Int) -> Int {
        switch length {
        case ..<5: 0
        case 5...12: 1
        default: 2
        }
    }

    /// The normalised forms of `text`: whole, and for "A (B)" also A, B and A without B.
    static func variants(of text: String) -> [[UInt8]] {
        var result: [[UInt8]] = []
        func add(_ part: String) {
            let normalized = AnswerNormalizer.normalizedBytes(part)
            if !normalized.isEmpty, !result.contains(normalized) { result.append(normalized) }
        }
        add(text)
        // Only "Expansion (ACRONYM)" with a space before the parenthesis: O(n log n) is one form.
        if let open = text.firstIndex(of: "("), open > text.startIndex, text[text.index(before: open)] == " ",
            let close = text[open...].firstIndex(of: ")")
        {
            let inside = String(text[text.index(after: open)..<close])
            let outside = String(text[..<open]) + String(text[text.index(after: close)...])
            add(outside)
            add(inside)
        }
        return result
    }

    /// The initials of a form of two or more words (`server name indication` → `sni`), or nil.
    static func acronym(of text: String) -> [UInt8]? {
        let words = text.split(whereSeparator: { !$0.isLetter })
        guard words.count >= 2, text.allSatisfy({ $0.isLetter || $0 == " " || $0 == "-" }) else { return nil }
        return AnswerNormalizer.normalizedBytes(String(words.compactMap(\.first)))
    }

    /// Digits, and each decimal point, fraction slash or colon between digits, in order: what a
    /// number answer must keep ("38" is not "3/8"; "145,646" is "145646").
    static func numericSkeleton(_ text: String) -> [Character] {
        let characters = Array(text)
        var result: [Character] = []
        for (index, character) in characters.enumerated() {
            if character.isASCII, character.isNumber {
                result.append(character)
            } else if character == "." || character == "/" || character == ":", index > 0, index + 1 < characters.count, characters[index - 1].isNumber,
                characters[index + 1].isNumber
            {
                result.append(character)
            }
        }
        return result
    }

    /// Whether one side of a parenthesised accepted form carries the same number as `answer`
    /// ("5 (five)" accepts "5", whose skeleton differs from the whole form's only by nothing).
    private static func parentheticalMatches(_ answer: String, _ form: String) -> Bool {
        guard let open = form.firstIndex(of: "("), let close = form[open...].firstIndex(of: ")") else { return false }
        let inside = String(form[form.index(after: open)..<close])
        let outside = String(form[..<open]) + String(form[form.index(after: close)...])
        let skeleton = numericSkeleton(answer)
        return skeleton == numericSkeleton(inside) || skeleton == numericSkeleton(outside)
    }

    private static func hasDigit(_ bytes: [UInt8]) -> Bool { bytes.contains { $0 >= 0x30 && $0 <= 0x39 } }
}
