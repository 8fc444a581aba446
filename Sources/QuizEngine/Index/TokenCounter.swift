import Dispatch
import Synchronization

/// Counts the tokens of a string pool on another core while the writer is still filling it.
///
/// Interning the strings is serial (ids follow first use), so during it the other core had
/// nothing to do; the coder's counting pass then ran on both cores after it. Here every
/// batch of newly interned strings goes to a serial queue that counts it, in id order. When
/// the pool is complete, the writer's thread counts the second half of whatever batches the
/// queue has not started yet, and the two tables are merged in batch order: the result is
/// the table a serial pass over the finished pool gives.
final class TokenCounter: @unchecked Sendable {
    // @unchecked: `table` is touched only on `queue` until `finish` has drained it,
    // `submitted` only by the writer's thread, and the batches through `schedule`'s lock.

    /// How many new strings make a batch: large enough that handing one over costs little,
    /// small enough that the backlog splits evenly at the end.
    let batchSize: Int

    private let queue = DispatchQueue(label: "quiz.index.token-counter")
    private var table: TokenTable
    /// The strings handed over so far: ids `0 ..< submitted`.
    private var submitted = 0

    /// Some of the pool's strings, with what keeps their bytes alive (a failed write may drop
    /// the pool while the queue still counts).
    ///
    /// The pool's arena places each string's record (length, then bytes) right after the last,
    /// so a batch is a few spans of adjacent records, not a view per string: the queue may
    /// hold most of the pool's batches.
    private struct Batch: @unchecked Sendable {
        // @unchecked: the records are only read, and `owners` keeps them alive.
        /// Runs of adjacent records: where the first starts, and how many there are.
        var spans: [(first: UnsafeRawPointer, count: Int)] = []
        var owners: [AnyObject] = []

        init() {}

        init(_ records: ArraySlice<UnsafeRawPointer>, owners: [AnyObject]) {
            self.owners = owners
            var end: UnsafeRawPointer?
            for record in records {
                if record == end {
                    spans[spans.count - 1].count += 1
                } else {
                    spans.append((record, 1))
                }
                end = record + ByteArena.size(of: record)
            }
        }

        /// Calls `body` with each string's bytes, in order.
        func forEach(_ body: (UnsafeRawBufferPointer) -> Void) {
            for (first, count) in spans {
                var record = first
                for _ in 0..<count {
                    body(ByteArena.bytes(of: record))
                    record += ByteArena.size(of: record)
                }
            }
        }
    }

    private struct Schedule {
        /// Every batch handed over, by number; emptied when counting it starts.
        var batches: [Batch] = []
        /// The number of the next batch the queue will start.
        var started = 0
        /// Batches from this number on are counted by the writer's thread, not the queue.
        var cutoff = Int.max
    }
    private let schedule = Mutex(Schedule())

    init(expectedCount: Int, batchSize: Int = 4096) {
        table = TokenTable(expectedCount: max(1024, expectedCount))
        self.batchSize = batchSize
    }

    /// Hands the strings `pool` gained since the last call to the queue once they make a batch.
    ///
    /// - Complexity: O(1) unless a batch is due, then O(b) for b new strings (a copy of their
    ///   references; the counting itself runs on the queue).
    func offer(_ pool: StringPool) {
        guard pool.count - submitted >= batchSize else { return }
        let number = append(pool)
        queue.async {
            let batch = self.schedule.withLock { state -> Batch? in
                guard number < state.cutoff else { return nil }
                state.started = number + 1
                defer { state.batches[number] = Batch() }
                return state.batches[number]
            }
            if let batch { Self.count(batch, into: &self.table) }
        }
    }

    /// Counts what is left of `pool`, sharing the backlog with the queue, and returns the table.
    ///
    /// - Complexity: O(n) for n bytes of strings not yet counted, about half of them here.
    func finish(_ pool: StringPool) -> TokenTable {
        let queued = schedule.withLock { $0.batches.count }
        if pool.count > submitted { _ = append(pool) }
        // The queue keeps the first half of the batches it has not started; this thread takes
        // the second half and the last, partial batch, which was never queued.
        let mine = schedule.withLock { state in
            state.cutoff = state.started + (queued - state.started + 1) / 2
            var mine: [Batch] = []
            for number in state.cutoff..<state.batches.count {
                mine.append(state.batches[number])
                state.batches[number] = Batch()
            }
            return mine
        }
        var tail = TokenTable(expectedCount: 1024)
        for batch in mine { Self.count(batch, into: &tail) }
        return queue.sync {
            table.merge(tail)
            return table
        }
    }

    /// Adds the strings `pool` gained since the last batch as a new batch; returns its number.
    private func append(_ pool: StringPool) -> Int {
        let batch = Batch(pool.records[submitted..<pool.count], owners: pool.owners)
        submitted = pool.count
        return schedule.withLock { state in
            state.batches.append(batch)
            return state.batches.count - 1
        }
    }

    private static func count(_ batch: Batch, into table: inout TokenTable) {
        batch.forEach { table.addTokens(of: $0) }
    }
}
