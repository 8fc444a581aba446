import ArgumentParser
import Presentation
import QuizEngine

/// `quiz draw`: random questions by tag, reproducibly, as a list, JSON or a mock-interview
/// sheet.
struct Draw: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draw",
        abstract: "Draw random questions by tag, reproducibly: a list, JSON, or a mock-interview sheet.",
        discussion: """
            Tag expressions combine tag names with ! (not), & (and), | (or) and parentheses; \
            ! binds tightest, then &, then |, so 'a | b & !c' means 'a | (b & (!c))'. A \
            repeated --tag is ANDed with the others. Quote expressions for the shell.

            Every draw prints its seed (on stderr for text, in the output for json and \
            markdown); --seed replays the same questions in the same order. Without \
            --seed, a fresh seed comes from the system.

            Exit status: 0 when questions were drawn, 1 when none match, 2 for usage \
            errors (including unknown tags) and unreadable indexes.

            Examples:
              quiz draw --tag behavioral -n 3
              quiz draw --tag 'sorting & !easy' --seed 7 --format json
              quiz draw --tag 'sql | nosql' --difficulty hard --format markdown > interview.md
            """
    )

    /// The output formats of `quiz draw`.
    enum Format: String, ArgumentEnum {
        case text
        case json
        case markdown
    }

    @OptionGroup var selection: SelectionOptions

    @Option(
        name: [.customShort("n"), .customLong("count")],
        help: "How many questions (all of them when fewer match).")
    var count = 5

    @Option(help: "Output format: text, json or markdown (a mock-interview sheet with the answers at the end).")
    var format: Format = .text

    @OptionGroup var indexOptions: IndexOptions

    func validate() throws {
        try CommandLineText.require(count, in: 1...Practice.maximumCount, for: "--count")
    }

    func run() throws {
        let index = try indexOptions.open()
        let query = try selection.query(index)
        let seed = selection.resolvedSeed
        let ordinals = query.draw(count: count, seed: seed)
        switch format {
        case .json:
            StandardOutput.write(json(try ordinals.map { try Heading(index, $0) }, seed: seed) + "\n")
        case .markdown:
            let sheet = MarkdownSheet(
                questions: try ordinals.map { try index.question(at: $0) }, seed: seed,
                matching: query.matches().count, selection: selection.summary, replay: replay(seed: seed))
            StandardOutput.write(sheet.text)
        case .text:
            StandardOutput.write(text(try ordinals.map { try Heading(index, $0) }))
            let matching = query.matches().count
            let drawn = "\(ordinals.count) of \(matching) matching question\(matching == 1 ? "" : "s")"
            StandardError.write("seed \(seed) · \(drawn) · replay: \(replay(seed: seed))\n")
        }
        if ordinals.isEmpty {
            StandardError.write("quiz: no questions match \(selection.summary); `quiz tags` lists the tags\n")
            throw ExitCode(1)
        }
    }

    // MARK: Formats

    /// What the list and JSON formats print of a question, read field by field: the
    /// answers, choices and explanation stay unread, and so do the index blocks holding them.
    struct Heading {
        var key: String
        var bank: String
        var type: QuestionType
        var prompt: String
        var tags: [String]
        var difficulty: Difficulty?

        init(_ index: QuestionIndex, _ ordinal: Int) throws(IndexError) {
            bank = try index.bank(at: ordinal)
            key = try index.key(at: ordinal)
            type = try index.type(at: ordinal)
            prompt = try index.prompt(at: ordinal)
            tags = try index.tags(at: ordinal)
            difficulty = try index.difficulty(at: ordinal)
        }
    }

    /// DESIGN.md's contract: `{"seed":S,"questions":[{"key","bank","type","prompt","tags","difficulty"}]}`.
    func json(_ questions: [Heading], seed: UInt64) -> String {
        let list = JSON.array(
            questions.map { q in
                .object([
                    ("key", .string(q.key)), ("bank", .string(q.bank)), ("type", .string(q.type.rawValue)),
                    ("prompt", .string(q.prompt)), ("tags", .strings(q.tags)),
                    ("difficulty", .optional(q.difficulty?.rawValue)),
                ])
            })
        // The seed is written by hand: it is a UInt64, beyond JSON.int's range.
        return "{\"seed\":\(seed),\"questions\":\(list.text)}"
    }

    /// A numbered list: key, type, difficulty and tags, then the prompt, indented.
    func text(_ questions: [Heading]) -> String {
        let color = Terminal.allowsColor(fileDescriptor: 1)
        let renderer = MarkdownRenderer(color: color, indent: "    ")
        let width = String(questions.count).count
        var output = ""
        for (position, question) in questions.enumerated() {
            let number = String(position + 1)
            let meta = [question.type.rawValue, question.difficulty?.rawValue].compactMap { $0 }.joined(
                separator: " · ")
            output += String(repeating: " ", count: width - number.count) + number + ". "
            output += Terminal.paint(question.key, .bold, enabled: color)
            output += Terminal.paint("  \(meta) · [\(question.tags.joined(separator: ", "))]", .dim, enabled: color)
            output += "\n" + renderer.render(question.prompt) + "\n\n"
        }
        return output
    }

    /// The command that replays this draw.
    func replay(seed: UInt64) -> String {
        var trailing = ["-n", String(count), "--seed", String(seed)]
        if format != .text { trailing += ["--format", format.rawValue] }
        return ReplayCommand.line(["quiz", "draw"], selection: selection, trailing: trailing)
    }
}
