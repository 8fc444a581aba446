/// One traced algorithm beyond sorting: its facts, its trace ask and its input's shape.
public struct TracedAlgorithm: Sendable, Hashable, CustomStringConvertible {
    /// The family of input an algorithm runs on, which fixes how inputs are drawn, written
    /// on the command line and shown in a prompt.
    public enum InputShape: String, Sendable, Hashable, CaseIterable {
        /// An ascending array of distinct values and a target (present or not).
        case sortedArrayAndTarget = "sorted-array-and-target"
        /// A sequence of `push v` and `pop` operations on an empty heap.
        case heapOperations = "heap-operations"
        /// A connected undirected graph and a start vertex.
        case graphAndStart = "graph-and-start"
        /// Distinct keys inserted in order into an empty table of m slots.
        case keysAndTableSize = "keys-and-table-size"
    }

    /// The catalog name, such as `binary-search`.
    public let name: String
    /// A human title.
    public let title: String
    /// One line saying how it works, with the rules a learner needs to trace it on paper.
    public let summary: String
    /// Time per run (or per operation for the heap), like "O(log n)".
    public let time: String
    /// Extra space, like "O(1)".
    public let space: String
    /// The one thing its trace questions ask.
    public let ask: StructureAsk
    public let input: InputShape
    /// The tag of the `algorithms` banks' topic that teaches it, such as `graphs`.
    public let topic: String

    /// Whether this is the breadth-first search (the other graph search is depth-first).
    public var isBreadthFirst: Bool { name == "bfs" }

    public var description: String { name }
}
