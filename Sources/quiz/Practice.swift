import ArgumentParser
import QuizEngine

/// `quiz practice` (the default command, so `quiz --tag behavioral` starts a round): one
/// question at a time, graded by type, with a summary at the end. Never changes review
/// schedules.
struct Practice: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "practice",
        abstract: "A quick practice round of questions drawn by tag (the default command).",
        discussion: """
            Answer choice questions with letters (b, or a c for several), order questions with \
            the item numbers in order (3 1 2), short and trace questions by typing the answer. \
            Flashcards and open questions are revealed with Enter and self-graded 1-4 \
            (again, hard, good, easy). Type q to stop early; Ctrl-C or end of input also ends \
            the round with its summary. A practice round never changes review schedules.
            """
    )

    /// The most questions one round or draw asks for: beyond every bank we ship, below any
    /// count whose arithmetic could overflow.
    static let maximumCount = 1_000_000

    @OptionGroup var selection: SelectionOptions

    @Option(name: [.customShort("n"), .customLong("count")], help: "How many questions.")
    var count = 10

    @OptionGroup var indexOptions: IndexOptions

    func validate() throws {
        try CommandLineText.require(count, in: 1...Self.maximumCount, for: "--count")
    }

    func run() throws {
        let index = try indexOptions.open()
        let query = try selection.query(index)
        let seed = selection.resolvedSeed
        let ordinals = query.draw(count: count, seed: seed)
        guard !ordinals.isEmpty else {
            StandardError.write("quiz: no questions match \(selection.summary); `quiz tags` lists the tags\n")
            throw ExitCode(1)
        }
        let replay = ReplayCommand.line(
            ["quiz", "practice", "--seed", String(seed), "-n", String(count)], selection: selection)
        var round = PracticeRound(
            console: Console(), seed: seed, title: selection.summary, replay: replay)
        round.run(try ordinals.map { try index.question(at: $0) })
    }
}

/// One interactive round: presents, grades, explains, and sums up.
struct PracticeRound {
    let console: Console
    let seed: UInt64
    /// What the round covers, for its header ("tag behavioral", "module heap-sort").
    let title: String
    /// The command that replays the round.
    let replay: String
    var summary = RoundSummary()

    mutating func run(_ questions: [Question]) {
        let clock = ContinuousClock()
        let start = clock.now
        console.line(
            console.paint(
                "Practice: \(questions.count) question\(questions.count == 1 ? "" : "s") · \(title) · seed \(seed)",
                .bold))
        for (position, question) in questions.enumerated() {
            console.line()
            guard ask(question, position: position + 1, of: questions.count) else { break }
        }
        printSummary(elapsed: clock.now - start, planned: questions.count)
    }

    /// Asks one question; false when the learner stopped (q, end of input, Ctrl-C).
    private mutating func ask(_ question: Question, position: Int, of total: Int) -> Bool {
        let presented: PresentedQuestion
        do {
            presented = try PresentedQuestion(question, seed: seed)
        } catch {
            console.line("(skipping \(question.key): \(error))")
            return true
        }
        let renderer = console.presenter
        console.line(renderer.header(presented, position: position, total: total))
        console.line(renderer.body(presented))
        if Grader.isSelfGraded(question.type) {
            guard
                console.ask(
                    console.paint(
                        "Press Enter to reveal the \(question.type == .open ? "guidance" : "answer") (q to stop): ",
                        .dim)
                ).map({ $0.trimmingWhitespace() != "q" }) ?? false
            else {
                return false
            }
            console.line(renderer.reveal(presented))
            guard let rating = askRating() else { return false }
            summary.record(question, isCorrect: nil, rating: rating)
            return true
        }
        while true {
            guard let answer = console.ask(renderer.answerPrompt(presented)) else { return false }
            if answer.trimmingWhitespace() == "q" { return false }
            do {
                let verdict = try Grader.grade(answer, for: presented)
                console.line(renderer.feedback(presented, verdict: verdict))
                var isCorrect = verdict.isCorrect
                if verdict.isOverridable {
                    guard let reply = console.ask(console.paint("Enter goes on · r if you were right · q stop: ", .dim))
                    else { return false }
                    switch reply.trimmingWhitespace() {
                    case "q": return false
                    case "r":
                        isCorrect = true
                        console.line(console.paint("  overridden: counted as right", .dim))
                    default: break
                    }
                }
                summary.record(question, isCorrect: isCorrect, rating: nil)
                return true
            } catch {
                console.line(console.paint("  \(error.description)", .yellow))
            }
        }
    }

    private func askRating() -> Rating? {
        while true {
            guard let text = console.ask("How did you do? 1 again · 2 hard · 3 good · 4 easy: ") else { return nil }
            if let rating = Grader.rating(text) { return rating }
            console.line(console.paint("  answer 1, 2, 3 or 4 (or again, hard, good, easy)", .yellow))
        }
    }

    private func printSummary(elapsed: Duration, planned: Int) {
        console.line()
        let stopped = summary.answered < planned ? " (stopped after \(summary.answered) of \(planned))" : ""
        console.line(console.paint("Round over: \(summary.right) of \(summary.answered) right\(stopped).", .bold))
        if summary.answered > 0 {
            let types = summary.types.map { "\($0.0.rawValue) \($0.1.right)/\($0.1.total)" }
            console.line("  by type: " + types.joined(separator: " · "))
            let tags = summary.tags.prefix(8).map { "\($0.0) \($0.1.right)/\($0.1.total)" }
            console.line("  by tag:  " + tags.joined(separator: " · "))
            if !summary.selfGrades.isEmpty {
                let grades = Rating.allCases.compactMap { rating in
                    summary.selfGrades[rating].map { "\(rating) \($0)" }
                }
                console.line("  self-graded: " + grades.joined(separator: " · "))
            }
        }
        console.line("  time: \(Self.format(elapsed))")
        console.line("  seed: \(seed) (replay: \(replay))")
    }

    static func format(_ duration: Duration) -> String {
        let seconds = Int(duration.components.seconds)
        return seconds >= 60 ? "\(seconds / 60)m \(seconds % 60)s" : "\(seconds)s"
    }
}
