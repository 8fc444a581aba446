import Presentation
import ArgumentParser
import QuizEngine
import QuizStore
import Spelling

/// `quiz info KEY`: a card's schedule and its review history.
struct Info: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "A card's state, stability, difficulty, retrievability and history.")

    @Argument(help: "The question's key, bank/id.")
    var key: String

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var storeOptions: StoreOptions

    @OptionGroup var indexOptions: IndexOptions

    func run() throws {
        let index = try indexOptions.open()
        let store = try storeOptions.open()
        let now = storeOptions.instant
        let ordinal = try index.ordinal(forKey: key)
        let log: [ReviewLogEntry]
        let stored: StoredCard?
        let scheduler: Scheduler
        do {
            log = try store.reviewLog(forKey: key)
            stored = try store.card(forKey: key)
            scheduler = try store.scheduler()
        } catch {
            throw CommandFailure("\(error)")
        }
        guard ordinal != nil || !log.isEmpty else {
            let suggestion = Spelling.nearest(to: key, in: try index.allKeys())
            throw CommandFailure(
                "no question '\(CommandLineText.excerpt(key))'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""))
        }
        let revision = try ordinal.map { try index.revision(at: $0) }
        let current = stored.flatMap { card in revision == nil || card.revision == revision ? card : nil }
        let retrievability = current.map { scheduler.retrievability(of: $0.card, at: now) }
        switch format {
        case .json:
            var fields: [(String, JSON)] = [("key", .string(key)), ("in_banks", .bool(ordinal != nil))]
            if let card = current?.card {
                fields += [
                    ("state", .string(Review.stateName(card.state))), ("step", card.step.map(JSON.int) ?? .null),
                    ("stability", card.stability.map(JSON.double) ?? .null),
                    ("difficulty", card.difficulty.map(JSON.double) ?? .null),
                    ("retrievability", retrievability.map(JSON.double) ?? .null), ("due", .string(card.due.iso8601)),
                ]
            } else {
                fields.append(("state", .string("new")))
            }
            fields.append(
                (
                    "history",
                    .array(
                        log.map { entry in
                            .object([
                                ("time", .string(entry.reviewedAt.iso8601)), ("grade", .int(entry.rating.rawValue)),
                                (
                                    "state_before",
                                    .string(entry.before.map { Review.stateName($0.state) } ?? "new")
                                ),
                                ("state_after", .string(Review.stateName(entry.after.state))),
                                ("stability", entry.after.stability.map(JSON.double) ?? .null),
                                ("difficulty", entry.after.difficulty.map(JSON.double) ?? .null),
                                ("retrievability", entry.retrievability.map(JSON.double) ?? .null),
                                ("due", .string(entry.after.due.iso8601)),
                                ("duration_ms", .int(Int(entry.durationMilliseconds))),
                                ("undone", .bool(entry.isUndone)),
                                ("override", .bool(entry.isOverride)),
                            ])
                        })
                ))
            print(JSON.object(fields).text)
        case .text:
            let color = Terminal.allowsColor(fileDescriptor: 1)
            var title = Terminal.paint(key, .bold, enabled: color)
            if let ordinal { title += "  " + (try index.prompt(at: ordinal)).prefix(80) }
            print(title)
            if ordinal == nil { print("  no longer in the banks; its history is kept") }
            if let card = current?.card {
                print("  state \(Review.stateName(card.state))\(card.step.map { " (step \($0 + 1))" } ?? "")")
                print(
                    "  stability \(Self.number(card.stability)) days · difficulty \(Self.number(card.difficulty)) / 10 · retrievability now \(Self.percent(retrievability ?? 0))"
                )
                print("  due \(card.due.iso8601) (\(Review.describe(card.due, from: now)))")
            } else {
                print("  new: not reviewed yet\(stored != nil ? " at this revision (its meaning changed)" : "")")
            }
            if !log.isEmpty {
                print("  history:")
                for entry in log {
                    let grade = entry.rating.description
                    let before = entry.before.map { Review.stateName($0.state) } ?? "new"
                    let undone =
                        (entry.isOverride ? "  (override: graded wrong, counted as good)" : "")
                        + (entry.isUndone ? "  (undone)" : "")
                    print(
                        "    \(entry.reviewedAt.iso8601)  \(grade.padding(5))  \(before) -> \(Review.stateName(entry.after.state))  S \(Self.number(entry.after.stability))  next \(IntervalPreview.label(microseconds: entry.after.due.microseconds(since: entry.reviewedAt)))\(undone)"
                    )
                }
            }
        }
    }

    static func number(_ value: Double?) -> String {
        guard let value else { return "-" }
        let scaled = (value * 100).rounded() / 100
        return "\(scaled)"
    }

    static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }
}

extension String {
    func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
