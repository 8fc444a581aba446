import AlgorithmTraces

extension StructureTrace {
    /// `{"algorithm","input":{…},"output":[…],"steps":[…]}` plus `"found"` (binary search),
    /// `"popped"` (heap), `"table"` (linear probing) and `"seed"` for a random input.
    ///
    /// `output` is what the algorithm's trace question asks for. The input is an object by
    /// shape: `{"values","target"}`, `{"operations":["push 5","pop"]}`,
    /// `{"vertices","edges":[[u,v]…],"start"}` or `{"keys","slots"}`. A step is
    /// `{"event", …its operands by name…, "state"}`, the state with `null` for an empty slot.
    public func json(seed: UInt64?) -> JSON {
        func ints(_ values: [Int]) -> JSON { .array(values.map(JSON.int)) }
        let inputObject: JSON
        switch input {
        case .search(let values, let target):
            inputObject = .object([("values", ints(values)), ("target", .int(target))])
        case .heapOperations(let operations):
            inputObject = .object([("operations", .array(operations.map { .string($0.description) }))])
        case .graph(let graph, let start):
            inputObject = .object([
                ("vertices", .int(graph.vertexCount)), ("edges", .array(graph.edges.map { ints([$0.0, $0.1]) })),
                ("start", .int(start)),
            ])
        case .keys(let keys, let slots):
            inputObject = .object([("keys", ints(keys)), ("slots", .int(slots))])
        }
        let stepObjects: [JSON] = steps.map { step in
            var pairs: [(String, JSON)] = [("event", .string(step.event.name))]
            switch step.event {
            case .probe(let index, let low, let high):
                pairs += [("index", .int(index)), ("low", .int(low)), ("high", .int(high))]
            case .push(let index): pairs.append(("index", .int(index)))
            case .pop: break
            case .swap(let i, let j): pairs.append(("indices", ints([i, j])))
            case .discover(let v), .visit(let v), .finish(let v): pairs.append(("vertex", .int(v)))
            case .collide(let slot), .place(let slot): pairs.append(("slot", .int(slot)))
            }
            pairs.append(("state", .array(step.state.map { $0.map(JSON.int) ?? .null })))
            return .object(pairs)
        }
        var pairs: [(String, JSON)] = [
            ("algorithm", .string(algorithm)), ("input", inputObject), ("output", ints(answer)),
            ("steps", .array(stepObjects)),
        ]
        switch input {
        case .search: pairs.append(("found", foundIndex.map(JSON.int) ?? .null))
        case .heapOperations: pairs.append(("popped", ints(popped)))
        case .keys: pairs.append(("table", .array(table.map { $0.map(JSON.int) ?? .null })))
        case .graph: break
        }
        if let seed { pairs.append(("seed", .unsigned(seed))) }
        return .object(pairs)
    }
}
