import QuizEngine

/// The packed runs of a set's questions, numbered together in set order: how the linker
/// finds the few questions a diagnostic names, decoding only those.
struct QuestionRuns {
    private(set) var runs: [PackedQuestions] = []
    private var numbering = RunNumbering()

    /// The number of questions.
    var count: Int { numbering.total }

    mutating func append(_ run: PackedQuestions) {
        runs.append(run)
        numbering.append(count: run.count)
    }

    /// The run holding question `ordinal`, and its position there.
    ///
    /// - Complexity: O(log r) for r runs.
    func locate(_ ordinal: Int) -> (run: PackedQuestions, position: Int) {
        let (run, position) = numbering.locate(ordinal)
        return (runs[run], position)
    }

    /// Question `ordinal`, decoded.
    subscript(ordinal: Int) -> Question {
        let (run, position) = locate(ordinal)
        return run[position]
    }
}
