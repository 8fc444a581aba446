import AlgorithmTraces
import Presentation
import ArgumentParser
import QuizEngine
import Spelling

/// `quiz show KEY`: one question in full, with its source file and line.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one question in full, answer included."
    )

    @Argument(help: "The question's key, bank/id (for example nosql/nosql-scalability).")
    var key: String

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var indexOptions: IndexOptions

    func run() throws {
        let index = try indexOptions.open()
        guard let ordinal = try index.ordinal(forKey: key) else {
            let suggestion = Spelling.nearest(to: key, in: try index.allKeys())
            throw CommandFailure(
                "no question '\(CommandLineText.excerpt(key))'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
                    + "\n  (`quiz draw --format json` lists keys)")
        }
        let question = try index.question(at: ordinal)
        switch format {
        case .json: StandardOutput.write(QuestionJSON.full(question).text + "\n")
        case .text:
            StandardOutput.write(QuestionText(color: Terminal.allowsColor(fileDescriptor: 1)).full(question) + "\n")
        }
    }
}

/// A question as JSON: every field, for `quiz show` and other machine output.
enum QuestionJSON {
    static func full(_ question: Question) -> JSON {
        var fields: [(String, JSON)] = [
            ("key", .string(question.key)),
            ("bank", .string(question.bank)),
            ("id", .string(question.id)),
            ("type", .string(question.type.rawValue)),
            ("prompt", .string(question.prompt)),
            ("answer", .optional(question.answer)),
            ("accept", .strings(question.accept)),
            (
                "choices",
                .array(
                    question.choices.map {
                        .object([
                            ("text", .string($0.text)), ("correct", .bool($0.isCorrect)), ("why", .optional($0.why)),
                            ("fixed", .bool($0.isFixed)),
                        ])
                    })
            ),
            ("items", .strings(question.items)),
            ("guidance", .optional(question.guidance)),
            ("rubric", .strings(question.rubric)),
            ("explanation", .optional(question.explanation)),
            ("tags", .strings(question.tags)),
            ("difficulty", .optional(question.difficulty?.rawValue)),
            ("source", .optional(question.source)),
            ("refs", .strings(question.refs)),
            ("revision", .int(question.revision)),
            ("module", .optional(question.module)),
        ]
        if let trace = question.trace {
            fields.append(
                (
                    "trace",
                    .object([
                        ("algorithm", .string(trace.algorithm)), ("ask", .string(trace.ask)),
                        ("pass", trace.pass.map(JSON.int) ?? .null), ("k", trace.k.map(JSON.int) ?? .null),
                        ("size", .int(trace.size)), ("min", .int(trace.minimum)), ("max", .int(trace.maximum)),
                    ])
                ))
        } else {
            fields.append(("trace", .null))
        }
        fields.append(("file", .string(question.location.file)))
        fields.append(("line", .int(question.location.line)))
        return .object(fields)
    }
}

/// A question as terminal text.
struct QuestionText {
    var color: Bool

    private var markdown: MarkdownRenderer { MarkdownRenderer(color: color, indent: "  ") }

    private func heading(_ text: String) -> String { Terminal.paint(text, .bold, enabled: color) }

    func full(_ question: Question) -> String {
        var lines: [String] = []
        let meta = [question.type.rawValue, question.difficulty?.rawValue].compactMap { $0 }.joined(separator: " · ")
        lines.append(Terminal.paint(question.key, .cyan, enabled: color) + "  (\(meta))")
        lines.append(markdown.render(question.prompt))
        switch question.type {
        case .flashcard:
            lines.append(heading("Answer"))
            lines.append(markdown.render(question.answer ?? ""))
        case .choice, .multi:
            lines.append(heading("Choices"))
            for (index, choice) in question.choices.enumerated() {
                let letter = String(UnicodeScalar(UInt8(97 + index)))
                let mark = choice.isCorrect ? Terminal.paint("✓", .green, enabled: color) : " "
                lines.append("  \(mark) \(letter)) \(choice.text)")
                if let why = choice.why { lines.append("       " + Terminal.paint(why, .dim, enabled: color)) }
            }
        case .short:
            lines.append(heading("Accepted answers"))
            lines.append("  " + question.accept.joined(separator: " · "))
        case .open:
            if let guidance = question.guidance {
                lines.append(heading("Guidance"))
                lines.append(markdown.render(guidance))
            }
            if !question.rubric.isEmpty {
                lines.append(heading("Rubric"))
                lines += question.rubric.map { "  ☐ \($0)" }
            }
        case .order:
            lines.append(heading("Correct order"))
            lines += question.items.enumerated().map { "  \($0.offset + 1). \($0.element)" }
        case .trace:
            if let trace = question.trace {
                lines.append(heading("Trace template"))
                var parameters = "  \(trace.algorithm), ask \(trace.ask)"
                if let pass = trace.pass { parameters += ", pass \(pass)" }
                if let k = trace.k { parameters += ", k \(k)" }
                parameters +=
                    ", "
                    + (TracedAlgorithmCatalog.entry(named: trace.algorithm)?.input.sizeText(
                        size: trace.size, min: trace.minimum, max: trace.maximum)
                        ?? "\(trace.size) values in \(trace.minimum)...\(trace.maximum)")
                lines.append(parameters)
            }
        }
        if let explanation = question.explanation {
            lines.append(heading("Explanation"))
            lines.append(markdown.render(explanation))
        }
        lines.append(Terminal.paint("tags: \(question.tags.joined(separator: ", "))", .dim, enabled: color))
        lines.append(Terminal.paint("\(question.location.file):\(question.location.line)", .dim, enabled: color))
        return lines.joined(separator: "\n")
    }
}
