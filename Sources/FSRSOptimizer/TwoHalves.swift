import Dispatch

/// Splits work over the machine's cores in a fixed way: the two halves of a range run at
/// once and their results come back in order, so sums over them are the same on any
/// machine (the split never depends on the core count).
enum TwoHalves {
    /// Below this many elements the split costs more than it saves.
    static let minimumCount = 256

    /// `body` applied to the first and the second half of `range`, run in parallel.
    static func map<T: Sendable>(_ range: Range<Int>, _ body: @Sendable (Range<Int>) -> T) -> [T] {
        guard range.count >= minimumCount else { return [body(range)] }
        let middle = range.lowerBound + range.count / 2
        let halves = [range.lowerBound..<middle, middle..<range.upperBound]
        let results = Results<T>()
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            results.store(body(halves[part]), at: part)
        }
        return results.values
    }

    /// Two result slots written by different threads, each exactly once.
    private final class Results<T>: @unchecked Sendable {
        private let slots = UnsafeMutablePointer<T?>.allocate(capacity: 2)

        init() { slots.initialize(repeating: nil, count: 2) }

        deinit {
            slots.deinitialize(count: 2)
            slots.deallocate()
        }

        func store(_ value: T, at index: Int) { slots[index] = value }

        var values: [T] { [slots[0]!, slots[1]!] }
    }
}
