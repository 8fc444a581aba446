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
        var accept: SourceLocation?
    }

    static let keyLengthRatio = 1.2
    static let keyLengthMargin = 8
    static let multiLengthRatio = 1.1

    let question: Question
    let sites: Sites

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
    static func length(_ text: String) -> Int { text.unicodeScalars.count }

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
        let promptWords = ItemText.words(question.prompt).map(ItemText.stem)
        let words = question.choices.map { Set(ItemText.contentWords($0.text)) }
        var others = Set<String>()
        for index in words.indices where index != key { others.formUnion(words[index]) }
        let echoes = words[key].subtracting(others).filter { ItemText.occurs($0, in: promptWords) }.sorted()
        guard echoes.count >= 2 else { return }
        for index in words.indices where index != key {
            if words[index].subtracting(words[key]).contains(where: { ItemText.occurs($0, in: promptWords) }) { return }
        }
        bag.warning(.keyEchoesPrompt(echoes), at: sites.prompt)
    }

    private func checkAcceptedFormInPrompt(into bag: inout DiagnosticBag) {
        let promptWords = ItemText.words(question.prompt).map(ItemText.stem)
        for form in question.accept {
            // A number is given away by its digits (or its name), not by its unit; other forms
            // by every content word, two-letter ones too (`EX`, `IO`).
            let tokens = ItemText.words(form)
            let numbers = tokens.filter { ItemText.hasDigit($0) || ItemText.numberNames.contains($0) }
            let words =
                numbers.isEmpty
                ? tokens.filter { $0.count >= 2 && !ItemText.stopWords.contains($0) }.map(ItemText.stem) : numbers
            if !words.isEmpty, words.allSatisfy({ ItemText.occurs($0, in: promptWords) }) {
                bag.warning(.acceptedFormInPrompt(form), at: sites.prompt)
                return
            }
        }
    }

    private func site(ofChoice index: Int) -> SourceLocation {
        index < sites.choices.count ? sites.choices[index] : sites.prompt
    }

    /// "all of the above" and its kin, as written in `text`, or nil.
    static func aboveOption(_ text: String) -> String? {
        let lowered = String(decoding: text.utf8.map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 + 0x20 : $0 }, as: UTF8.self)
        for quantifier in ["all", "none", "both", "neither"] {
            for tail in ["the above", "above", "these", "the options", "the other options"] {
                let phrase = "\(quantifier) of \(tail)"
                guard let range = lowered.firstRange(of: phrase) else { continue }
                let before = range.lowerBound == lowered.startIndex ? nil : lowered[lowered.index(before: range.lowerBound)]
                let after = range.upperBound == lowered.endIndex ? nil : lowered[range.upperBound]
                if !isWordCharacter(before), !isWordCharacter(after) { return phrase }
            }
        }
        return nil
    }

    /// A negation in the question sentence of a prompt (the sentences ending in "?", else the
    /// last), written in lower case and not emphasised with `*`, or nil.
    static func negativeStem(_ prompt: String) -> String? {
        let sentences = splitSentences(prompt.trimmingWhitespace())
        let questions = sentences.filter { $0.hasSuffix("?") }
        for sentence in questions.isEmpty ? Array(sentences.suffix(1)) : questions {
            let characters = Array(sentence)
            var index = 0
            while index < characters.count {
                guard isWordCharacter(characters[index]) else {
                    index += 1
                    continue
                }
                let start = index
                while index < characters.count, isWordCharacter(characters[index]) { index += 1 }
                let word = String(characters[start..<index])
                guard negations.contains(word) else { continue }
                let before = start > 0 ? characters[start - 1] : nil
                let after = index < characters.count ? characters[index] : nil
                if before != "*" && after != "*" { return word }
            }
        }
        return nil
    }

    static let negations: Set<String> = ["not", "except", "false", "incorrect", "least", "never", "cannot"]

    /// Sentences end at `.`, `!`, `?` or `:` followed by whitespace.
    private static func splitSentences(_ text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        var previous: Character?
        for character in text {
            if character.isWhitespace, let previous, ".!?:".contains(previous) {
                sentences.append(current)
                current = ""
            } else if !(character.isWhitespace && current.isEmpty) {
                current.append(character)
            }
            previous = character
        }
        if !current.isEmpty { sentences.append(current) }
        return sentences
    }

    private static func isWordCharacter(_ character: Character?) -> Bool {
        guard let character, let ascii = character.asciiValue else { return false }
        return (ascii >= 0x30 && ascii <= 0x39) || (ascii >= 0x41 && ascii <= 0x5A) || (ascii >= 0x61 && ascii <= 0x7A)
            || ascii == UInt8(ascii: "_")
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
