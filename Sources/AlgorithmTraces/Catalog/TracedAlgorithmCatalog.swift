import SortingCourse
import Spelling

/// The traced algorithms beyond sorting, by their fixed catalog names.
///
///     print(TracedAlgorithmCatalog.names)
///     // Prints "["binary-search", "binary-heap", "bfs", "dfs", "linear-probing"]"
public enum TracedAlgorithmCatalog {
    /// Every entry, in teaching order.
    public static let all: [TracedAlgorithm] = [
        TracedAlgorithm(
            name: "binary-search", title: "Binary search",
            summary: "Probes the midpoint low + (high - low) / 2 of the window low...high, then keeps the half "
                + "that can hold the target, until a match or an empty window.",
            time: "O(log n)", space: "O(1)", ask: .probes, input: .sortedArrayAndTarget, topic: "binary-search"),
        TracedAlgorithm(
            name: "binary-heap", title: "Binary min-heap",
            summary: "push appends and sifts up; pop moves the last element to the root and sifts down, "
                + "swapping with the smaller child (the left one on a tie).",
            time: "O(log n) per operation", space: "O(n)", ask: .heapArray, input: .heapOperations, topic: "heaps"),
        TracedAlgorithm(
            name: "bfs", title: "Breadth-first search",
            summary: "A FIFO queue from the start vertex; a vertex is marked when enqueued, neighbours in "
                + "ascending order.",
            time: "O(V + E)", space: "O(V)", ask: .visitOrder, input: .graphAndStart, topic: "graphs"),
        TracedAlgorithm(
            name: "dfs", title: "Depth-first search (recursive)",
            summary: "Visits a vertex, then recurses into each unvisited neighbour in ascending order.",
            time: "O(V + E)", space: "O(V)", ask: .visitOrder, input: .graphAndStart, topic: "graphs"),
        TracedAlgorithm(
            name: "linear-probing", title: "Hash table with linear probing",
            summary: "Key k goes to slot k mod m, or to the next free slot after it, wrapping from m - 1 to 0.",
            time: "O(1) expected per insertion", space: "O(m)", ask: .slots, input: .keysAndTableSize,
            topic: "hashing"),
    ]

    /// The catalog names, in teaching order.
    public static var names: [String] { all.map(\.name) }

    /// The entry with this exact name, or nil.
    public static func entry(named name: String) -> TracedAlgorithm? {
        all.first { $0.name == name }
    }

    /// Names close to `name` among this catalog's and the sorting course's, best first.
    public static func suggestions(for name: String) -> [String] {
        Spelling.suggestions(for: name, among: AlgorithmCatalog.names + names)
    }
}
