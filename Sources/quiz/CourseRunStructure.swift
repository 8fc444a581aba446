import AlgorithmTraces
import ArgumentParser
import Presentation
import SeededRandom

/// `quiz course run` for the algorithms beyond sorting: each input shape read from `--input`
/// (or drawn with `--random N --seed S`) and its own options, then the traced run rendered.
extension CourseRun {
    /// The option that completes an input of `shape`, if any.
    static func option(for shape: TracedAlgorithm.InputShape) -> String? {
        switch shape {
        case .sortedArrayAndTarget: "--target"
        case .graphAndStart: "--start"
        case .keysAndTableSize: "--slots"
        case .heapOperations: nil
        }
    }

    /// Throws for each of `--target`, `--start` and `--slots` that is given but not `allowed`,
    /// naming the algorithms it goes with (read from the catalog, so it cannot drift).
    func rejectShapeOptions(except allowed: String? = nil) throws {
        let given: [(String, Int?)] = [("--target", target), ("--start", start), ("--slots", slots)]
        for (option, value) in given where value != nil && option != allowed {
            let owners = TracedAlgorithmCatalog.all.filter { Self.option(for: $0.input) == option }.map(\.name)
            throw ValidationError("\(option) goes with \(owners.joined(separator: " and ")) only")
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
            TracePrinter.print(renderer, step: step)
        }
    }

    /// The input `--input` describes, or `--random N` draws from `seed`, with the shape's own
    /// options applied; every malformed value is a validation error naming its option.
    func structureInput(for entry: TracedAlgorithm, seed drawSeed: UInt64) throws -> StructureInput {
        try rejectShapeOptions(except: Self.option(for: entry.input))
        if k != nil { throw ValidationError("--k goes with quickselect only") }
        if seed != nil && random == nil { throw ValidationError("--seed goes with --random") }
        if let slots { try CommandLineText.require(slots, in: 1...Self.maximumSlots, for: "--slots") }
        var input: StructureInput
        switch (self.input, random) {
        case (nil, nil):
            throw ValidationError("give the input with --input (\(entry.input.textForm)) or ask for --random N")
        case (.some, .some): throw ValidationError("--input and --random exclude each other")
        case (nil, .some(let n)):
            try CommandLineText.require(n, in: 1...Self.maximumCount, for: "--random")
            var generator = Xoshiro256StarStar(seed: drawSeed)
            input = StructureInputGenerator.input(entry.input, size: n, min: 0, max: 99, using: &generator)
        case (.some(let text), nil):
            do {
                input = try StructureInput.parse(text, as: entry.input, maximumItems: Self.maximumCount)
            } catch {
                throw ValidationError("--input: \(error.message)")
            }
        }
        switch input {
        case .search(let values, let drawn):
            guard let value = target ?? (random == nil ? nil : drawn) else {
                throw ValidationError("binary-search needs --target, the value to look for")
            }
            input = .search(values: values, target: value)
        case .graph(let graph, let drawn):
            let vertex = start ?? drawn
            guard (0..<graph.vertexCount).contains(vertex) else {
                throw ValidationError(
                    "--start must be a vertex of the graph, 0 to \(graph.vertexCount - 1), got \(vertex)")
            }
            input = .graph(graph, start: vertex)
        case .keys(let keys, let drawn):
            let m = slots ?? drawn
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
}
