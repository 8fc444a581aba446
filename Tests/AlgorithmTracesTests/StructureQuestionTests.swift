import AlgorithmTraces
import SeededRandom
import SortingCourse
import Testing

@Suite("Trace questions beyond sorting")
struct StructureQuestionTests {
    struct Template: Sendable, CustomTestStringConvertible {
        var algorithm: String
        var size: Int
        var min = 0
        var max = 99
        var testDescription: String { "\(algorithm) size \(size)" }
    }

    static let templates: [Template] = TracedAlgorithmCatalog.all.flatMap { entry in
        [2, 3, 5, 6, 8, 12, 16].map { Template(algorithm: entry.name, size: $0) }
    }

    /// The compiler's check, for every algorithm and a range of sizes: the 8 instances of
    /// seeds 0..<8 exist, replay from their seed, and their answers are what the traced
    /// run on the shown input gives.
    @Test(arguments: templates)
    func eightInstancesAreAnswerable(_ t: Template) throws {
        let entry = try #require(TracedAlgorithmCatalog.entry(named: t.algorithm))
        let graph = entry.input == .graphAndStart
        #expect(
            StructureQuestion.validate(
                algorithm: t.algorithm, ask: entry.ask.rawValue, size: t.size, min: graph ? nil : t.min,
                max: graph ? nil : t.max
            ).isEmpty)
        for seed: UInt64 in 0..<8 {
            let instance = try TraceQuestions.instance(
                algorithm: t.algorithm, ask: entry.ask.rawValue, pass: nil, k: nil, size: t.size, min: t.min,
                max: t.max,
                seed: seed)
            let again = try StructureQuestion.instance(
                algorithm: t.algorithm, size: t.size, min: t.min, max: t.max, seed: seed)
            #expect(instance == again)
            var generator = Xoshiro256StarStar(seed: seed)
            let input = StructureInputGenerator.input(
                entry.input, size: t.size, min: t.min, max: t.max, using: &generator)
            #expect(instance.answer == .array(try entry.trace(input).answer))
            #expect(instance.inputText == input.markdown)
            #expect(instance.input == input.numbers)
            Self.checkRecipe(input, t)
        }
    }

    /// What each recipe promises: distinct sorted values, pops never on an empty heap,
    /// connected graphs, distinct keys in a table of the next prime size.
    static func checkRecipe(_ input: StructureInput, _ t: Template) {
        switch input {
        case .search(let values, let target):
            #expect(values.count == t.size && values == Array(Set(values)).sorted())
            #expect((t.min...t.max).contains(target))
        case .heapOperations(let operations):
            #expect(operations.count == t.size)
            var size = 0
            for operation in operations {
                size += operation == .pop ? -1 : 1
                #expect(size >= 0)
            }
            #expect(t.size < 3 || operations.contains(.pop))
        case .graph(let graph, let start):
            #expect(graph.vertexCount == t.size && (0..<t.size).contains(start))
            #expect(graph.breadthFirstOrder(from: start).count == t.size)
        case .keys(let keys, let slotCount):
            #expect(keys.count == t.size && Set(keys).count == t.size)
            #expect(slotCount > t.size && (2..<slotCount).allSatisfy { slotCount % $0 != 0 })
        }
    }

    /// Over many seeds, binary search meets both present and absent targets, and the
    /// graphs have extra edges beyond their spanning tree.
    @Test func recipesVary() throws {
        var present = 0
        var absent = 0
        var cyclic = 0
        for seed: UInt64 in 0..<200 {
            var generator = Xoshiro256StarStar(seed: seed)
            if case .search(let values, let target) = StructureInputGenerator.input(
                .sortedArrayAndTarget, size: 6, min: 0, max: 20, using: &generator)
            {
                if values.contains(target) { present += 1 } else { absent += 1 }
            }
            generator = Xoshiro256StarStar(seed: seed)
            if case .graph(let graph, _) = StructureInputGenerator.input(
                .graphAndStart, size: 6, min: 0, max: 9, using: &generator), graph.edges.count > 5
            {
                cyclic += 1
            }
        }
        #expect(present > 50 && absent > 50 && cyclic > 50)
    }

    struct Failure: Sendable, CustomTestStringConvertible {
        var id: String
        var algorithm: String
        var ask: String
        var pass: Int? = nil
        var k: Int? = nil
        var size: Int? = nil
        var min: Int? = nil
        var max: Int? = nil
        var code: TraceQuestionError.Code
        var field: String?
        var message: String
        /// False where only the written template is wrong: an instance has every field.
        var instanceFails = true
        var testDescription: String { id }
    }

    @Test(arguments: [
        Failure(
            id: "unknown algorithm, suggestion from the new catalog", algorithm: "binary-serch", ask: "probes",
            code: .unknownAlgorithm, field: "algorithm",
            message: "unknown algorithm 'binary-serch'; did you mean 'binary-search'?"),
        Failure(
            id: "unknown algorithm, suggestion from the sorts", algorithm: "bubble-srot", ask: "passes",
            code: .unknownAlgorithm, field: "algorithm",
            message: "unknown algorithm 'bubble-srot'; did you mean 'bubble-sort'?"),
        Failure(
            id: "a sorting ask", algorithm: "bfs", ask: "passes", code: .askNotValid, field: "ask",
            message: "ask 'passes' is not valid for 'bfs'; it asks 'visit-order'"),
        Failure(
            id: "another kind's ask", algorithm: "dfs", ask: "probes", code: .askNotValid, field: "ask",
            message: "ask 'probes' is not valid for 'dfs'; it asks 'visit-order'"),
        Failure(
            id: "unknown ask", algorithm: "binary-heap", ask: "heap", code: .unknownAsk, field: "ask",
            message: "ask 'heap' is not valid for 'binary-heap'; it asks 'heap-array'"),
        Failure(
            id: "a sorting ask misspelt on a sort", algorithm: "bubble-sort", ask: "visit-ordr", code: .unknownAsk,
            field: "ask", message: "unknown ask 'visit-ordr'; did you mean 'visit-order'?"),
        Failure(
            id: "an ask of the new kinds on a sort", algorithm: "bubble-sort", ask: "visit-order", code: .askNotValid,
            field: "ask", message: "ask 'visit-order' is not valid for 'bubble-sort'; it is valid for 'bfs', 'dfs'"),
        Failure(
            id: "pass unused", algorithm: "binary-search", ask: "probes", pass: 1, code: .unusedParameter,
            field: "pass", message: "'pass' is not used by ask 'probes' of 'binary-search'"),
        Failure(
            id: "k unused", algorithm: "linear-probing", ask: "slots", k: 3, code: .unusedParameter, field: "k",
            message: "'k' is not used by ask 'slots' of 'linear-probing'"),
        Failure(
            id: "graphs take no values", algorithm: "bfs", ask: "visit-order", max: 20, code: .unusedParameter,
            field: "max", message: "'max' is not used by ask 'visit-order' of 'bfs'", instanceFails: false),
        Failure(
            id: "size too large", algorithm: "dfs", ask: "visit-order", size: 17, code: .sizeOutOfRange,
            field: "size", message: "'size' must be in 2...16, got 17"),
        Failure(
            id: "too few distinct values", algorithm: "binary-search", ask: "probes", size: 8, min: 1, max: 5,
            code: .rangeTooNarrow, field: "max",
            message: "'binary-search' needs 8 distinct values, but 1...5 holds only 5"),
        Failure(
            id: "empty range", algorithm: "binary-heap", ask: "heap-array", min: 5, max: 5, code: .emptyRange,
            field: "max", message: "'min' must be less than 'max', got min 5 and max 5"),
        Failure(
            id: "value out of range", algorithm: "linear-probing", ask: "slots", max: 10_000, code: .valueOutOfRange,
            field: "max", message: "'max' must be in -9999...9999, got 10000"),
    ])
    func invalidTemplates(_ f: Failure) throws {
        let problems = TraceQuestions.validate(
            algorithm: f.algorithm, ask: f.ask, pass: f.pass, k: f.k, size: f.size, min: f.min, max: f.max)
        let problem = try #require(problems.first)
        #expect(problem.code == f.code)
        #expect(problem.field == f.field)
        #expect(problem.message == f.message)
        guard f.instanceFails else { return }
        #expect(throws: TraceQuestionError.self) {
            _ = try TraceQuestions.instance(
                algorithm: f.algorithm, ask: f.ask, pass: f.pass, k: f.k, size: f.size ?? 6, min: f.min ?? 0,
                max: f.max ?? 9, seed: 0)
        }
    }

    /// The sorting traces go through the same front unchanged.
    @Test func sortingTracesAreUnchanged() throws {
        let direct = try TraceQuestion.instance(algorithm: "bubble-sort", ask: .arrayAfterPass, pass: 2, seed: 3)
        let front = try TraceQuestions.instance(
            algorithm: "bubble-sort", ask: "array-after-pass", pass: 2, k: nil, size: 6, min: 0, max: 9, seed: 3)
        #expect(front == direct)
        #expect(front.inputText == "Input: [" + direct.input.map(String.init).joined(separator: ", ") + "]")
    }

    struct BadInput: Sendable, CustomTestStringConvertible {
        var algorithm: String
        var input: StructureInput
        var message: String
        var testDescription: String { message }
    }

    @Test(arguments: [
        BadInput(
            algorithm: "binary-search", input: .search(values: [1, 4, 3], target: 3),
            message: "the array must be ascending, but 4 (index 1) comes before 3"),
        BadInput(
            algorithm: "binary-heap", input: .heapOperations([.push(1), .pop, .pop]),
            message: "operation 3 pops an empty heap"),
        BadInput(
            algorithm: "bfs", input: .graph(UndirectedGraph(vertexCount: 2, edges: [(0, 1)]), start: 2),
            message: "start 2 is not a vertex (0-1)"),
        BadInput(
            algorithm: "linear-probing", input: .keys([1, 2, 3], slotCount: 2), message: "3 keys do not fit in 2 slots"),
        BadInput(
            algorithm: "linear-probing", input: .keys([4, 2, 4], slotCount: 5),
            message: "key 4 is given twice; each key is inserted once"),
        BadInput(
            algorithm: "dfs", input: .keys([4], slotCount: 5),
            message: "'dfs' runs on a graph-and-start input, not a keys-and-table-size one"),
    ])
    func invalidInputs(_ c: BadInput) throws {
        let entry = try #require(TracedAlgorithmCatalog.entry(named: c.algorithm))
        #expect(throws: TraceQuestionError(code: .invalidInput, field: nil, message: c.message)) {
            _ = try entry.trace(c.input)
        }
    }

    @Test func promptLines() {
        let graph = UndirectedGraph(vertexCount: 3, edges: [(0, 2)])
        #expect(
            StructureInput.graph(graph, start: 2).lines == [
                "Adjacency lists (undirected, neighbours ascending):", "  0: 2", "  1: (none)", "  2: 0", "Start: 2",
            ])
        #expect(
            StructureInput.heapOperations([.push(4), .push(-1), .pop]).lines == [
                "Operations, in order: push 4, push -1, pop"
            ])
        #expect(
            StructureInput.search(values: [1, 3], target: 2).lines == ["Array:  [1, 3]  (indices 0-1)", "Target: 2"])
        #expect(StructureInputGenerator.slotCount(forKeys: 5) == 7)
        #expect(StructureInputGenerator.slotCount(forKeys: 7) == 11)
    }
}
