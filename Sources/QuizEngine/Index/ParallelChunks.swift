import Dispatch
import Synchronization

/// Runs independent work on consecutive chunks of a range on every core, returning the
/// results in chunk order, so a caller that merges them in that order gets the same output
/// as one serial pass whatever the schedule or core count.
enum ParallelChunks {
    /// Splits `0 ..< count` into at most one chunk per core, of about equal `weight`, and
    /// returns `work(chunk)` for each chunk in order. With one core or tiny input the work
    /// runs inline on one chunk.
    ///
    /// - Complexity: O(count) to split, plus the work.
    static func map<Output: Sendable>(
        count: Int, weight: (Int) -> Int, minimumWeight: Int = 1 << 20,
        _ work: @escaping @Sendable (Range<Int>) -> Output
    ) -> [Output] {
        var total = 0
        for i in 0..<count { total += weight(i) }
        let chunkCount = min(CLibrary.processorCount, max(1, total / minimumWeight), max(count, 1))
        guard chunkCount > 1, #available(macOS 15, iOS 18, watchOS 11, tvOS 18, visionOS 2, *) else {
            return [work(0..<count)]
        }
        var bounds = [0]
        var sum = 0
        for i in 0..<count where bounds.count < chunkCount {
            sum += weight(i)
            if sum >= total / chunkCount * bounds.count { bounds.append(i + 1) }
        }
        bounds.append(count)
        let chunks = (0..<(bounds.count - 1)).map { bounds[$0]..<bounds[$0 + 1] }
        let results = Mutex([Output?](repeating: nil, count: chunks.count))
        DispatchQueue.concurrentPerform(iterations: chunks.count) { c in
            let output = work(chunks[c])
            results.withLock { $0[c] = output }
        }
        return results.withLock { $0.map { $0! } }
    }
}
