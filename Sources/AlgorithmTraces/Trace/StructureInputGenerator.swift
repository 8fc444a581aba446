import SeededRandom

/// Deterministic inputs for the trace questions beyond sorting.
///
/// The recipes are part of the trace contract: an instance is reproduced from its seed, so
/// they must never change silently. Every draw comes from the generator passed in, in the
/// order written here.
public enum StructureInputGenerator {
    /// The input of `shape` for a template's `size`, `min` and `max`:
    ///
    /// - sorted array and target: `size` distinct values in `min...max` (drawn in turn,
    ///   repeats redrawn), sorted; then a coin `uniform(below: 2)`: 0 takes the target from
    ///   the array at `uniform(below: size)`, 1 draws values in `min...max` until one is not
    ///   in the array (a present target when every value is);
    /// - heap operations: `size` operations on an empty heap, the first a push; each later
    ///   one a pop when `uniform(below: 3) == 0` and the heap is not empty, else a push; a
    ///   push's value is `uniform(in: min...max)`, drawn after the choice. When no pop was
    ///   drawn and `size >= 3`, the last operation becomes a pop;
    /// - graph and start: a shuffled labelling `p` of `0..<size`, a spanning tree joining
    ///   `p[i]` to `p[uniform(below: i)]` for i = 1..<size, then `size / 2` tries at an extra
    ///   edge between `uniform(below: size)` and `uniform(below: size)` (a loop or a repeat is
    ///   skipped), then the start `uniform(below: size)`; `min` and `max` are not used;
    /// - keys and table size: `size` distinct keys in `min...max` (repeats redrawn) in draw
    ///   order, and a table of ``slotCount(forKeys:)`` slots.
    ///
    /// - Precondition: `size >= 1`; for arrays and keys, `max - min + 1 >= size`.
    /// - Complexity: O(size²) expected.
    public static func input<G: RandomNumberGenerator>(
        _ shape: TracedAlgorithm.InputShape, size: Int, min: Int, max: Int, using generator: inout G
    ) -> StructureInput {
        switch shape {
        case .sortedArrayAndTarget:
            let values = distinctValues(size, in: min...max, using: &generator).sorted()
            let target: Int
            if generator.uniform(below: 2) == 0 || max - min + 1 == size {
                target = values[Int(generator.uniform(below: UInt64(size)))]
            } else {
                var candidate = generator.uniform(in: min...max)
                while values.contains(candidate) { candidate = generator.uniform(in: min...max) }
                target = candidate
            }
            return .search(values: values, target: target)
        case .heapOperations:
            var operations: [HeapOperation] = []
            var heapSize = 0
            for index in 0..<size {
                if index > 0 && heapSize > 0 && generator.uniform(below: 3) == 0 {
                    operations.append(.pop)
                    heapSize -= 1
                } else {
                    operations.append(.push(generator.uniform(in: min...max)))
                    heapSize += 1
                }
            }
            // A push is always followed by a non-empty heap, so the last slot can pop.
            if size >= 3 && !operations.contains(.pop) { operations[size - 1] = .pop }
            return .heapOperations(operations)
        case .graphAndStart:
            var labels = Array(0..<size)
            labels.fisherYatesShuffle(using: &generator)
            var edges: [(Int, Int)] = []
            for i in 1..<Swift.max(size, 1) {
                edges.append((labels[i], labels[Int(generator.uniform(below: UInt64(i)))]))
            }
            for _ in 0..<(size / 2) {
                let u = Int(generator.uniform(below: UInt64(size)))
                let v = Int(generator.uniform(below: UInt64(size)))
                edges.append((u, v))  // a loop or a repeat adds nothing to the graph
            }
            let start = Int(generator.uniform(below: UInt64(size)))
            return .graph(UndirectedGraph(vertexCount: size, edges: edges), start: start)
        case .keysAndTableSize:
            let keys = distinctValues(size, in: min...max, using: &generator)
            return .keys(keys, slotCount: slotCount(forKeys: size))
        }
    }

    /// The table size of a generated hashing input: the smallest prime greater than the
    /// number of keys, so the table is nearly full and probes collide (7 slots for 5 or 6 keys).
    public static func slotCount(forKeys count: Int) -> Int {
        var candidate = count + 1
        while !isPrime(candidate) { candidate += 1 }
        return candidate
    }

    static func isPrime(_ n: Int) -> Bool {
        guard n >= 2 else { return false }
        var divisor = 2
        while divisor * divisor <= n {
            if n % divisor == 0 { return false }
            divisor += 1
        }
        return true
    }

    /// `count` distinct values in `range`, in draw order, repeats redrawn.
    static func distinctValues<G: RandomNumberGenerator>(
        _ count: Int, in range: ClosedRange<Int>, using generator: inout G
    ) -> [Int] {
        var values: [Int] = []
        while values.count < count {
            let value = generator.uniform(in: range)
            if !values.contains(value) { values.append(value) }
        }
        return values
    }
}
