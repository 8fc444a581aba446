import ArgumentParser
import QuizEngine
import QuizStore

/// `quiz stats`: progress, the 30-day forecast, retention, activity and orphaned history.
struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Progress: cards by state, what is due, a 30-day forecast, retention.")

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var storeOptions: StoreOptions

    @OptionGroup var indexOptions: IndexOptions

    func run() throws {
        let index = try indexOptions.open()
        let store = try storeOptions.open()
        let now = storeOptions.instant
        let report: StatsReport
        do {
            report = try StatsReport(index: index, store: store, now: now, rolloverHour: storeOptions.rollover)
        } catch {
            throw CommandFailure("\(error)")
        }
        switch format {
        case .json: print(report.json.text)
        case .text: print(report.text(color: Terminal.allowsColor(fileDescriptor: 1)))
        }
    }
}

/// The numbers behind `quiz stats`, computed once from the index and the store.
struct StatsReport {
    var totalReviews = 0
    var byState: [String: Int] = ["new": 0, "learning": 0, "review": 0, "relearning": 0]
    var dueToday = 0
    var dueTomorrow = 0
    var dueThisWeek = 0
    /// Cards due on each of the next 30 days (overdue cards count today).
    var forecast: [(date: String, due: Int)] = []
    /// Reviews of cards in the review state over the last 30 days, and how many were passed.
    var retentionReviews = 0
    var retentionPassed = 0
    var reviewsPerDay: [(date: String, reviews: Int)] = []
    var streak = 0
    var orphans: [OrphanHistory] = []

    static let forecastDays = 30

    init(index: QuestionIndex, store: ReviewStore, now: Instant, rolloverHour: Int) throws {
        totalReviews = try store.totalReviews
        var days = [LocalDay.containing(now, rolloverHour: rolloverHour)]
        for _ in 1..<Self.forecastDays { days.append(LocalDay.containing(days.last!.end, rolloverHour: rolloverHour)) }
        var pastDays = [days[0]]
        for _ in 1..<Self.forecastDays {
            let previous = pastDays.last!.start.advanced(byMicroseconds: -3_600_000_000)
            pastDays.append(LocalDay.containing(previous, rolloverHour: rolloverHour))
        }
        pastDays.reverse()

        var cards: [String: StoredCard] = [:]
        for card in try store.allCards() { cards[card.card.key] = card }
        var counts = [Int](repeating: 0, count: Self.forecastDays)
        var known = Set<String>()
        for ordinal in 0..<index.count {
            let key = try index.key(at: ordinal)
            known.insert(key)
            guard let stored = cards[key], try stored.revision == index.revision(at: ordinal) else {
                byState["new", default: 0] += 1
                continue
            }
            let card = stored.card
            byState[ReviewSession.stateName(card.state), default: 0] += 1
            if card.due < days[0].end { dueToday += 1 }
            if card.due < days[1].end { dueTomorrow += card.due >= days[0].end ? 1 : 0 }
            if card.due < days[6].end { dueThisWeek += 1 }
            if let slot = days.firstIndex(where: { card.due < $0.end }) { counts[slot] += 1 }
        }
        forecast = zip(days, counts).map { ($0.date, $1) }

        let log = try store.reviewLog(since: pastDays[0].start).filter { !$0.isUndone }
        var perDay = [Int](repeating: 0, count: Self.forecastDays)
        for entry in log {
            if let slot = pastDays.firstIndex(where: { entry.reviewedAt >= $0.start && entry.reviewedAt < $0.end }) {
                perDay[slot] += 1
            }
            if entry.before?.state == .review {
                retentionReviews += 1
                if entry.rating != .again { retentionPassed += 1 }
            }
        }
        reviewsPerDay = zip(pastDays, perDay).map { ($0.date, $1) }
        // A streak counts back from today, or from yesterday while today has no review yet.
        var position = perDay.count - 1
        if perDay[position] == 0 { position -= 1 }
        while position >= 0 && perDay[position] > 0 {
            streak += 1
            position -= 1
        }
        orphans = try store.orphans(knownKeys: known)
    }

    var retention: Double? { retentionReviews == 0 ? nil : Double(retentionPassed) / Double(retentionReviews) }

    var json: JSON {
        .object([
            ("reviews", .int(totalReviews)),
            ("cards", .object(["new", "learning", "review", "relearning"].map { ($0, .int(byState[$0] ?? 0)) })),
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

    func text(color: Bool) -> String {
        func bold(_ text: String) -> String { Terminal.paint(text, .bold, enabled: color) }
        var lines: [String] = []
        let states = ["new", "learning", "review", "relearning"].map { "\($0) \(byState[$0] ?? 0)" }
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
