/// A simple undirected graph on the vertices `0..<vertexCount`, stored as adjacency lists
/// in ascending order: the order in which the searches of this module visit neighbours.
///
///     let graph = UndirectedGraph(vertexCount: 4, edges: [(0, 2), (2, 1), (0, 3)])
///     print(graph.neighbours)
///     // Prints "[[2, 3], [2], [0, 1], [0]]"
public struct UndirectedGraph: Hashable, Sendable {
    /// `neighbours[v]`: the vertices adjacent to `v`, ascending, without repeats.
    public let neighbours: [[Int]]

    public var vertexCount: Int { neighbours.count }

    /// The graph with these edges; repeated edges count once, and self-loops are dropped
    /// (no search ever follows one).
    ///
    /// - Precondition: every endpoint is in `0..<vertexCount`.
    /// - Complexity: O(V + E log E).
    public init(vertexCount: Int, edges: [(Int, Int)]) {
        var lists = [[Int]](repeating: [], count: vertexCount)
        for (u, v) in edges where u != v {
            precondition(lists.indices.contains(u) && lists.indices.contains(v), "edge endpoint out of range")
            lists[u].append(v)
            lists[v].append(u)
        }
        neighbours = lists.map { list in
            var unique: [Int] = []
            for vertex in list.sorted() where unique.last != vertex { unique.append(vertex) }
            return unique
        }
    }

    /// The edges `(u, v)` with `u < v`, in ascending order.
    public var edges: [(Int, Int)] {
        neighbours.enumerated().flatMap { u, list in list.filter { $0 > u }.map { (u, $0) } }
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.neighbours == rhs.neighbours }
    public func hash(into hasher: inout Hasher) { hasher.combine(neighbours) }
}
