import Foundation
import GRDB
import QuizEngine
import QuizStore
import TestSupport

/// Microseconds in a second, an hour, a day: test times read as arithmetic on these.
let second: Int64 = 1_000_000
let hour: Int64 = 3_600 * second
let day: Int64 = 24 * hour
/// 2025-06-15T00:00:00Z, the tests' "today".
let epoch: Int64 = 1_749_945_600 * second

/// The instant `microseconds` after the Unix epoch.
func instant(_ microseconds: Int64) -> Instant { Instant(microsecondsSinceEpoch: microseconds) }

/// A plausible answer: the card in Review with the given stability, due `interval` after
/// `time`, its review count `count`.
func review(
    _ key: String, at time: Int64, rating: Rating = .good, revision: Int = 1, stability: Double = 3,
    interval: Int64 = day, count: Int = 1
) -> ReviewRecord {
    let card = CardState(
        key: key, state: .review, step: nil, stability: stability, difficulty: 5, due: instant(time + interval),
        lastReview: instant(time), reviewCount: count)
    return ReviewRecord(
        card: card, rating: rating, reviewedAt: instant(time), revision: revision, durationMilliseconds: 2_500,
        retrievability: 0.9)
}

/// Reads a PRAGMA or a count from a store file through a separate read-only connection.
func inspect<T: DatabaseValueConvertible>(_ path: String, _ sql: String, as type: T.Type = T.self) throws -> T? {
    var configuration = Configuration()
    configuration.readonly = true
    let queue = try DatabaseQueue(path: path, configuration: configuration)
    defer { try? queue.close() }
    return try queue.read { try T.fetchOne($0, sql: sql) }
}
