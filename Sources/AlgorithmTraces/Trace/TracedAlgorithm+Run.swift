import SortingCourse

extension TracedAlgorithm {
    /// Runs the algorithm on `input` with a ``StepRecorder`` and returns its trace.
    ///
    ///     let entry = TracedAlgorithmCatalog.entry(named: "binary-search")!
    ///     let trace = try entry.trace(.search(values: [1, 3, 4, 7, 9, 12], target: 9))
    ///     print(trace.answer)
    ///     // Prints "[2, 4]"
    ///
    /// - Throws: `TraceQuestionError` with code ``SortingCourse/TraceQuestionError/Code/invalidInput``
    ///   when the input has the wrong shape for the algorithm or breaks its rules: an array
    ///   that is not ascending, a pop from an empty heap, a start that is not a vertex, more
    ///   keys than slots or a repeated key.
    /// - Complexity: the algorithm's, times the state copied at each step.
    public func trace(_ input: StructureInput) throws(TraceQuestionError) -> StructureTrace {
        guard input.shape == self.input else {
            throw .invalidInput("'\(name)' runs on a \(self.input.rawValue) input, not a \(input.shape.rawValue) one")
        }
        var recorder = StepRecorder()
        switch input {
        case .search(let values, let target):
            guard !values.isEmpty else { throw .invalidInput("the array is empty") }
            if let i = values.indices.dropFirst().first(where: { values[$0 - 1] > values[$0] }) {
                throw .invalidInput(
                    "the array must be ascending, but \(values[i - 1]) (index \(i - 1)) comes before \(values[i])")
            }
            let found = values.binarySearch(for: target, probe: &recorder)
            let probes = recorder.steps.compactMap { step -> Int? in
                if case .probe(let index, _, _) = step.event { index } else { nil }
            }
            return StructureTrace(
                algorithm: name, input: input, steps: recorder.steps, answer: probes, foundIndex: found)
        case .heapOperations(let operations):
            var heap = BinaryMinHeap<Int>()
            var popped: [Int] = []
            for (number, operation) in operations.enumerated() {
                switch operation {
                case .push(let value): heap.push(value, probe: &recorder)
                case .pop:
                    guard let value = heap.popMin(probe: &recorder) else {
                        throw .invalidInput("operation \(number + 1) pops an empty heap")
                    }
                    popped.append(value)
                }
            }
            return StructureTrace(
                algorithm: name, input: input, steps: recorder.steps, answer: heap.elements, popped: popped)
        case .graph(let graph, let start):
            guard graph.neighbours.indices.contains(start) else {
                throw .invalidInput("start \(start) is not a vertex (0-\(graph.vertexCount - 1))")
            }
            let order =
                isBreadthFirst
                ? graph.breadthFirstOrder(from: start, probe: &recorder)
                : graph.depthFirstOrder(from: start, probe: &recorder)
            return StructureTrace(algorithm: name, input: input, steps: recorder.steps, answer: order)
        case .keys(let keys, let slotCount):
            guard slotCount >= 1 else { throw .invalidInput("the table needs at least 1 slot") }
            guard keys.count <= slotCount else {
                throw .invalidInput("\(keys.count) keys do not fit in \(slotCount) slots")
            }
            if let i = keys.indices.first(where: { keys[..<$0].contains(keys[$0]) }) {
                throw .invalidInput("key \(keys[i]) is given twice; each key is inserted once")
            }
            var table = LinearProbingTable<Int>(slotCount: slotCount)
            // Distinct keys, no more than the slots: every insertion finds a slot.
            let slots = keys.map { table.insert($0, probe: &recorder)! }
            return StructureTrace(
                algorithm: name, input: input, steps: recorder.steps, answer: slots, table: table.slots)
        }
    }
}
