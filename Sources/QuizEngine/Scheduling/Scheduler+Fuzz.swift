import SeededRandom

extension Scheduler {
    /// A review interval of `days` whole days, fuzzed as py-fsrs fuzzes it but with a
    /// deterministic draw, so replaying a review log reproduces its schedule.
    ///
    /// The range is py-fsrs's (fsrs6.md §1.5): no fuzz below 2.5 days; otherwise
    /// `delta = 1 + 0.15·[2.5, 7) + 0.10·[7, 20) + 0.05·[20, ∞)` of the interval,
    /// `lo = max(2, round(n − delta))`, `hi = min(round(n + delta), maximum)`, and the
    /// result is `min(round(U·(hi − lo + 1) + lo), maximum)` with half-to-even rounding.
    /// Like py-fsrs's, that can give `hi + 1` (when `U·(hi − lo + 1) ≥ hi − lo + 0.5`); it
    /// is kept so the distribution is py-fsrs's.
    ///
    /// `U` replaces Python's `random()`: the seed is FNV-1a 64 over the UTF-8 bytes of
    /// `key`, continued over the 8 little-endian bytes of `reviewCount` (the number of
    /// reviews before this one); it seeds ``Xoshiro256StarStar`` (via SplitMix64), whose
    /// first output's top 53 bits give `U` in [0, 1).
    ///
    /// - Complexity: O(key length).
    public func fuzzedDays(_ days: Int64, key: String, reviewCount: Int) -> Int64 {
        let interval = Double(days)
        guard interval >= 2.5 else { return days }
        let maximum = Double(configuration.maximumInterval)
        var delta = 1.0
        delta += 0.15 * max(min(interval, 7.0) - 2.5, 0.0)
        delta += 0.1 * max(min(interval, 20.0) - 7.0, 0.0)
        delta += 0.05 * max(interval - 20.0, 0.0)
        var low = (interval - delta).rounded(.toNearestOrEven)
        var high = (interval + delta).rounded(.toNearestOrEven)
        low = max(2, low)
        high = min(high, maximum)
        low = min(low, high)
        var generator = Xoshiro256StarStar(seed: Scheduler.fuzzSeed(key: key, reviewCount: reviewCount))
        let unit = Double(generator.next() >> 11) * 0x1.0p-53
        return Int64(min((unit * (high - low + 1) + low).rounded(.toNearestOrEven), maximum))
    }

    /// FNV-1a 64 of the key's UTF-8 bytes, then of the review count's 8 little-endian bytes.
    static func fuzzSeed(key: String, reviewCount: Int) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        for byte in key.utf8 { mix(byte) }
        let count = UInt64(truncatingIfNeeded: reviewCount)
        for shift in stride(from: 0, to: 64, by: 8) { mix(UInt8(truncatingIfNeeded: count >> UInt64(shift))) }
        return hash
    }
}
