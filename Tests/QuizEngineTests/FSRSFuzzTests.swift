import SeededRandom
import SortingCourse
import Testing

@testable import QuizEngine

/// The deterministic fuzz: py-fsrs's ranges, a draw seeded by key and review count.
@Suite("FSRS fuzz")
struct FSRSFuzzTests {
    static let fuzzed = Scheduler(try! SchedulerConfiguration(isFuzzEnabled: true))

    /// The values py-fsrs's fuzz can give for `n` days (fsrs6.md §1.5): lo...hi, plus hi + 1,
    /// because `round(U·(hi − lo + 1) + lo)` reaches it when U·(hi − lo + 1) ≥ hi − lo + 0.5.
    static func range(_ n: Int64, maximum: Int64 = 36500) -> ClosedRange<Int64> {
        let x = Double(n)
        let delta = 1 + 0.15 * max(min(x, 7) - 2.5, 0) + 0.1 * max(min(x, 20) - 7, 0) + 0.05 * max(x - 20, 0)
        var low = Int64((x - delta).rounded(.toNearestOrEven))
        let high = min(Int64((x + delta).rounded(.toNearestOrEven)), maximum)
        low = min(max(2, low), high)
        return low...min(high + 1, maximum)
    }

    @Test(
        "fuzzed intervals stay in py-fsrs's range, and short ones are left alone",
        arguments: [1, 2, 3, 5, 8, 20, 21, 100, 36_500] as [Int64])
    func withinRange(days: Int64) {
        var seen = Set<Int64>()
        var g = Xoshiro256StarStar(seed: UInt64(days))
        for count in 0..<300 {
            let key = "bank/q\(g.next() % 1000)"
            let value = Self.fuzzed.fuzzedDays(days, key: key, reviewCount: count)
            if days < 3 {
                #expect(value == days)
            } else {
                #expect(Self.range(days).contains(value), "\(days) → \(value)")
            }
            seen.insert(value)
        }
        // Every value of the range is reachable (the range has at most a few dozen values here).
        if days >= 3 && days < 36_500 { #expect(seen.count == Self.range(days).count) }
    }

    @Test("the same key and count give the same fuzz; the seed is FNV-1a 64")
    func deterministic() {
        #expect(Scheduler.fuzzSeed(key: "", reviewCount: 0) == 0xa8c7_f832_281a_39c5)
        #expect(Scheduler.fuzzSeed(key: "a", reviewCount: 0) != Scheduler.fuzzSeed(key: "a", reviewCount: 1))
        let start = Instant(iso8601: "2024-01-01T09:00:00Z")!
        var card = CardState(key: "algorithms/merge-sort", due: start)
        var dues: [Instant] = []
        for rating in [Rating.easy, .good, .good, .hard, .good] {
            let now = card.due
            let preview = Self.fuzzed.previewIntervals(card, at: now)
            card = Self.fuzzed.review(card, rating: rating, at: now).card
            #expect(preview[rating].card == card)
            dues.append(card.due)
        }
        var replay = CardState(key: "algorithms/merge-sort", due: start)
        for (rating, due) in zip([Rating.easy, .good, .good, .hard, .good], dues) {
            replay = Self.fuzzed.review(replay, rating: rating, at: replay.due).card
            #expect(replay.due == due)
        }
        #expect(card.reviewCount == 5)
    }

    @Test("learning steps are never fuzzed; the maximum interval still holds")
    func scope() throws {
        let now = Instant(microsecondsSinceEpoch: 0)
        let good = Self.fuzzed.review(CardState(key: "k", due: now), rating: .good, at: now).card
        #expect(good.due.microseconds(since: now) == 600_000_000)
        let capped = Scheduler(try SchedulerConfiguration(maximumInterval: 5, isFuzzEnabled: true))
        for count in 0..<100 {
            #expect(capped.fuzzedDays(5, key: "k", reviewCount: count) <= 5)
        }
    }
}
