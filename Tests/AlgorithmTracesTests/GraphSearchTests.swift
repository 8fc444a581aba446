import AlgorithmTraces
import Testing

@Suite("Breadth- and depth-first search")
struct GraphSearchTests {
    /// Every undirected graph on 1 to 5 vertices (all edge subsets), with every start.
    static var everySmallGraph: [UndirectedGraph] {
        (1...5).flatMap { n -> [UndirectedGraph] in
            let pairs = (0..<n).flatMap { u in (u + 1..<n).map { (u, $0) } }
            return (0..<(1 << pairs.count)).map { mask in
                UndirectedGraph(vertexCount: n, edges: pairs.indices.filter { mask & (1 << $0) != 0 }.map { pairs[$0] })
            }
        }
    }

    /// Distances by brute force: relax every edge until nothing changes (nil: unreachable).
    static func distances(_ graph: UndirectedGraph, from start: Int) -> [Int?] {
        var distance = [Int?](repeating: nil, count: graph.vertexCount)
        distance[start] = 0
        var changed = true
        while changed {
            changed = false
            for (u, v) in graph.edges {
                for (a, b) in [(u, v), (v, u)] {
                    if let d = distance[a], distance[b].map({ $0 > d + 1 }) ?? true {
                        distance[b] = d + 1
                        changed = true
                    }
                }
            }
        }
        return distance
    }

    /// BFS level by level: the next level lists, for each vertex of this one in order, its
    /// unseen neighbours in ascending order.
    static func referenceBFS(_ graph: UndirectedGraph, from start: Int) -> [Int] {
        var seen: Set<Int> = [start]
        var level = [start]
        var order: [Int] = []
        while !level.isEmpty {
            order += level
            var next: [Int] = []
            for u in level {
                for v in graph.neighbours[u] where !seen.contains(v) {
                    seen.insert(v)
                    next.append(v)
                }
            }
            level = next
        }
        return order
    }

    /// DFS as the prompt defines it, with real recursion.
    static func referenceDFS(_ graph: UndirectedGraph, from start: Int) -> [Int] {
        var order: [Int] = []
        func visit(_ u: Int) {
            order.append(u)
            for v in graph.neighbours[u] where !order.contains(v) { visit(v) }
        }
        visit(start)
        return order
    }

    @Test func everySmallGraphAndStart() {
        let graphs = Self.everySmallGraph
        #expect(graphs.count == 1 + 2 + 8 + 64 + 1024)
        for graph in graphs {
            for start in 0..<graph.vertexCount {
                let distance = Self.distances(graph, from: start)
                let reachable = distance.indices.filter { distance[$0] != nil }
                let bfs = graph.breadthFirstOrder(from: start)
                let dfs = graph.depthFirstOrder(from: start)
                #expect(bfs.sorted() == reachable && dfs.sorted() == reachable, "\(graph.neighbours) from \(start)")
                #expect(zip(bfs, bfs.dropFirst()).allSatisfy { distance[$0]! <= distance[$1]! })
                #expect(bfs == Self.referenceBFS(graph, from: start), "\(graph.neighbours) from \(start)")
                #expect(dfs == Self.referenceDFS(graph, from: start), "\(graph.neighbours) from \(start)")
                var recorder = StepRecorder()
                #expect(graph.breadthFirstOrder(from: start, probe: &recorder) == bfs)
                #expect(recorder.steps.compactMap { if case .visit(let v) = $0.event { v } else { nil } } == bfs)
                recorder = StepRecorder()
                #expect(graph.depthFirstOrder(from: start, probe: &recorder) == dfs)
                #expect(recorder.steps.last?.state == [])
            }
        }
    }

    /// The graph of the module's examples: BFS and DFS part ways at the second visit.
    @Test func ordersDiffer() throws {
        let graph = UndirectedGraph(vertexCount: 5, edges: [(0, 3), (0, 1), (1, 4), (3, 2)])
        #expect(graph.breadthFirstOrder(from: 0) == [0, 1, 3, 4, 2])
        #expect(graph.depthFirstOrder(from: 0) == [0, 1, 4, 3, 2])
        let dfs = try #require(TracedAlgorithmCatalog.entry(named: "dfs"))
        let trace = try dfs.trace(.graph(graph, start: 0))
        #expect(
            trace.steps.map(\.state) == [[0], [0, 1], [0, 1, 4], [0, 1], [0], [0, 3], [0, 3, 2], [0, 3], [0], []])
    }

    @Test func repeatedEdgesAndLoopsCountOnce() {
        let graph = UndirectedGraph(vertexCount: 3, edges: [(0, 1), (1, 0), (1, 1), (2, 1)])
        #expect(graph.neighbours == [[1], [0, 2], [1]])
        #expect(graph.edges.map { [$0.0, $0.1] } == [[0, 1], [1, 2]])
    }
}
