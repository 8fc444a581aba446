/// Numbers the items of consecutive runs (a file's questions, a file's shingle tables) as one
/// sequence, and finds which run holds an item.
struct RunNumbering: Sendable {
    /// The number of each run's first item.
    private(set) var firsts: [Int] = []
    private var counts: [Int] = []
    /// The number of items in every run.
    private(set) var total = 0

    mutating func append(count: Int) {
        firsts.append(total)
        counts.append(count)
        total += count
    }

    /// The run holding item `ordinal`, and the item's position in it.
    ///
    /// - Complexity: O(log r) for r runs (plus the empty runs the search lands on).
    func locate(_ ordinal: Int) -> (run: Int, position: Int) {
        precondition(ordinal >= 0 && ordinal < total, "item \(ordinal) is out of range 0..<\(total)")
        var low = 0
        var high = firsts.count - 1
        // The last run whose first item is at most `ordinal`; runs may be empty, so step past
        // any that end there.
        while low < high {
            let middle = (low + high + 1) / 2
            if firsts[middle] <= ordinal { low = middle } else { high = middle - 1 }
        }
        while counts[low] == ordinal - firsts[low] { low += 1 }
        return (low, ordinal - firsts[low])
    }
}
