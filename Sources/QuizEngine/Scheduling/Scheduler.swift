/// The FSRS-6 scheduler, matching py-fsrs 6.3.2 (`fsrs.Scheduler`) bit for bit with fuzz off.
///
/// Every formula is evaluated in py-fsrs's order, with `e^x` as `CLibrary.power(2.718281828459045, x)`
/// (what Python's `math.e ** x` calls), rounding half to even, and whole days counted by
/// flooring the exact microsecond difference, so stability, difficulty, retrievability and
/// intervals equal the oracle's doubles and due times equal its microseconds. The formulas
/// and the state machine are written out in `shared/reference/fsrs6.md` §1.3 and §1.4.
///
///     let scheduler = Scheduler(try SchedulerConfiguration(isFuzzEnabled: false))
///     var card = CardState(key: "behavioral/star", due: now)
///     (card, _) = scheduler.review(card, rating: .easy, at: now)
///     print(card.state, card.due.microseconds(since: now) / Instant.microsecondsPerDay)
///     // Prints "Review 8"
///
/// Fuzz, when enabled, is deterministic: see ``fuzzedDays(_:key:reviewCount:)``.
public struct Scheduler: Sendable {
    public let configuration: SchedulerConfiguration

    /// `DECAY = −w20`.
    let decay: Double
    /// `FACTOR = 0.9^(1/DECAY) − 1`, so that R(S, S) = 0.9.
    let factor: Double

    public init(_ configuration: SchedulerConfiguration = .default) {
        self.configuration = configuration
        decay = -configuration.parameters[20]
        factor = CLibrary.power(0.9, 1 / decay) - 1
    }

    // MARK: Reviewing

    /// Reviews `card` with `rating` at `now` and returns the updated card and a log entry.
    ///
    /// `now` should not precede `card.lastReview`; py-fsrs floors a negative gap to a
    /// negative day count, which this reproduces (it takes the short-term branch).
    ///
    /// - Complexity: O(1).
    public func review(_ card: CardState, rating: Rating, at now: Instant) -> (card: CardState, log: ReviewLog) {
        let elapsedDays = card.lastReview.map { now.wholeDays(since: $0) }
        let recall = retrievability(of: card, at: now)
        let w = configuration.parameters
        var next = card
        let branch: ReviewLog.Branch

        // Stability first, from the old difficulty; then difficulty.
        if let stability = card.stability, let difficulty = card.difficulty {
            if let elapsedDays, elapsedDays < 1 {
                branch = .shortTerm
                next.stability = shortTermStability(stability, rating: rating)
            } else {
                branch = .longTerm
                next.stability =
                    rating == .again
                    ? forgetStability(difficulty: difficulty, stability: stability, retrievability: recall)
                    : recallStability(
                        difficulty: difficulty, stability: stability, retrievability: recall, rating: rating)
            }
            next.difficulty = nextDifficulty(difficulty, rating: rating)
        } else {
            branch = .initial
            next.stability = max(w[rating.rawValue - 1], Scheduler.minimumStability)
            next.difficulty = clampDifficulty(initialDifficulty(rating))
        }

        let newStability = next.stability!
        var interval: Int64
        switch card.state {
        case .learning, .relearning:
            let steps =
                card.state == .learning
                ? configuration.learningStepMicroseconds : configuration.relearningStepMicroseconds
            let step = card.step ?? 0
            if steps.isEmpty || (step >= steps.count && rating != .again) {
                interval = graduate(&next, stability: newStability)
            } else {
                switch rating {
                case .again:
                    next.step = 0
                    interval = steps[0]
                case .hard:
                    // The step stays; on step 0 Hard waits between steps 0 and 1 (1.5 × a lone step),
                    // rounded to the microsecond as `timedelta * 1.5` and `timedelta / 2.0` round.
                    if step == 0 && steps.count == 1 {
                        interval = PythonTimedelta.divideNearest(steps[0] * 3, 2)
                    } else if step == 0 {
                        interval = PythonTimedelta.divideNearest(steps[0] + steps[1], 2)
                    } else {
                        interval = steps[step]
                    }
                case .good:
                    if step + 1 == steps.count {
                        interval = graduate(&next, stability: newStability)
                    } else {
                        next.step = step + 1
                        interval = steps[step + 1]
                    }
                case .easy:
                    interval = graduate(&next, stability: newStability)
                }
            }
        case .review:
            if rating == .again && !configuration.relearningStepMicroseconds.isEmpty {
                next.state = .relearning
                next.step = 0
                interval = configuration.relearningStepMicroseconds[0]
            } else {
                interval = Int64(nextInterval(stability: newStability)) * Instant.microsecondsPerDay
            }
        }

        if configuration.isFuzzEnabled && next.state == .review {
            let days = PythonTimedelta.floorDivide(interval, Instant.microsecondsPerDay)
            interval = fuzzedDays(days, key: card.key, reviewCount: card.reviewCount) * Instant.microsecondsPerDay
        }

        next.due = now.advanced(byMicroseconds: interval)
        next.lastReview = now
        next.reviewCount = card.reviewCount + 1
        let log = ReviewLog(
            key: card.key, rating: rating, reviewedAt: now, stateBefore: card.state, stepBefore: card.step,
            elapsedDays: elapsedDays, retrievability: recall, branch: branch, intervalMicroseconds: interval)
        return (next, log)
    }

    /// The four possible outcomes of reviewing `card` at `now`, for a prompt such as
    /// "again 1m · hard 6m · good 10m · easy 8d". With fuzz on they are exactly what
    /// ``review(_:rating:at:)`` will do, because the fuzz is seeded by key and review count.
    ///
    /// - Complexity: O(1).
    public func previewIntervals(_ card: CardState, at now: Instant) -> IntervalPreview {
        IntervalPreview(
            outcomes: Rating.allCases.map { rating in
                let (card, log) = review(card, rating: rating, at: now)
                return IntervalPreview.Outcome(
                    rating: rating, card: card, intervalMicroseconds: log.intervalMicroseconds)
            })
    }

    /// The probability of recalling `card` at `now`: `(1 + FACTOR·t/S)^DECAY` with `t` the
    /// whole days since the last review (at least 0); 0 for a card never reviewed.
    public func retrievability(of card: CardState, at now: Instant) -> Double {
        guard let lastReview = card.lastReview, let stability = card.stability else { return 0 }
        let elapsedDays = max(0, now.wholeDays(since: lastReview))
        return CLibrary.power(1 + factor * Double(elapsedDays) / stability, decay)
    }

    /// The review interval in whole days for `stability`: `I_raw = (S / FACTOR) · (r^(1/DECAY) − 1)`
    /// evaluated in that order, rounded half to even, then kept within 1...maximum interval.
    public func nextInterval(stability: Double) -> Int {
        let raw = (stability / factor) * (CLibrary.power(configuration.desiredRetention, 1 / decay) - 1)
        let rounded = raw.rounded(.toNearestOrEven)
        let bounded = min(max(rounded, 1), Double(configuration.maximumInterval))
        return bounded.isNaN ? 1 : Int(bounded)
    }

    private func graduate(_ card: inout CardState, stability: Double) -> Int64 {
        card.state = .review
        card.step = nil
        return Int64(nextInterval(stability: stability)) * Instant.microsecondsPerDay
    }

    // MARK: Memory model (fsrs6.md §1.3)

    /// py-fsrs's `STABILITY_MIN`.
    static let minimumStability = 0.001

    /// `math.e`, the double nearest e; `e^x` is `CLibrary.power(e, x)` as in Python, not `exp(x)`.
    private static let e = 2.718281828459045

    private func ePow(_ x: Double) -> Double { CLibrary.power(Scheduler.e, x) }

    /// `D0(G) = w4 − e^(w5·(G−1)) + 1`, unclamped.
    func initialDifficulty(_ rating: Rating) -> Double {
        let w = configuration.parameters
        return w[4] - ePow(w[5] * Double(rating.rawValue - 1)) + 1
    }

    private func clampDifficulty(_ difficulty: Double) -> Double { min(max(difficulty, 1.0), 10.0) }

    /// Linear damping toward 10, then mean reversion to the unclamped D0(Easy).
    func nextDifficulty(_ difficulty: Double, rating: Rating) -> Double {
        let w = configuration.parameters
        let target = initialDifficulty(.easy)
        let delta = -(w[6] * Double(rating.rawValue - 3))
        let damped = difficulty + (10.0 - difficulty) * delta / 9.0
        return clampDifficulty(w[7] * target + (1 - w[7]) * damped)
    }

    /// Same-day stability: `S · max(e^(w17·(G−3+w18)) · S^(−w19), 1 if G ≥ Hard)`.
    func shortTermStability(_ stability: Double, rating: Rating) -> Double {
        let w = configuration.parameters
        var increase = ePow(w[17] * (Double(rating.rawValue - 3) + w[18])) * CLibrary.power(stability, -w[19])
        if rating != .again { increase = max(increase, 1.0) }
        return max(stability * increase, Scheduler.minimumStability)
    }

    /// Stability after a lapse, capped by `S / e^(w17·w18)`.
    func forgetStability(difficulty: Double, stability: Double, retrievability: Double) -> Double {
        let w = configuration.parameters
        let longTerm =
            w[11] * CLibrary.power(difficulty, -w[12]) * (CLibrary.power(stability + 1, w[13]) - 1) * ePow((1 - retrievability) * w[14])
        let shortTermCap = stability / ePow(w[17] * w[18])
        return max(min(longTerm, shortTermCap), Scheduler.minimumStability)
    }

    /// Stability after a successful review (Hard, Good, Easy).
    func recallStability(difficulty: Double, stability: Double, retrievability: Double, rating: Rating) -> Double {
        let w = configuration.parameters
        let hardPenalty = rating == .hard ? w[15] : 1
        let easyBonus = rating == .easy ? w[16] : 1
        let growth =
            ePow(w[8]) * (11 - difficulty) * CLibrary.power(stability, -w[9]) * (ePow((1 - retrievability) * w[10]) - 1)
            * hardPenalty * easyBonus
        return max(stability * (1 + growth), Scheduler.minimumStability)
    }
}
