import Dispatch
import Synchronization

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Runs independent per-file work on every core the process may use, returning the results in
/// input order so the caller's merge (and so its output) never depends on the schedule.
enum FileWorkers {
    /// The state the workers share: the next position in the schedule and a slot per result.
    private struct Shared<Output: Sendable>: Sendable {
        var next = 0
        var results: [Output?]
    }

    /// Calls `work(i)` once for every `i` in `0..<count` and returns the outputs in index order.
    ///
    /// Up to `activeProcessorCount` threads pull indices from one shared position in a schedule
    /// ordered by descending `cost` (the largest file first, so the last file to finish is a small
    /// one). With one item or one core the work runs inline, without threads.
    ///
    /// - Complexity: O(n log n) to order the schedule, plus the work.
    static func map<Output: Sendable>(
        count: Int, cost: (Int) -> Int, _ work: @escaping @Sendable (Int) -> Output
    ) -> [Output] {
        let workers = min(count, ProcessInfo.processInfo.activeProcessorCount)
        guard workers > 1 else { return (0..<count).map(work) }
        guard #available(macOS 15, iOS 18, watchOS 11, tvOS 18, visionOS 2, *) else {
            return (0..<count).map(work)
        }
        let costs = (0..<count).map(cost)
        // Ties keep index order, so the schedule is deterministic too (the result is regardless).
        let schedule = (0..<count).sorted { costs[$0] != costs[$1] ? costs[$0] > costs[$1] : $0 < $1 }
        let shared = Mutex(Shared<Output>(results: Array(repeating: nil, count: count)))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let position = shared.withLock { state -> Int in
                    defer { state.next += 1 }
                    return state.next
                }
                guard position < count else { return }
                let index = schedule[position]
                let output = work(index)
                shared.withLock { $0.results[index] = output }
            }
        }
        return shared.withLock { state in state.results.map { $0! } }
    }
}
