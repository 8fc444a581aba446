import QuizEngine
import QuizStore
import SeededRandom
import SortingCourse

#if canImport(Glibc)
import Glibc
#endif

/// Issue 5's store benchmark: the due query on a store of 100k cards and 1M log rows
/// (target <= 50 ms), the daily counts on it, and the commit time of one answer with
/// synchronous=FULL (every answer fsynced before `record` returns).
struct StoreBenchmark {
    let cardCount: Int
    let reviewsPerCard: Int
    let runs: Int

    /// The benchmark's "now": 2026-01-01T00:00:00Z.
    static let now = Instant(microsecondsSinceEpoch: 1_767_225_600_000_000)
    static let day = Instant.microsecondsPerDay

    func run() -> Bool {
        var template = Array("/tmp/quiz-bench-store-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            print("store: cannot create a temporary directory")
            return false
        }
        let directory = String(cString: made)
        let path = directory + "/progress.sqlite"
        defer {
            for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
            rmdir(directory)
        }
        do {
            return try measure(path: path)
        } catch {
            print("store: error: \(error)")
            return false
        }
    }

    private func measure(path: String) throws -> Bool {
        let clock = ContinuousClock()
        let store = try ReviewStore(path: path)
        let keys = (0..<cardCount).map { "bench-\($0 / 1000)/q\($0)" }
        var generator = Xoshiro256StarStar(seed: 5)
        let filling = try clock.measure { try fill(store, keys: keys, generator: &generator) }
        let reviews = try store.totalReviews
        print("store: \(cardCount) cards, \(reviews) log rows, filled in \(Measure.format(Measure.seconds(filling)))")

        // Cards fall due from 10 days ago to a year ahead: about 2.7% are due now.
        var dueNow = 0
        var dueAll = 0
        var failure: (any Error)?
        let times = Measure.interleaved(
            runs: runs,
            [
                { do { dueNow = try store.dueCards(before: Self.now).count } catch { failure = error } },
                {
                    do { dueAll = try store.dueCards(before: Self.now.advanced(byDays: 400)).count } catch {
                        failure = error
                    }
                },
                { do { _ = try store.reviewCount(since: Self.now.advanced(byDays: -1)) } catch { failure = error } },
                {
                    do { _ = try store.introducedCount(since: Self.now.advanced(byDays: -1)) } catch { failure = error }
                },
                { do { _ = try store.totalReviews } catch { failure = error } },
            ])
        if let failure { throw failure }
        precondition(dueAll == cardCount, "every card is due within 400 days")
        print("  dueCards(before: now)         \(Measure.format(times[0]))  \(dueNow) cards (target <= 50 ms)")
        print("  dueCards, every card due      \(Measure.format(times[1]))  \(dueAll) cards")
        print("  reviewCount(since: -1 day)    \(Measure.format(times[2]))")
        print("  introducedCount(since: -1 day) \(Measure.format(times[3]))")
        print("  totalReviews                  \(Measure.format(times[4]))")

        // One answer per transaction, as `quiz review` commits them.
        var commits: [Double] = []
        for index in 0..<max(runs * 20, 50) {
            let key = keys[Int(generator.uniform(below: UInt64(keys.count)))]
            let time = Self.now.advanced(byMicroseconds: Int64(index) * 1_000_000)
            let review = answer(key: key, at: time, count: reviewsPerCard + 1, due: time.advanced(byDays: 3))
            commits.append(Measure.seconds(try clock.measure { try store.record(review) }))
        }
        commits.sort()
        let median = commits[commits.count / 2]
        let p90 = commits[commits.count * 9 / 10]
        print(
            "  record() one answer, synchronous=FULL: median \(Measure.format(median)), p90 \(Measure.format(p90))"
                + " (\(commits.count) commits)")
        let problems = try store.integrityProblems()
        precondition(problems.isEmpty, "integrity_check after the benchmark: \(problems)")
        return times[0] <= 0.050
    }

    /// `reviewsPerCard` answers per card, in batches of 50k answers per transaction.
    private func fill(_ store: ReviewStore, keys: [String], generator: inout Xoshiro256StarStar) throws {
        let start = Self.now.advanced(byDays: -Double(reviewsPerCard * 30 + 30))
        var batch: [ReviewRecord] = []
        batch.reserveCapacity(50_000)
        for round in 0..<reviewsPerCard {
            for (index, key) in keys.enumerated() {
                let time = start.advanced(byMicroseconds: Int64(round) * 30 * Self.day + Int64(index) * 1_000_000)
                let due: Instant
                if round == reviewsPerCard - 1 {
                    due = Self.now.advanced(byMicroseconds: Int64(generator.uniform(in: -10...365)) * Self.day)
                } else {
                    due = time.advanced(byMicroseconds: Int64(generator.uniform(in: 1...30)) * Self.day)
                }
                batch.append(answer(key: key, at: time, count: round + 1, due: due))
                if batch.count == 50_000 {
                    try store.record(contentsOf: batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
        }
        try store.record(contentsOf: batch)
    }

    private func answer(key: String, at time: Instant, count: Int, due: Instant) -> ReviewRecord {
        let card = CardState(
            key: key, state: .review, step: nil, stability: Double(count) * 2.5, difficulty: 5.5, due: due,
            lastReview: time, reviewCount: count)
        return ReviewRecord(
            card: card, rating: .good, reviewedAt: time, durationMilliseconds: 3_000, retrievability: 0.9)
    }
}
