import Dispatch

/// Counts the tokens of a string pool on another core while the writer is still filling it.
///
/// Interning the strings is serial (ids follow first use), so during it the other core had
/// nothing to do; the coder's counting pass then ran on both cores after it. Here every
/// batch of newly interned strings is counted at once on a serial queue, in id order, so the
/// table is the one a serial pass over the finished pool gives, and the count is mostly done
/// by the time the pool is.
final class TokenCounter: @unchecked Sendable {
    // @unchecked: `table` is touched only on `queue` until `finish` has drained it, and
    // `counted` only by the writer's thread.

    /// How many new strings make a batch: large enough that handing one over costs little,
    /// small enough that the last one, counted after the pool is complete, is quick.
    let batchSize: Int

    private let queue = DispatchQueue(label: "quiz.index.token-counter")
    private var table: TokenTable
    /// The strings handed to the queue so far: ids `0 ..< counted`.
    private var counted = 0

    init(expectedCount: Int, batchSize: Int = 4096) {
        table = TokenTable(expectedCount: max(1024, expectedCount))
        self.batchSize = batchSize
    }

    /// Hands the strings `pool` gained since the last call to the queue once they make a batch.
    ///
    /// - Complexity: O(1) unless a batch is due, then O(b) for b new strings (a copy of their
    ///   references; the counting itself runs on the queue).
    func offer(_ pool: StringPool) {
        guard pool.count - counted >= batchSize else { return }
        submit(pool)
    }

    /// Counts what is left of `pool`, waits for every batch and returns the table.
    func finish(_ pool: StringPool) -> TokenTable {
        submit(pool)
        return queue.sync { table }
    }

    private func submit(_ pool: StringPool) {
        guard pool.count > counted else { return }
        let batch = Array(pool.strings[counted..<pool.count])
        counted = pool.count
        queue.async {
            for var string in batch {
                string.withUTF8 { self.table.addTokens(of: UnsafeRawBufferPointer($0)) }
            }
        }
    }
}
