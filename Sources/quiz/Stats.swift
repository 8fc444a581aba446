import Presentation
import ArgumentParser
import QuizEngine
import QuizStore

/// `quiz stats`: progress, the 30-day forecast, retention, activity and orphaned history.
struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Progress: cards by state, what is due, a 30-day forecast, retention.")

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var storeOptions: StoreOptions

    @OptionGroup var indexOptions: IndexOptions

    func run() throws {
        let index = try indexOptions.open()
        let store = try storeOptions.open()
        let now = storeOptions.instant
        let report: ProgressReport
        do {
            report = try ProgressReport(index: index, store: store, now: now, rolloverHour: storeOptions.rollover)
        } catch {
            throw CommandFailure("\(error)")
        }
        switch format {
        case .json: print(report.json.text)
        case .text: print(report.text(color: Terminal.allowsColor(fileDescriptor: 1)))
        }
    }
}

/// How `quiz stats` shows a ``ProgressReport``.
extension ProgressReport {
    var json: JSON {
        .object([
            ("reviews", .int(totalReviews)),
            ("cards", .object(Self.stateNames.map { ($0, .int(byState[$0] ?? 0)) })),
            (
                "due",
                .object([("today", .int(dueToday)), ("tomorrow", .int(dueTomorrow)), ("week", .int(dueThisWeek))])
            ),
            ("forecast", .array(forecast.map { .object([("date", .string($0.date)), ("due", .int($0.due))]) })),
            ("retention", retention.map(JSON.double) ?? .null),
            ("retention_reviews", .int(retentionReviews)),
            (
                "reviews_per_day",
                .array(reviewsPerDay.map { .object([("date", .string($0.date)), ("reviews", .int($0.reviews))]) })
            ),
            ("streak", .int(streak)),
            (
                "parameters",
                .object([
                    ("source", .string(savedParameters?.parameters == nil ? "default" : "fitted")),
                    ("saved_at", savedParameters.map { .string($0.savedAt.iso8601) } ?? .null),
                    ("reviews", .int(savedParameters?.reviewCount ?? 0)),
                    ("values", .array((savedParameters?.parameters ?? .default).weights.map(JSON.double))),
                ])
            ),
            (
                "orphans",
                .array(
                    orphans.map {
                        .object([
                            ("key", .string($0.key)), ("reviews", .int($0.reviews)),
                            ("last_reviewed", .string($0.lastReviewedAt.iso8601)),
                        ])
                    })
            ),
        ])
    }

    /// Which FSRS parameters schedule the reviews, and since when.
    var parametersText: String {
        guard let saved = savedParameters else {
            return "FSRS-6 default parameters (fit your own with 'quiz fsrs optimize --save')"
        }
        let date = LocalDay.calendarDate(saved.savedAt)
        guard saved.parameters != nil else { return "FSRS-6 default parameters, reset on \(date)" }
        return "your own FSRS-6 parameters, fitted on \(date) from \(saved.reviewCount) reviews of \(saved.cardCount) cards"
    }

    func text(color: Bool) -> String {
        func bold(_ text: String) -> String { Terminal.paint(text, .bold, enabled: color) }
        var lines: [String] = []
        let states = Self.stateNames.map { "\($0) \(byState[$0] ?? 0)" }
        lines.append(bold("Cards") + "     " + states.joined(separator: " · "))
        lines.append(bold("Due") + "       today \(dueToday) · tomorrow \(dueTomorrow) · next 7 days \(dueThisWeek)")
        let retentionText =
            retention.map {
                "\(Int(($0 * 1000).rounded()) / 10).\(Int(($0 * 1000).rounded()) % 10)% of \(retentionReviews) reviews (last 30 days)"
            }
            ?? "no reviews of mature cards in the last 30 days"
        lines.append(bold("Retention") + " " + retentionText)
        let total30 = reviewsPerDay.reduce(0) { $0 + $1.reviews }
        lines.append(
            bold("Reviews")
                + "   \(totalReviews) in all · \(total30) in the last 30 days · streak \(streak) day\(streak == 1 ? "" : "s")"
        )
        lines.append(bold("Memory") + "    " + parametersText)
        lines.append("")
        lines.append(bold("Forecast, next 30 days"))
        let peak = max(1, forecast.map(\.due).max() ?? 1)
        for (offset, day) in forecast.enumerated() {
            let width = day.due == 0 ? 0 : max(1, day.due * 40 / peak)
            let bar = String(repeating: "█", count: width)
            let label = offset == 0 ? "today     " : String(day.date.suffix(5)) + "     "
            lines.append("  \(label)\(Terminal.paint(bar, .cyan, enabled: color)) \(day.due)")
        }
        lines.append("")
        lines.append(bold("Reviews per day, last 30 days"))
        let blocks = Array(" ▁▂▃▄▅▆▇█")
        let busiest = max(1, reviewsPerDay.map(\.reviews).max() ?? 1)
        let spark = reviewsPerDay.map { $0.reviews == 0 ? " " : blocks[max(1, $0.reviews * 8 / busiest)] }
        lines.append("  " + String(spark) + "  (max \(busiest) a day)")
        if !orphans.isEmpty {
            lines.append("")
            lines.append(bold("History of questions no longer in the banks") + " (kept, not deleted)")
            for orphan in orphans {
                lines.append(
                    "  \(orphan.key): \(orphan.reviews) review\(orphan.reviews == 1 ? "" : "s"), last \(LocalDay.calendarDate(orphan.lastReviewedAt))"
                )
            }
        }
        return lines.joined(separator: "\n")
    }
}
