import AlgorithmTraces
import ArgumentParser
import Presentation
import SeededRandom

/// `quiz course run` for the algorithms beyond sorting: each input shape read from `--input`
/// (or drawn with `--random N --seed S`) and its own options, then the traced run rendered.
extension CourseRun {
    /// The options that belong to one input shape, with the algorithms that take them.
    static func algorithms(taking option: String) -> String {
        switch option {
        case "--target": "binary-search"
        case "--start": "bfs and dfs"
        default: "linear-probing"
        }
    }

    func runStructure(_ entry: TracedAlgorithm) throws {
        let usedSeed = random == nil ? nil : seed ?? UInt64.random(in: 0...999_999)
        let input = try structureInput(for: entry, seed: usedSeed ?? 0)
        let trace: StructureTrace
        do {
            trace = try entry.trace(input)
        } catch {
            throw ValidationError("--input: \(error.message)")
        }
        switch format {
        case .json:
            print(trace.json(seed: usedSeed).text)
        case .text:
            let renderer = StructureTraceRenderer(
                trace: trace, entry: entry, seed: usedSeed, color: Terminal.allowsColor(fileDescriptor: 1))
            let waits = step && Terminal.isTerminal(0)
            renderer.header.forEach { print($0) }
            for row in renderer.rows {
                print(row)
                if waits { _ = LineReader.next() }
            }
            renderer.footer.forEach { print($0) }
        }
    }

    /// The input `--input` describes, or `--random N` draws from `seed`, with the shape's own
    /// options applied; every malformed value is a validation error naming its option.
    func structureInput(for entry: TracedAlgorithm, seed drawSeed: UInt64) throws -> StructureInput {
        let own: [(String, Int?)] = [("--target", target), ("--start", start), ("--slots", slots)]
        for (option, value) in own where value != nil && Self.algorithms(taking: option) != Self.owner(of: entry) {
            throw ValidationError("\(option) goes with \(Self.algorithms(taking: option)) only")
        }
        if k != nil { throw ValidationError("--k goes with quickselect only") }
        if seed != nil && random == nil { throw ValidationError("--seed goes with --random") }
        if let slots { try CommandLineText.require(slots, in: 1...Self.maximumSlots, for: "--slots") }
        var input: StructureInput
        switch (self.input, random) {
        case (nil, nil):
            throw ValidationError("give the input with --input (\(Self.example(entry.input))) or ask for --random N")
        case (.some, .some): throw ValidationError("--input and --random exclude each other")
        case (nil, .some(let n)):
            try CommandLineText.require(n, in: 1...Self.maximumCount, for: "--random")
            var generator = Xoshiro256StarStar(seed: drawSeed)
            input = StructureInputGenerator.input(entry.input, size: n, min: 0, max: 99, using: &generator)
        case (.some(let text), nil):
            input = try Self.parse(text, as: entry.input)
        }
        switch input {
        case .search(let values, let drawn):
            guard let value = target ?? (random == nil ? nil : drawn) else {
                throw ValidationError("binary-search needs --target, the value to look for")
            }
            input = .search(values: values, target: value)
        case .graph(let graph, let drawn):
            let vertex = start ?? (random == nil ? 0 : drawn)
            guard (0..<graph.vertexCount).contains(vertex) else {
                throw ValidationError("--start must be a vertex of the graph, 0 to \(graph.vertexCount - 1), got \(vertex)")
            }
            input = .graph(graph, start: vertex)
        case .keys(let keys, let drawn):
            let m = slots ?? (random == nil ? StructureInputGenerator.slotCount(forKeys: keys.count) : drawn)
            guard keys.count <= m else {
                throw ValidationError("--slots \(m) is too few for \(keys.count) keys; give at least \(keys.count)")
            }
            input = .keys(keys, slotCount: m)
        case .heapOperations: break
        }
        return input
    }

    /// The most slots a traced table may have.
    static let maximumSlots = 1000

    private static func owner(of entry: TracedAlgorithm) -> String {
        switch entry.input {
        case .sortedArrayAndTarget: "binary-search"
        case .graphAndStart: "bfs and dfs"
        case .keysAndTableSize: "linear-probing"
        case .heapOperations: "binary-heap"
        }
    }

    static func example(_ shape: TracedAlgorithm.InputShape) -> String {
        switch shape {
        case .sortedArrayAndTarget: "a sorted list: --input 1,3,4,7,9 --target 7"
        case .heapOperations: "operations: --input 'push 5,push 3,pop'"
        case .graphAndStart: "edges: --input 0-1,0-2,1-3"
        case .keysAndTableSize: "keys: --input 15,22,8"
        }
    }

    /// Reads `--input` in the form `shape` takes.
    static func parse(_ text: String, as shape: TracedAlgorithm.InputShape) throws -> StructureInput {
        let parts = text.split(separator: ",").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
        guard !parts.isEmpty else { throw ValidationError("--input is empty; write \(example(shape))") }
        guard parts.count <= maximumCount else {
            throw ValidationError("--input has \(parts.count) items; at most \(maximumCount) can be traced")
        }
        func fail(_ part: Substring, _ what: String) -> ValidationError {
            ValidationError("--input: '\(CommandLineText.excerpt(String(part)))' is not \(what); write \(example(shape))")
        }
        switch shape {
        case .sortedArrayAndTarget, .keysAndTableSize:
            let values = try parts.map { part in
                guard let value = Int(part) else { throw fail(part, "an integer") }
                return value
            }
            return shape == .keysAndTableSize ? .keys(values, slotCount: 0) : .search(values: values, target: 0)
        case .heapOperations:
            return .heapOperations(
                try parts.map { part in
                    let words = part.split(separator: " ")
                    if words == ["pop"] { return .pop }
                    guard words.count == 2, words[0] == "push", let value = Int(words[1]) else {
                        throw fail(part, "an operation ('push N' or 'pop')")
                    }
                    return .push(value)
                })
        case .graphAndStart:
            let edges = try parts.map { part -> (Int, Int) in
                let ends = part.split(separator: "-", omittingEmptySubsequences: false)
                guard ends.count == 2, let u = Int(ends[0]), let v = Int(ends[1]), u >= 0, v >= 0 else {
                    throw fail(part, "an edge u-v between vertices 0, 1, 2, …")
                }
                guard u < maximumCount, v < maximumCount else {
                    throw ValidationError("--input: edge \(u)-\(v) names a vertex beyond \(maximumCount - 1)")
                }
                return (u, v)
            }
            let count = edges.map { max($0.0, $0.1) }.max()! + 1
            return .graph(UndirectedGraph(vertexCount: count, edges: edges), start: 0)
        }
    }
}

extension Substring {
    /// Without leading and trailing spaces.
    fileprivate var trimmingSpaces: Substring {
        var text = self
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return text
    }
}
