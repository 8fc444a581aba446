extension UndirectedGraph {
    /// The breadth-first visit order from `start`: the vertices reachable from it, in the
    /// order a FIFO queue dequeues them.
    ///
    /// A vertex is marked when it is enqueued, so it enters the queue once; the neighbours
    /// of the dequeued vertex are enqueued in ascending order.
    ///
    ///     let graph = UndirectedGraph(vertexCount: 5, edges: [(0, 3), (0, 1), (1, 4), (3, 2)])
    ///     print(graph.breadthFirstOrder(from: 0))
    ///     // Prints "[0, 1, 3, 4, 2]"
    ///
    /// - Precondition: `start` is a vertex.
    /// - Complexity: O(V + E).
    @inlinable
    public func breadthFirstOrder(from start: Int) -> [Int] {
        var probe = NoOpStepProbe<Int>()
        return breadthFirstOrder(from: start, probe: &probe)
    }

    /// BFS reporting `.discover` (enqueued) and `.visit` (dequeued), with the queue, front
    /// first, as the state.
    @inlinable
    public func breadthFirstOrder<Probe: StepProbe>(from start: Int, probe: inout Probe) -> [Int]
    where Probe.Value == Int {
        precondition(neighbours.indices.contains(start), "start is not a vertex")
        var marked = [Bool](repeating: false, count: vertexCount)
        // The queue is queue[head...]; dequeued entries stay behind head.
        var queue = [start]
        var head = 0
        marked[start] = true
        probe.record(.discover(vertex: start), queue[head...].map { $0 })
        var order: [Int] = []
        while head < queue.count {
            let vertex = queue[head]
            head += 1
            order.append(vertex)
            probe.record(.visit(vertex: vertex), queue[head...].map { $0 })
            for next in neighbours[vertex] where !marked[next] {
                marked[next] = true
                queue.append(next)
                probe.record(.discover(vertex: next), queue[head...].map { $0 })
            }
        }
        return order
    }

    /// The depth-first visit order from `start` of the *recursive* search: visit a vertex,
    /// then, for each neighbour in ascending order that is not yet visited, search from it.
    ///
    /// It runs with an explicit stack of (vertex, next neighbour) frames, which is the
    /// recursion made visible, so the order is the recursive one (an iterative search that
    /// pushes all neighbours at once can visit in another order) and deep graphs cannot
    /// overflow the call stack.
    ///
    ///     let graph = UndirectedGraph(vertexCount: 5, edges: [(0, 3), (0, 1), (1, 4), (3, 2)])
    ///     print(graph.depthFirstOrder(from: 0))
    ///     // Prints "[0, 1, 4, 3, 2]"
    ///
    /// - Precondition: `start` is a vertex.
    /// - Complexity: O(V + E).
    @inlinable
    public func depthFirstOrder(from start: Int) -> [Int] {
        var probe = NoOpStepProbe<Int>()
        return depthFirstOrder(from: start, probe: &probe)
    }

    /// DFS reporting `.visit` (entered) and `.finish` (returned from), with the path of
    /// open calls, start first, as the state.
    @inlinable
    public func depthFirstOrder<Probe: StepProbe>(from start: Int, probe: inout Probe) -> [Int]
    where Probe.Value == Int {
        precondition(neighbours.indices.contains(start), "start is not a vertex")
        var visited = [Bool](repeating: false, count: vertexCount)
        var frames: [(vertex: Int, next: Int)] = [(start, 0)]
        visited[start] = true
        var order = [start]
        probe.record(.visit(vertex: start), frames.map { $0.vertex })
        while let top = frames.last {
            let list = neighbours[top.vertex]
            var next = top.next
            while next < list.count && visited[list[next]] { next += 1 }
            if next == list.count {
                frames.removeLast()
                probe.record(.finish(vertex: top.vertex), frames.map { $0.vertex })
                continue
            }
            frames[frames.count - 1].next = next + 1
            let child = list[next]
            visited[child] = true
            order.append(child)
            frames.append((child, 0))
            probe.record(.visit(vertex: child), frames.map { $0.vertex })
        }
        return order
    }
}
