import QuizEngine

/// A mock-interview sheet in markdown: the questions, numbered, with choices and shuffled
/// order items, then `## Answers` with each type's answer, guidance and explanation.
public struct MarkdownSheet {
    public let questions: [Question]
    /// The draw's seed, which also fixes each question's choice and item order.
    public let seed: UInt64
    /// How many questions matched the selection.
    public let matching: Int
    /// The selection in words ("tags behavioral · difficulty hard").
    public let selection: String
    /// The command line that draws this sheet again.
    public let replay: String

    public init(questions: [Question], seed: UInt64, matching: Int, selection: String, replay: String) {
        self.questions = questions
        self.seed = seed
        self.matching = matching
        self.selection = selection
        self.replay = replay
    }

    /// The sheet's markdown text.
    public var text: String {
        let presented = questions.map { (question: $0, presented: try? PresentedQuestion($0, seed: seed)) }
        var sheet = "# Mock interview\n\n"
        sheet += "\(questions.count) of \(matching) matching question\(matching == 1 ? "" : "s")"
        sheet += " · \(selection) · seed \(seed)\n\n"
        sheet += "Replay: `\(replay)`\n\n## Questions\n"
        for (position, entry) in presented.enumerated() {
            let question = entry.question
            sheet += "\n### \(position + 1). \(question.key)\n\n"
            let meta = [question.type.rawValue, question.difficulty?.rawValue].compactMap { $0 }
            sheet +=
                "*\((meta + [question.tags.joined(separator: ", ")]).filter { !$0.isEmpty }.joined(separator: " · "))*\n\n"
            sheet += (entry.presented?.prompt ?? question.prompt) + "\n"
            switch question.type {
            case .choice, .multi:
                sheet += "\n"
                for (slot, choice) in (entry.presented?.displayedChoices ?? question.choices).enumerated() {
                    sheet += "- \(QuestionPresenter.letter(slot))) \(choice.text)\n"
                }
            case .order:
                sheet += "\nPut in order:\n\n"
                for item in entry.presented?.displayedItems ?? question.items {
                    sheet += "- \(item)\n"
                }
            default:
                break
            }
        }
        sheet += "\n## Answers\n"
        for (position, entry) in presented.enumerated() {
            sheet += "\n### \(position + 1). \(entry.question.key)\n\n" + Self.answer(entry.question, entry.presented)
        }
        return sheet
    }

    /// The answer section of one question, by type.
    private static func answer(_ question: Question, _ presented: PresentedQuestion?) -> String {
        var parts: [String] = []
        switch question.type {
        case .flashcard:
            parts.append("**Answer:** " + (question.answer ?? ""))
        case .choice, .multi:
            let choices = presented?.displayedChoices ?? question.choices
            let correct = choices.indices.filter { choices[$0].isCorrect }
            let label = correct.count == 1 ? "Correct choice" : "Correct choices"
            parts.append(
                "**\(label):** "
                    + correct.map { "\(QuestionPresenter.letter($0))) \(choices[$0].text)" }.joined(separator: "; "))
            let whys = choices.indices.compactMap { slot in
                choices[slot].why.map { "- \(QuestionPresenter.letter(slot))) \($0)" }
            }
            if !whys.isEmpty { parts.append(whys.joined(separator: "\n")) }
        case .short:
            parts.append("**Accepted answers:** " + question.accept.joined(separator: "; "))
        case .open:
            if let guidance = question.guidance { parts.append("**Guidance:**\n\n" + guidance) }
            if !question.rubric.isEmpty {
                parts.append("**Rubric:**\n\n" + question.rubric.map { "- [ ] \($0)" }.joined(separator: "\n"))
            }
        case .order:
            parts.append(
                "**Correct order:**\n\n"
                    + question.items.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n"))
        case .trace:
            parts.append("**Answer:** " + (presented?.trace.map { "\($0.answer)" } ?? "run `quiz practice` on it"))
        }
        if let explanation = question.explanation { parts.append("**Explanation:**\n\n" + explanation) }
        return parts.map { $0.hasSuffix("\n") ? $0 : $0 + "\n" }.joined(separator: "\n")
    }

}
