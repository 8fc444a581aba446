import QuizEngine

/// The packed runs of a set's questions, numbered together in set order: how the linker
/// finds the few questions a diagnostic names, decoding only those.
struct QuestionRuns {
    private(set) var runs: [PackedQuestions] = []
    /// The ordinal of each run's first question.
    private var firsts: [Int] = []
    private(set) var count = 0

    mutating func append(_ run: PackedQuestions) {
        runs.append(run)
        firsts.append(count)
        count += run.count
    }

    /// The run holding question `ordinal`, and its position there.
    ///
    /// - Complexity: O(log r) for r runs.
    func locate(_ ordinal: Int) -> (run: PackedQuestions, position: Int) {
        precondition(ordinal >= 0 && ordinal < count, "question \(ordinal) is out of range 0..<\(count)")
        var low = 0
        var high = firsts.count - 1
        // The last run whose first ordinal is at most `ordinal` (runs may be empty).
        while low < high {
            let middle = (low + high + 1) / 2
            if firsts[middle] <= ordinal { low = middle } else { high = middle - 1 }
        }
        while runs[low].count == ordinal - firsts[low] { low += 1 }
        return (runs[low], ordinal - firsts[low])
    }

    /// Question `ordinal`, decoded.
    subscript(ordinal: Int) -> Question {
        let (run, position) = locate(ordinal)
        return run[position]
    }
}
