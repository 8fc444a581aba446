/// The four outcomes of a review, one per rating, for showing before the learner answers.
///
///     print(scheduler.previewIntervals(card, at: now).summary)
///     // Prints "again 1m · hard 6m · good 10m · easy 8d"
public struct IntervalPreview: Hashable, Sendable {
    /// What answering with `rating` would do.
    public struct Outcome: Hashable, Sendable {
        public var rating: Rating
        /// The card after that answer.
        public var card: CardState
        /// From now to the new due time, in microseconds.
        public var intervalMicroseconds: Int64

        /// The interval in Anki's short style: `45s`, `6m`, `3h`, `8d`, `1.5mo`, `2.1y`.
        public var label: String { IntervalPreview.label(microseconds: intervalMicroseconds) }
    }

    /// Again, Hard, Good, Easy, in that order.
    public var outcomes: [Outcome]

    /// The outcome for `rating`.
    public subscript(rating: Rating) -> Outcome { outcomes[rating.rawValue - 1] }

    /// `again 1m · hard 6m · good 10m · easy 8d`.
    public var summary: String {
        outcomes.map { "\($0.rating) \($0.label)" }.joined(separator: " · ")
    }

    /// A short label for a duration: seconds, minutes, hours and days rounded half up to
    /// whole units; months (30 days) and years (365 days) with one decimal when needed.
    public static func label(microseconds: Int64) -> String {
        let seconds = Double(microseconds) / 1_000_000
        let units: [(size: Double, suffix: String, decimals: Bool)] = [
            (1, "s", false), (60, "m", false), (3600, "h", false), (86400, "d", false),
            (86400 * 30, "mo", true), (86400 * 365, "y", true),
        ]
        let limits: [Double] = [60, 60, 24, 30, 12, .infinity]
        for (unit, limit) in zip(units, limits) {
            let value = seconds / unit.size
            let shown = unit.decimals ? (value * 10).rounded() / 10 : value.rounded()
            if shown < limit {
                if unit.decimals && shown != shown.rounded(.towardZero) { return "\(shown)\(unit.suffix)" }
                return "\(Int(shown))\(unit.suffix)"
            }
        }
        return "\(Int((seconds / units[5].size).rounded()))y"
    }
}
