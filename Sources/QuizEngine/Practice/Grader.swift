
/// Reads a learner's typed answer for a presented question and grades it.
///
/// What counts as an answer depends on the type:
/// - `choice`: one letter (`b`); `multi`: letters in any order and separation (`a c`, `a,c`, `ac`);
/// - `short`: text, compared with the accepted answers by ``AnswerMatcher`` (case, spaces and
///   punctuation ignored; acronym and parenthesised forms; typos forgiven except in numbers);
/// - `order`: the displayed numbers in the correct order (`3 1 2` or `3,1,2`);
/// - `trace`: an array (`2 4 5 1 3 6`, brackets and commas optional) or one integer;
/// - `flashcard` and `open`: nothing to parse: the learner reveals, then self-grades.
public enum Grader {
    /// Why an answer could not be read; the CLI re-prompts with this text.
    public struct UnreadableAnswer: Error, Sendable, Hashable, CustomStringConvertible {
        public var description: String
    }

    /// The result of an auto-graded answer.
    public struct Verdict: Sendable, Hashable {
        public var isCorrect: Bool
        /// Display positions the learner picked (choice/multi) or the order given (order).
        public var picked: [Int]
        /// For `short`: how the text matched, with the accepted form it matched (a near miss
        /// shows it) or, when wrong, the nearest accepted form.
        public var match: AnswerMatcher.Match?
        /// Whether the learner may overrule a wrong grade ("I was right"): typed answers only,
        /// where a typo or an unlisted phrasing can fail a learner who knew the answer.
        public var isOverridable: Bool

        public init(isCorrect: Bool, picked: [Int], match: AnswerMatcher.Match? = nil, isOverridable: Bool = false) {
            self.isCorrect = isCorrect
            self.picked = picked
            self.match = match
            self.isOverridable = isOverridable
        }
    }

    /// Whether the question is graded by the learner rather than the engine.
    public static func isSelfGraded(_ type: QuestionType) -> Bool {
        type == .flashcard || type == .open
    }

    /// Grades an auto-graded answer.
    ///
    /// - Throws: ``UnreadableAnswer`` naming what is expected when the text is not an answer
    ///   of the right shape (a letter out of range, a repeated number, …).
    public static func grade(_ answer: String, for presented: PresentedQuestion) throws(UnreadableAnswer) -> Verdict {
        let question = presented.question
        switch question.type {
        case .choice, .multi:
            let picked = try letters(answer, count: presented.choiceOrder.count, single: question.type == .choice)
            let correct = Set(presented.choiceOrder.indices.filter { presented.displayedChoices[$0].isCorrect })
            return Verdict(isCorrect: Set(picked) == correct, picked: picked)
        case .short:
            guard !AnswerNormalizer.normalizedBytes(answer).isEmpty else {
                throw UnreadableAnswer(description: "type an answer")
            }
            let match = AnswerMatcher.match(answer, accepted: question.accept)
            return Verdict(
                isCorrect: match.isAccepted, picked: [], match: match, isOverridable: !match.isAccepted)
        case .order:
            let numbers = try integers(answer, what: "the item numbers")
            let count = presented.itemOrder.count
            guard numbers.count == count, Set(numbers) == Set(1...count) else {
                throw UnreadableAnswer(
                    description:
                        "give each number from 1 to \(count) once, in the right order (e.g. \((1...count).reversed().map(String.init).joined(separator: " ")))"
                )
            }
            let originals = numbers.map { presented.itemOrder[$0 - 1] }
            return Verdict(isCorrect: originals == Array(0..<count), picked: numbers.map { $0 - 1 })
        case .trace:
            guard let trace = presented.trace else { throw UnreadableAnswer(description: "this question has no trace") }
            switch trace.answer {
            case .array(let expected):
                let numbers = try integers(answer, what: trace.sequenceName ?? "the array's values")
                guard numbers.count == expected.count || trace.sequenceName != nil else {
                    throw UnreadableAnswer(
                        description: "give all \(expected.count) values of the array, separated by spaces")
                }
                return Verdict(isCorrect: numbers == expected, picked: [], isOverridable: numbers != expected)
            case .number(let expected):
                let numbers = try integers(answer, what: "one whole number")
                guard numbers.count == 1 else { throw UnreadableAnswer(description: "give one whole number") }
                return Verdict(isCorrect: numbers[0] == expected, picked: [], isOverridable: numbers[0] != expected)
            }
        case .flashcard, .open:
            throw UnreadableAnswer(description: "this question is self-graded")
        }
    }

    /// Reads a self-grade: `1`-`4` or `again`, `hard`, `good`, `easy` (or their first letter).
    public static func rating(_ text: String) -> Rating? {
        switch text.trimmingWhitespace().lowercased() {
        case "1", "a", "again": .again
        case "2", "h", "hard": .hard
        case "3", "g", "good": .good
        case "4", "e", "easy": .easy
        default: nil
        }
    }

    static func letters(_ text: String, count: Int, single: Bool) throws(UnreadableAnswer) -> [Int] {
        let valid = (0..<count).map { String(UnicodeScalar(UInt8(97 + $0))) }
        let range = "\(valid.first ?? "a")-\(valid.last ?? "a")"
        var picked: [Int] = []
        for character in text.lowercased() {
            if character == " " || character == "," || character == ";" { continue }
            guard let ascii = character.asciiValue, ascii >= 97, Int(ascii - 97) < count else {
                throw UnreadableAnswer(description: "answer with \(single ? "a letter" : "letters") from \(range)")
            }
            let position = Int(ascii - 97)
            guard !picked.contains(position) else {
                throw UnreadableAnswer(description: "'\(character)' is given twice; answer with letters from \(range)")
            }
            picked.append(position)
        }
        guard !picked.isEmpty else {
            throw UnreadableAnswer(description: "answer with \(single ? "a letter" : "letters") from \(range)")
        }
        if single && picked.count > 1 {
            throw UnreadableAnswer(description: "pick one letter from \(range)")
        }
        return picked.sorted()
    }

    static func integers(_ text: String, what: String) throws(UnreadableAnswer) -> [Int] {
        var numbers: [Int] = []
        var current = ""
        func flush() throws(UnreadableAnswer) {
            guard !current.isEmpty else { return }
            guard let number = Int(current) else {
                throw UnreadableAnswer(description: "'\(current)' is not a whole number; give \(what)")
            }
            numbers.append(number)
            current = ""
        }
        for character in text {
            if character.isNumber || (character == "-" && current.isEmpty) {
                current.append(character)
            } else if character == " " || character == "," || character == "[" || character == "]" || character == ";" {
                try flush()
            } else {
                throw UnreadableAnswer(description: "'\(character)' is not part of a number; give \(what)")
            }
        }
        try flush()
        guard !numbers.isEmpty else { throw UnreadableAnswer(description: "give \(what)") }
        return numbers
    }
}
