import QuizEngine

/// How questions look in interactive rounds (practice and review): the prompt, the choices
/// or items in their shuffled order, the answer prompt and the feedback after answering.
public struct QuestionPresenter {
    /// Whether to style the text with ANSI colours.
    public let color: Bool
    /// Whether headers show a `[3/10]` counter (on an interactive terminal).
    public let showsCounter: Bool

    public init(color: Bool, showsCounter: Bool) {
        self.color = color
        self.showsCounter = showsCounter
    }

    private var markdown: MarkdownRenderer { MarkdownRenderer(color: color, indent: "  ") }

    private func paint(_ text: String, _ style: TextStyle) -> String { style.paint(text, enabled: color) }

    /// The letter of a choice shown at `position`: a, b, c, …
    public static func letter(_ position: Int) -> String { String(UnicodeScalar(UInt8(97 + position))) }

    public func header(_ presented: PresentedQuestion, position: Int, total: Int) -> String {
        let question = presented.question
        let meta = [question.type.rawValue, question.difficulty?.rawValue].compactMap { $0 }.joined(separator: " · ")
        let counter = showsCounter ? paint("[\(position)/\(total)] ", .cyan) : ""
        return counter + paint(question.key, .bold) + paint("  (\(meta))", .dim)
    }

    public func body(_ presented: PresentedQuestion) -> String {
        var lines = [markdown.render(presented.prompt)]
        switch presented.question.type {
        case .choice, .multi:
            for (position, choice) in presented.displayedChoices.enumerated() {
                lines.append("    \(Self.letter(position))) \(choice.text)")
            }
        case .order:
            for (position, item) in presented.displayedItems.enumerated() {
                lines.append("    \(position + 1). \(item)")
            }
        default:
            break
        }
        return lines.joined(separator: "\n")
    }

    /// "Answer (one letter, a-d): ", with `extra` ("or u/q") before the colon when given.
    public func answerPrompt(_ presented: PresentedQuestion, extra: String? = nil) -> String {
        let count = presented.choiceOrder.count
        let hint: String =
            switch presented.question.type {
            case .choice: "one letter, a-\(Self.letter(count - 1))"
            case .multi: "all correct letters, e.g. a c"
            case .order: "the item numbers in the right order, separated by spaces"
            case .trace:
                if let name = presented.trace?.sequenceName {
                    "\(name), separated by spaces"
                } else if case .array = presented.trace?.answer {
                    "the array, values separated by spaces"
                } else {
                    "a whole number"
                }
            default: "your answer"
            }
        return "Answer (\(hint))" + (extra.map { " \($0)" } ?? "") + ": "
    }

    public func feedback(_ presented: PresentedQuestion, verdict: Grader.Verdict) -> String {
        let question = presented.question
        var lines: [String] = []
        if let match = verdict.match, match.kind == .close, let form = match.accepted {
            lines.append(paint("  ✓ Right (accepted: close to '\(form)').", .green))
        } else {
            lines.append(verdict.isCorrect ? paint("  ✓ Right.", .green) : paint("  ✗ Not quite.", .red))
        }
        switch question.type {
        case .choice, .multi:
            let choices = presented.displayedChoices
            let correct = choices.indices.filter { choices[$0].isCorrect }
            if !verdict.isCorrect {
                let names = correct.map { "\(Self.letter($0))) \(choices[$0].text)" }
                if names.count == 1 {
                    lines.append("  The answer: " + names[0])
                } else {
                    lines.append("  The answers:")
                    lines += names.map { "    " + $0 }
                }
            }
            for position in verdict.picked where !choices[position].isCorrect {
                if let why = choices[position].why {
                    lines.append("  Why not \(Self.letter(position)): \(why)")
                }
            }
            for position in correct where !verdict.picked.contains(position) && question.type == .multi {
                if let why = choices[position].why { lines.append("  Also \(Self.letter(position)): \(why)") }
            }
        case .short where !verdict.isCorrect:
            if let nearest = verdict.match?.accepted { lines.append("  Closest accepted answer: \(nearest)") }
            lines.append("  Accepted: " + question.accept.joined(separator: " · "))
        case .order where !verdict.isCorrect:
            let positions = question.items.indices.map { original in presented.itemOrder.firstIndex(of: original)! + 1 }
            lines.append("  The order: " + positions.map(String.init).joined(separator: " "))
            lines += question.items.enumerated().map { "    \($0.offset + 1). \($0.element)" }
        case .trace where !verdict.isCorrect:
            if let answer = presented.trace?.answer { lines.append("  The answer: \(answer)") }
        default:
            break
        }
        if let explanation = question.explanation {
            lines.append(markdown.render(explanation))
        }
        return lines.joined(separator: "\n")
    }

    /// The answer, guidance, rubric (unless `rubric` is false: a front end lists it itself)
    /// and explanation of a self-graded question.
    public func reveal(_ presented: PresentedQuestion, rubric showsRubric: Bool = true) -> String {
        let question = presented.question
        var lines: [String] = []
        if let answer = question.answer {
            lines.append(paint("  Answer", .bold))
            lines.append(markdown.render(answer))
        }
        if let guidance = question.guidance {
            lines.append(paint("  Guidance", .bold))
            lines.append(markdown.render(guidance))
        }
        if showsRubric && !question.rubric.isEmpty {
            lines.append(paint("  Rubric", .bold))
            lines += question.rubric.map { "  ☐ \($0)" }
        }
        if let explanation = question.explanation {
            lines.append(markdown.render(explanation))
        }
        return lines.joined(separator: "\n")
    }
}
