/// One operation of a heap trace.
public enum HeapOperation: Hashable, Sendable, CustomStringConvertible {
    case push(Int)
    case pop

    /// `push 5` or `pop`, as the prompt and the command line write it.
    public var description: String {
        switch self {
        case .push(let value): "push \(value)"
        case .pop: "pop"
        }
    }
}

/// The input of a traced run of an algorithm beyond sorting, one case per
/// ``TracedAlgorithm/InputShape``.
public enum StructureInput: Hashable, Sendable {
    /// An ascending array and the value binary search looks for.
    case search(values: [Int], target: Int)
    /// Operations on an initially empty min-heap.
    case heapOperations([HeapOperation])
    /// A graph and the vertex a search starts from.
    case graph(UndirectedGraph, start: Int)
    /// Keys inserted in order into an empty table of `slotCount` slots.
    case keys([Int], slotCount: Int)

    public var shape: TracedAlgorithm.InputShape {
        switch self {
        case .search: .sortedArrayAndTarget
        case .heapOperations: .heapOperations
        case .graph: .graphAndStart
        case .keys: .keysAndTableSize
        }
    }

    /// Every number of the input, in the order ``lines`` shows them: the array then the
    /// target; the pushed values; the start then each edge's endpoints; the table size then
    /// the keys.
    public var numbers: [Int] {
        switch self {
        case .search(let values, let target): values + [target]
        case .heapOperations(let operations):
            operations.compactMap { if case .push(let value) = $0 { value } else { nil } }
        case .graph(let graph, let start): [start] + graph.edges.flatMap { [$0.0, $0.1] }
        case .keys(let keys, let slotCount): [slotCount] + keys
        }
    }

    /// The input as plain lines, the same on paper, in a prompt and in `quiz course run`.
    ///
    ///     print(StructureInput.keys([15, 22, 8], slotCount: 7).lines.joined(separator: "\n"))
    ///     // Prints "Table: 7 slots (0-6), h(k) = k mod 7
    ///     //         Keys, in insertion order: 15, 22, 8"
    public var lines: [String] {
        func list(_ values: [Int]) -> String { values.map(String.init).joined(separator: ", ") }
        switch self {
        case .search(let values, let target):
            return [
                "Array:  [\(list(values))]  (indices 0-\(values.count - 1))",
                "Target: \(target)",
            ]
        case .heapOperations(let operations):
            return ["Operations, in order: " + operations.map(\.description).joined(separator: ", ")]
        case .graph(let graph, let start):
            let width = String(graph.vertexCount - 1).count
            let rows = graph.neighbours.enumerated().map { vertex, list in
                let label = String(repeating: " ", count: width - String(vertex).count) + String(vertex)
                return "  \(label): " + (list.isEmpty ? "(none)" : list.map(String.init).joined(separator: " "))
            }
            return ["Adjacency lists (undirected, neighbours ascending):"] + rows + ["Start: \(start)"]
        case .keys(let keys, let slotCount):
            return [
                "Table: \(slotCount) slots (0-\(slotCount - 1)), h(k) = k mod \(slotCount)",
                "Keys, in insertion order: \(list(keys))",
            ]
        }
    }

    /// ``lines`` as markdown for a prompt: a code block, so the rows keep their layout.
    public var markdown: String {
        "```\n" + lines.joined(separator: "\n") + "\n```"
    }
}
