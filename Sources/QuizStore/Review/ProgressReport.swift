import QuizEngine

/// Progress over the whole index: cards by state, what falls due over the next 30 days,
/// retention and activity over the last 30, and history of questions no longer in the banks.
/// `quiz stats` shows it; computed once from the index and the store.
public struct ProgressReport: Sendable {
    public private(set) var totalReviews = 0
    public private(set) var byState: [String: Int] = ["new": 0, "learning": 0, "review": 0, "relearning": 0]
    public private(set) var dueToday = 0
    public private(set) var dueTomorrow = 0
    public private(set) var dueThisWeek = 0
    /// Cards due on each of the next 30 days (overdue cards count today).
    public private(set) var forecast: [(date: String, due: Int)] = []
    /// Reviews of cards in the review state over the last 30 days, and how many were passed.
    public private(set) var retentionReviews = 0
    public private(set) var retentionPassed = 0
    public private(set) var reviewsPerDay: [(date: String, reviews: Int)] = []
    public private(set) var streak = 0
    public private(set) var orphans: [OrphanHistory] = []
    /// The FSRS parameters saved by `quiz fsrs optimize --save`; nil when the defaults have
    /// always been in force.
    public private(set) var savedParameters: SavedParameters?

    public static let forecastDays = 30

    /// Reads every card and the last 30 days of the log.
    ///
    /// - Complexity: O(q + c + r) for q questions, c cards and r reviews in the last 30 days.
    public init(index: QuestionIndex, store: ReviewStore, now: Instant, rolloverHour: Int) throws {
        totalReviews = try store.totalReviews
        savedParameters = try store.savedParameters()
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
            byState[Self.name(of: card.state), default: 0] += 1
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

    /// The share of reviews of mature cards passed, or nil without any.
    public var retention: Double? {
        retentionReviews == 0 ? nil : Double(retentionPassed) / Double(retentionReviews)
    }

    /// The state names the report counts cards under ("new" for unanswered ones).
    public static let stateNames = ["new", "learning", "review", "relearning"]

    static func name(of state: SchedulingState) -> String {
        switch state {
        case .learning: "learning"
        case .review: "review"
        case .relearning: "relearning"
        }
    }
}
