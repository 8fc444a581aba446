import QuizEngine
import SeededRandom

/// Plans the daily review: which cards are due today (lowest retrievability first), which new
/// cards may be introduced, and what the day's limits leave.
///
/// A card is due today when its due time falls before the end of the learner's day. New
/// cards are questions in scope without a card at their current revision (a bumped
/// `revision:` makes a card new again); they come in a seeded order fixed for the day, so
/// the same day offers the same new cards.
public struct DailyReview {
    /// Limits on one day's work.
    public struct Limits: Sendable, Hashable {
        /// New cards introduced per day, counting those already introduced today.
        public var newCards: Int
        /// Reviews per day, counting those already answered today.
        public var reviews: Int

        public init(newCards: Int = 10, reviews: Int = 200) {
            self.newCards = newCards
            self.reviews = reviews
        }
    }

    /// One card to show.
    public struct Item: Sendable {
        public var ordinal: Int
        public var card: CardState
        public var isNew: Bool
    }

    /// The plan for the session.
    public struct Plan: Sendable {
        /// Cards due today, lowest retrievability first, then new cards.
        public var items: [Item]
        public var dueCount: Int
        public var newCount: Int
        public var reviewedToday: Int
        public var introducedToday: Int
        /// Cards in scope due later than today, with the earliest of them.
        public var nextDue: (instant: Instant, count: Int)?
    }

    public let index: QuestionIndex
    public let store: ReviewStore
    public let scheduler: Scheduler
    /// The tag scope, or nil for every question.
    public let scope: QuestionQuery?
    public let limits: Limits

    public init(index: QuestionIndex, store: ReviewStore, scheduler: Scheduler, scope: QuestionQuery?, limits: Limits) {
        self.index = index
        self.store = store
        self.scheduler = scheduler
        self.scope = scope
        self.limits = limits
    }

    /// The session's cards at `now` in `day`.
    ///
    /// - Complexity: O(c + q) for c stored cards and q questions in scope, plus sorting the
    ///   due cards by retrievability.
    public func plan(now: Instant, day: LocalDay) throws -> Plan {
        let reviewedToday = try store.reviewCount(since: day.start)
        let introducedToday = try store.introducedCount(since: day.start)
        var stored: [String: StoredCard] = [:]
        for card in try store.allCards() { stored[card.card.key] = card }

        var due: [(item: Item, retrievability: Double)] = []
        var later: [Instant] = []
        var newOrdinals: [Int] = []
        for ordinal in inScope() {
            let key = try index.key(at: ordinal)
            if let card = stored[key], try card.revision == index.revision(at: ordinal) {
                if card.card.due < day.end {
                    let item = Item(ordinal: ordinal, card: card.card, isNew: false)
                    due.append((item, scheduler.retrievability(of: card.card, at: now)))
                } else {
                    later.append(card.card.due)
                }
            } else {
                newOrdinals.append(ordinal)
            }
        }
        due.sort {
            $0.retrievability != $1.retrievability
                ? $0.retrievability < $1.retrievability : $0.item.ordinal < $1.item.ordinal
        }
        let reviewRoom = max(0, limits.reviews - reviewedToday)
        var items = due.prefix(reviewRoom).map(\.item)
        let newRoom = max(0, min(limits.newCards - introducedToday, reviewRoom - items.count))
        var generator = Xoshiro256StarStar(seed: Self.seed(for: day))
        newOrdinals.fisherYatesShuffle(using: &generator)
        for ordinal in newOrdinals.prefix(newRoom) {
            items.append(
                Item(ordinal: ordinal, card: CardState(key: try index.key(at: ordinal), due: now), isNew: true))
        }
        let next = later.min().map { first -> (Instant, Int) in
            // Grouped by the learner's day, which starts at their rollover hour, not at 4 am.
            let firstDay = LocalDay.containing(first, rolloverHour: day.rolloverHour).start
            return (first, later.count { LocalDay.containing($0, rolloverHour: day.rolloverHour).start == firstDay })
        }
        return Plan(
            items: items, dueCount: min(due.count, reviewRoom), newCount: items.count - min(due.count, reviewRoom),
            reviewedToday: reviewedToday, introducedToday: introducedToday, nextDue: next)
    }

    private func inScope() -> [Int] {
        guard let scope else { return Array(0..<index.count) }
        return Array(scope.matches())
    }

    /// The day's seed for ordering new cards: the same all day, different every day.
    static func seed(for day: LocalDay) -> UInt64 {
        UInt64(bitPattern: day.start.microsecondsSinceEpoch / 1_000_000)
    }
}
