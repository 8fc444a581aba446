import QuizEngine

/// The item-writing checks of one question: cues that let a test-wise learner answer without
/// knowing the answer (Haladyna, Downing & Rodriguez 2002, "A review of multiple-choice
/// item-writing guidelines for classroom assessment").
///
/// Thresholds, chosen on the shipped banks so that the items a careful reviewer flags are
/// caught and well-written ones pass:
/// - a `choice` key at least 1.2x and 8 characters longer than every distractor stands out;
/// - a `multi` question whose correct options are all at least 1.1x longer (or shorter) than
///   every wrong one can be answered by length alone;
/// - a `short` answer is given away when every content word of an accepted form (its digits,
///   for a number) occurs in the prompt; a `choice` key is given away when at least two of its
///   distinctive words echo the prompt and no distractor's do.
struct ItemWritingCheck {
    /// Where the parts of the question were written, for the warnings' locations.
    struct Sites {
        var prompt: SourceLocation
        var choices: [SourceLocation]
    }

    static let keyLengthRatio = 1.2
    static let keyLengthMargin = 8
    static let multiLengthRatio = 1.1

    /// The parts of a question the checks read, copied out of it: copying a whole `Question`
    /// would retain and release all of its strings and arrays.
    struct Parts {
        var type: QuestionType
        var prompt: String
        var choices: [Choice]
        var accept: [String]
    }

    let question: Parts
    let sites: Sites

    init(question: borrowing Question, sites: Sites) {
        self.question = Parts(type: question.type, prompt: question.prompt, choices: question.choices, accept: question.accept)
        self.sites = sites
    }

    func check(into bag: inout DiagnosticBag) {
        switch question.type {
        case .choice:
            checkOptions(into: &bag)
            checkKeyLength(into: &bag)
            checkKeyEchoesPrompt(into: &bag)
        case .multi:
            checkOptions(into: &bag)
            checkCorrectSetLength(into: &bag)
        case .short:
            checkAcceptedFormInPrompt(into: &bag)
        default:
            break
        }
    }

    /// The length of an option as a reader sees it: Unicode scalars.
    /// (Every byte of UTF-8 but the continuation bytes starts a scalar.)
    static func length(_ text: String) -> Int { text.utf8.count { $0 & 0xC0 != 0x80 } }

    private func checkOptions(into bag: inout DiagnosticBag) {
        for (index, choice) in question.choices.enumerated() {
            if let phrase = Self.aboveOption(choice.text) {
                bag.warning(.aboveOption(phrase), at: site(ofChoice: index))
            }
        }
        if let word = Self.negativeStem(question.prompt) {
            bag.warning(.negativeStem(word), at: sites.prompt)
        }
    }

    private func checkKeyLength(into bag: inout DiagnosticBag) {
        guard let key = question.choices.firstIndex(where: \.isCorrect) else { return }
        let keyLength = Self.length(question.choices[key].text)
        let longest = question.choices.indices.filter { $0 != key }.map { Self.length(question.choices[$0].text) }.max()
        guard let longest, longest > 0 else { return }
        if Double(keyLength) >= Self.keyLengthRatio * Double(longest) && keyLength - longest >= Self.keyLengthMargin {
            bag.warning(.keyLengthCue(key: keyLength, longestDistractor: longest), at: site(ofChoice: key))
        }
    }

    private func checkCorrectSetLength(into bag: inout DiagnosticBag) {
        let correct = question.choices.filter(\.isCorrect).map { Self.length($0.text) }
        let wrong = question.choices.filter { !$0.isCorrect }.map { Self.length($0.text) }
        guard let shortestCorrect = correct.min(), let longestCorrect = correct.max(),
            let shortestWrong = wrong.min(), let longestWrong = wrong.max()
        else { return }
        if Double(shortestCorrect) >= Self.multiLengthRatio * Double(longestWrong) {
            bag.warning(.multiLengthCue(longer: true, correct: shortestCorrect, wrong: longestWrong), at: sites.prompt)
        } else if Double(longestCorrect) * Self.multiLengthRatio <= Double(shortestWrong) {
            bag.warning(.multiLengthCue(longer: false, correct: longestCorrect, wrong: shortestWrong), at: sites.prompt)
        }
    }

    private func checkKeyEchoesPrompt(into bag: inout DiagnosticBag) {
        guard let key = question.choices.firstIndex(where: \.isCorrect) else { return }
        let prompt = ItemText(question.prompt)
        let promptWords = prompt.stemmedWords
        let texts = question.choices.map { ItemText($0.text) }
        let words = texts.map(\.contentWords)
        // A distractor echoing the prompt with a word the key lacks clears the question: test
        // that first, as it is the common case.
        for index in words.indices where index != key {
            for word in words[index]
            where !texts[index].contains(word, among: words[key], of: texts[key])
                && texts[index].occurs(word, in: promptWords, of: prompt)
            {
                return
            }
        }
        var echoes: [String] = []
        for word in words[key] where texts[key].occurs(word, in: promptWords, of: prompt) {
            let elsewhere = words.indices.contains { $0 != key && texts[key].contains(word, among: words[$0], of: texts[$0]) }
            if !elsewhere { echoes.append(original(of: word, in: texts[key])) }
        }
        guard echoes.count >= 2 else { return }
        bag.warning(.keyEchoesPrompt(echoes.sorted()), at: sites.prompt)
    }

    /// The unstemmed token a stemmed content word came from, as the author wrote it.
    private func original(of stemmed: Range<Int>, in text: ItemText) -> String {
        text.words.first { $0.lowerBound == stemmed.lowerBound }.map(text.text) ?? text.text(stemmed)
    }

    private func checkAcceptedFormInPrompt(into bag: inout DiagnosticBag) {
        let prompt = ItemText(question.prompt)
        let promptWords = prompt.stemmedWords
        for form in question.accept {
            // A number is given away by its digits (or its name), not by its unit; other forms
            // by every content word, two-letter ones too (`EX`, `IO`).
            let text = ItemText(form)
            let numbers = text.words.filter { text.hasDigit($0) || text.isNumberName($0) }
            let words =
                numbers.isEmpty ? text.words.filter { $0.count >= 2 && !text.isStopWord($0) }.map(text.stem) : numbers
            if !words.isEmpty, words.allSatisfy({ text.occurs($0, in: promptWords, of: prompt) }) {
                bag.warning(.acceptedFormInPrompt(form), at: sites.prompt)
                return
            }
        }
    }

    private func site(ofChoice index: Int) -> SourceLocation {
        index < sites.choices.count ? sites.choices[index] : sites.prompt
    }

    /// "all of the above" and its kin, as written in `text`, or nil.
    ///
    /// - Complexity: O(n) in the UTF-8 length of `text`; one pass finds each " of ".
    static func aboveOption(_ text: String) -> String? {
        guard contains(text, " of ") else { return nil }
        let bytes = Array(text.utf8).map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 + 0x20 : $0 }
        let of = Array(" of ".utf8)
        guard bytes.count >= 8 else { return nil }
        var index = 0
        while index + of.count <= bytes.count {
            defer { index += 1 }
            guard bytes[index] == of[0], bytes[index + 1] == of[1], bytes[index + 2] == of[2], bytes[index + 3] == of[3]
            else { continue }
            // The word before " of " and the words after it.
            var start = index
            while start > 0, isWordByte(bytes[start - 1]) { start -= 1 }
            guard start == 0 || !isWordByte(bytes[start - 1]) else { continue }
            let quantifier = String(decoding: bytes[start..<index], as: UTF8.self)
            guard ["all", "none", "both", "neither"].contains(quantifier) else { continue }
            let rest = bytes[(index + of.count)...]
            for tail in ["the above", "above", "these", "the options", "the other options"] {
                let tailBytes = Array(tail.utf8)
                guard rest.starts(with: tailBytes) else { continue }
                let end = index + of.count + tailBytes.count
                if end == bytes.count || !isWordByte(bytes[end]) { return "\(quantifier) of \(tail)" }
            }
        }
        return nil
    }

    /// A negation in the question sentence of a prompt (the sentences ending in "?", else the
    /// last), written in lower case and not emphasised with `*`, or nil.
    ///
    /// - Complexity: O(n) in the UTF-8 length of `prompt`.
    static func negativeStem(_ prompt: String) -> String? {
        // Most prompts hold none of the words: one scan spares them the sentence split.
        guard containsNegation(prompt) else { return nil }
        let bytes = Array(prompt.utf8)
        // Sentences end at . ! ? or : followed by whitespace.
        var sentences: [Range<Int>] = []
        var start = 0
        for index in bytes.indices {
            let isEnd =
                index + 1 < bytes.count && isSpace(bytes[index + 1])
                && (bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: "!")
                    || bytes[index] == UInt8(ascii: "?") || bytes[index] == UInt8(ascii: ":"))
            if isEnd {
                sentences.append(start..<(index + 1))
                start = index + 1
            }
        }
        sentences.append(start..<bytes.count)
        sentences = sentences.map { range in
            var lower = range.lowerBound
            var upper = range.upperBound
            while lower < upper, isSpace(bytes[lower]) { lower += 1 }
            while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
            return lower..<upper
        }.filter { !$0.isEmpty }
        let questions = sentences.filter { bytes[$0.upperBound - 1] == UInt8(ascii: "?") }
        for sentence in questions.isEmpty ? Array(sentences.suffix(1)) : questions {
            var index = sentence.lowerBound
            while index < sentence.upperBound {
                guard isWordByte(bytes[index]) else {
                    index += 1
                    continue
                }
                let wordStart = index
                while index < sentence.upperBound, isWordByte(bytes[index]) { index += 1 }
                let length = index - wordStart
                guard length >= 3, length <= 9 else { continue }
                let word = String(decoding: bytes[wordStart..<index], as: UTF8.self)
                guard negations.contains(where: { $0.description == word }) else { continue }
                let before = wordStart > 0 ? bytes[wordStart - 1] : 0
                let after = index < bytes.count ? bytes[index] : 0
                if before != UInt8(ascii: "*") && after != UInt8(ascii: "*") { return word }
            }
        }
        return nil
    }

    static let negations: [StaticString] = ["not", "except", "false", "incorrect", "least", "never", "cannot"]

    /// Whether a run of lower-case ASCII letters in `prompt` may be one of ``negations``.
    private static func containsNegation(_ prompt: String) -> Bool {
        var prompt = prompt
        return prompt.withUTF8 { bytes in
            var packed: UInt64 = 0
            var length = 0
            for byte in bytes {
                if byte >= 0x61 && byte <= 0x7A {
                    packed = packed << 8 | UInt64(byte)
                    length += 1
                } else {
                    if length >= 3, packedNegations.contains(packed) { return true }
                    packed = 0
                    length = 0
                }
            }
            return length >= 3 && packedNegations.contains(packed)
        }
    }

    /// The last eight letters of each of ``negations``, packed a byte each into an integer as the
    /// scan packs a run (shifting older bytes out): a filter that may pass a longer word that
    /// ends the same way, never one that misses a negation.
    private static let packedNegations: Set<UInt64> = Set(
        negations.map { word in word.withUTF8Buffer { $0.reduce(0) { $0 << 8 | UInt64($1) } } })

    /// Whether `text` contains the bytes of `needle` (lower-case ASCII), ignoring the case of
    /// `text`'s ASCII letters, without copying `text`.
    private static func contains(_ text: String, _ needle: StaticString) -> Bool {
        needle.withUTF8Buffer { needle in
            var text = text
            return text.withUTF8 { bytes in
                guard needle.count <= bytes.count, let first = needle.first else { return false }
                var index = 0
                while index + needle.count <= bytes.count {
                    if lowered(bytes[index]) == first,
                        (1..<needle.count).allSatisfy({ lowered(bytes[index + $0]) == needle[$0] })
                    {
                        return true
                    }
                    index += 1
                }
                return false
            }
        }
    }

    private static func lowered(_ byte: UInt8) -> UInt8 { (byte >= 0x41 && byte <= 0x5A) ? byte + 0x20 : byte }

    /// ASCII letters, digits and `_`: what `\\b` in a regular expression calls a word.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == UInt8(ascii: "_")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
