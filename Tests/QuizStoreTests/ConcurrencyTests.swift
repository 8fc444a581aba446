import Foundation
import TestSupport
import Testing

@testable import QuizStore

@Suite struct ConcurrencyTests {
    /// Writers on separate threads, each with its own `ReviewStore` (its own `DatabasePool`),
    /// answer the same cards at once: every answer is logged, and each card ends equal to the
    /// `after` of its latest log row (no torn update between the two tables).
    @Test func concurrentWritersLoseNothing() throws {
        let directory = try TemporaryFolder()
        defer { directory.remove() }
        let path = directory.file("progress.sqlite")
        let writers = 4
        let answersEach = 60
        let ids = Locked<[Int64]>([])
        let failures = Locked<[String]>([])
        DispatchQueue.concurrentPerform(iterations: writers) { writer in
            do {
                let store = try ReviewStore(path: path)  // the first ones race to create it
                var mine: [Int64] = []
                for answer in 0..<answersEach {
                    let key = "b/q\(answer % 5)"
                    let time = epoch + Int64(answer * writers + writer) * second
                    mine.append(try store.record(review(key, at: time, stability: Double(writer * 1000 + answer))))
                }
                ids.withLock { $0 += mine }
            } catch {
                failures.withLock { $0.append("writer \(writer): \(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        let store = try ReviewStore(path: path)
        let acknowledged = ids.withLock { $0 }
        #expect(Set(acknowledged).count == writers * answersEach)
        #expect(try store.totalReviews == writers * answersEach)
        var logged: Set<Int64> = []
        for index in 0..<5 {
            let log = try store.reviewLog(forKey: "b/q\(index)")
            logged.formUnion(log.map(\.id))
            let card = try #require(try store.card(forKey: "b/q\(index)"))
            #expect(card.card == log.last?.after)
            // Each answer's "before" is the previous answer's "after", whoever wrote it.
            for (previous, next) in zip(log, log.dropFirst()) {
                #expect(next.before == previous.after)
            }
        }
        #expect(logged == Set(acknowledged))
        #expect(try store.integrityProblems().isEmpty)
    }

    /// Several openers starting at once on a store that does not exist yet all open it: none
    /// sees a half-made store (schema started, no application_id yet) or an immediate
    /// SQLITE_BUSY, and the hidden file the store is built in does not outlive the race.
    @Test func simultaneousCreationSucceeds() throws {
        let directory = try TemporaryFolder()
        defer { directory.remove() }
        let rounds = 30
        for round in 0..<rounds {
            let path = directory.file("round-\(round).sqlite")
            let failures = Locked<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 6) { opener in
                do {
                    try ReviewStore(path: path).record(review("b/q\(opener)", at: epoch))
                } catch {
                    failures.withLock { $0.append("opener \(opener): \(error)") }
                }
            }
            #expect(failures.withLock { $0 } == [], "round \(round)")
            #expect(try ReviewStore(path: path).totalReviews == 6)
            #expect(try inspect(path, "PRAGMA user_version", as: Int.self) == StoreSchema.version)
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(left.filter { !$0.hasPrefix("round-") } == [])
        #expect(Set(left.filter { $0.hasSuffix(".sqlite") }).count == rounds)
    }
}
