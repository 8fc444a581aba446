import AlgorithmTraces
import ArgumentParser
import Presentation
import SortingCourse

/// `quiz course run ALGORITHM`: run a course algorithm on an input and show every step.
struct CourseRun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a course algorithm step by step and show its trace.",
        discussion: """
            Each row is one step: a comparison, a swap, a write or the end of a pass, with \
            the array right after it. In the array, <x> marks the two compared elements, \
            *x* the positions just changed and (x) a pivot in its final place; a | is \
            the cursor between the sorted and the unsorted part (bubble, selection, \
            insertion and heap sort). Pass rows show the array after that pass, which is \
            what trace questions ask about. Colour only on a terminal, never with NO_COLOR.

            The algorithms beyond sorting take their own input shapes: binary-search a \
            sorted list and --target; binary-heap operations ('push 5,push 3,pop'); bfs \
            and dfs an edge list (0-1,0-2,1-3) and --start (default 0); linear-probing \
            the keys and --slots (default: the smallest prime above the number of keys).

            Examples:
              quiz course run bubble-sort --input 5,2,4,6,1,3
              quiz course run quickselect --input 5,2,4,6,1,3 --k 2
              quiz course run radix-sort --random 8 --seed 7 --format json
              quiz course run binary-search --input 1,3,4,7,9,12 --target 9
              quiz course run binary-heap --input 'push 5,push 3,push 8,pop'
              quiz course run bfs --input 0-1,0-3,1-4,3-2 --start 0
              quiz course run linear-probing --random 6 --seed 2
            """
    )

    /// The most values a run traces (every step keeps a copy of the array).
    static let maximumCount = 100

    @Argument(help: ArgumentHelp("A catalog name, such as merge-sort.", valueName: "algorithm"))
    var algorithm: String

    // `.unconditional`: `--input -3,1,2` is a value, not an unknown option.
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "The values, separated by commas: 5,2,4,6,1,3 (negative values too); beyond sorting, the form above.",
            valueName: "values"))
    var input: String?

    @Option(
        help: ArgumentHelp(
            "Run on N random values in 0...99 instead (at most 100; beyond sorting: N values, operations, vertices or keys).",
            valueName: "n"))
    var random: Int?

    @Option(help: "The seed of --random (printed when omitted, so a run can be replayed).")
    var seed: UInt64?

    @Option(help: "For quickselect: the 1-based rank to select (default: the lower median).")
    var k: Int?

    @Option(parsing: .unconditional, help: "For binary-search: the value to look for (drawn with --random).")
    var target: Int?

    @Option(help: "For bfs and dfs: the start vertex (default 0; drawn with --random).")
    var start: Int?

    @Option(help: "For linear-probing: the table's number of slots m, h(k) = k mod m.")
    var slots: Int?

    @Flag(help: "On a terminal, wait for Enter after every step.")
    var step = false

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        if let entry = TracedAlgorithmCatalog.entry(named: algorithm) {
            _ = try structureInput(for: entry, seed: 0)
            return
        }
        if AlgorithmCatalog.entry(named: algorithm) == nil {
            throw ValidationError(
                "unknown algorithm '\(CommandLineText.excerpt(algorithm))'"
                    + Self.didYouMean(
                        TracedAlgorithmCatalog.suggestions(for: algorithm), otherwise: "; see 'quiz course list'"))
        }
        try rejectShapeOptions()
        switch (input, random) {
        case (nil, nil): throw ValidationError("give the values with --input 5,2,4 or ask for --random N")
        case (.some, .some): throw ValidationError("--input and --random exclude each other")
        case (nil, .some(let n)):
            guard (1...Self.maximumCount).contains(n) else {
                throw ValidationError("--random must be in 1...\(Self.maximumCount), got \(n)")
            }
        case (.some(let text), nil):
            let values = try Self.parseValues(text)
            guard values.count <= Self.maximumCount else {
                throw ValidationError("--input has \(values.count) values; at most \(Self.maximumCount) can be traced")
            }
        }
        if seed != nil && random == nil { throw ValidationError("--seed goes with --random") }
        if k != nil && algorithm != "quickselect" { throw ValidationError("--k goes with quickselect only") }
    }

    func run() throws {
        if let entry = TracedAlgorithmCatalog.entry(named: algorithm) { return try runStructure(entry) }
        let entry = AlgorithmCatalog.entry(named: algorithm)!
        var usedSeed: UInt64?
        let values: [Int]
        if let text = input {
            values = try Self.parseValues(text)
        } else {
            let s = seed ?? UInt64.random(in: 0...999_999)
            usedSeed = s
            values = InputGenerator.traceInput(size: random!, min: 0, max: 99, seed: s)
        }
        let trace: SortTrace
        do {
            trace = try entry.trace(values, k: k)
        } catch {
            throw ValidationError(error.message)
        }
        switch format {
        case .json:
            print(Self.json(trace, seed: usedSeed).text)
        case .text:
            let renderer = TraceRenderer(
                trace: trace, entry: entry, seed: usedSeed, color: Terminal.allowsColor(fileDescriptor: 1))
            TracePrinter.print(renderer, step: step)
        }
    }

    static func parseValues(_ text: String) throws -> [Int] {
        let parts = text.split(whereSeparator: { $0 == "," || $0 == " " })
        guard !parts.isEmpty else { throw ValidationError("--input has no values") }
        return try parts.map { part in
            guard let value = Int(part) else {
                throw ValidationError(
                    "--input: '\(CommandLineText.excerpt(String(part)))' is not an integer from \(Int.min) to \(Int.max)")
            }
            return value
        }
    }

    /// `{"algorithm","input","output","steps":[…],"comparisons","swaps","writes","passes"}`,
    /// plus `"seed"` for --random and `"k"`/`"selected"` for quickselect.
    static func json(_ trace: SortTrace, seed: UInt64?) -> JSON {
        func ints(_ values: [Int]) -> JSON { .array(values.map(JSON.int)) }
        let steps: [JSON] = trace.steps.map { step in
            var pairs: [(String, JSON)] = [("event", .string(step.event.name))]
            if case .pass(let p) = step.event {
                pairs.append(("pass", .int(p)))
            } else {
                pairs.append(("indices", ints(step.event.offsets)))
            }
            pairs.append(("array", ints(step.array)))
            return .object(pairs)
        }
        var pairs: [(String, JSON)] = [
            ("algorithm", .string(trace.algorithm)),
            ("input", ints(trace.input)),
            ("output", ints(trace.output)),
            ("steps", .array(steps)),
            ("comparisons", .int(trace.comparisons)),
            ("swaps", .int(trace.swaps)),
            ("writes", .int(trace.writes)),
            ("passes", .int(trace.passes)),
        ]
        if let seed { pairs.append(("seed", .unsigned(seed))) }
        if let k = trace.k { pairs.append(("k", .int(k))) }
        if let selected = trace.selected { pairs.append(("selected", .int(selected))) }
        return .object(pairs)
    }

    /// "; did you mean 'x'?" for the suggestions, or `otherwise` when there are none.
    static func didYouMean(_ suggestions: [String], otherwise: String = "") -> String {
        guard let first = suggestions.first else { return otherwise }
        if suggestions.count == 1 { return "; did you mean '\(first)'?" }
        return "; did you mean " + suggestions.dropLast().map { "'\($0)'" }.joined(separator: ", ")
            + " or '\(suggestions.last!)'?"
    }
}

