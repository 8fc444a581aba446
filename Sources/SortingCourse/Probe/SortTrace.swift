/// One elementary step of a traced run.
public enum SortEvent: Hashable, Sendable {
    /// The predicate was called on the elements at these offsets, in this order.
    case compare(Int, Int)
    /// The elements at these two different offsets were exchanged.
    case swap(Int, Int)
    /// An element was stored at this offset.
    case write(Int)
    /// Pass number `p` (1-based) ended.
    case pass(Int)
    /// A partition put its pivot at this offset (its final position).
    case pivot(Int)

    /// The event's name as used in JSON: `compare`, `swap`, `write`, `pass`, `pivot`.
    public var name: String {
        switch self {
        case .compare: "compare"
        case .swap: "swap"
        case .write: "write"
        case .pass: "pass"
        case .pivot: "pivot"
        }
    }

    /// The offsets the event touches (empty for a pass boundary).
    public var offsets: [Int] {
        switch self {
        case .compare(let i, let j), .swap(let i, let j): [i, j]
        case .write(let i), .pivot(let i): [i]
        case .pass: []
        }
    }
}

/// A step of a trace: what happened, and the whole array right after it.
public struct SortStep: Hashable, Sendable {
    public var event: SortEvent
    /// The array after the event.
    public var array: [Int]

    public init(event: SortEvent, array: [Int]) {
        self.event = event
        self.array = array
    }
}

/// The complete, replayable record of one algorithm run on an `[Int]`.
///
/// A trace is plain data: the course renders it as cursor rows, the CLI encodes it as
/// JSON, and trace questions read their answers from it. Step `array`s are snapshots
/// taken right after each event, so `steps.last?.array == output` whenever the run
/// moved anything.
public struct SortTrace: Hashable, Sendable {
    /// The catalog name of the algorithm that ran.
    public var algorithm: String
    public var input: [Int]
    /// The array when the run finished (for quickselect: partially reordered).
    public var output: [Int]
    public var steps: [SortStep]
    /// Calls of the comparison predicate.
    public var comparisons: Int
    /// Exchanges of two different positions.
    public var swaps: Int
    /// Single-position stores (shifts, merges, scatters, write-backs).
    public var writes: Int
    /// Pass boundaries, as defined by the algorithm.
    public var passes: Int
    /// The offset where the first partition put its pivot, for partitioning algorithms.
    public var firstPivotIndex: Int?
    /// For quickselect: the requested 1-based rank.
    public var k: Int?
    /// For quickselect: the k-th smallest value it returned.
    public var selected: Int?

    public init(
        algorithm: String, input: [Int], output: [Int], steps: [SortStep],
        comparisons: Int, swaps: Int, writes: Int, passes: Int,
        firstPivotIndex: Int? = nil, k: Int? = nil, selected: Int? = nil
    ) {
        self.algorithm = algorithm
        self.input = input
        self.output = output
        self.steps = steps
        self.comparisons = comparisons
        self.swaps = swaps
        self.writes = writes
        self.passes = passes
        self.firstPivotIndex = firstPivotIndex
        self.k = k
        self.selected = selected
    }

    /// The arrays right after each pass boundary, in order (`count == passes`).
    public var passSnapshots: [[Int]] {
        steps.compactMap { step in
            if case .pass = step.event { step.array } else { nil }
        }
    }

    /// The array right after pass `pass` (1-based), or `nil` when the run made fewer passes.
    public func array(afterPass pass: Int) -> [Int]? {
        guard pass >= 1 else { return nil }
        for step in steps {
            if case .pass(let p) = step.event, p == pass { return step.array }
        }
        return nil
    }
}

// MARK: - JSON

extension SortStep: Codable {
    private enum CodingKeys: String, CodingKey { case event, indices, pass, array }

    /// `{"event":"compare","indices":[0,1],"array":[…]}`, or for a pass boundary
    /// `{"event":"pass","pass":2,"array":[…]}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(event.name, forKey: .event)
        if case .pass(let p) = event {
            try container.encode(p, forKey: .pass)
        } else {
            try container.encode(event.offsets, forKey: .indices)
        }
        try container.encode(array, forKey: .array)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(String.self, forKey: .event)
        let array = try container.decode([Int].self, forKey: .array)
        let event: SortEvent
        if name == "pass" {
            event = .pass(try container.decode(Int.self, forKey: .pass))
        } else {
            let o = try container.decode([Int].self, forKey: .indices)
            switch (name, o.count) {
            case ("compare", 2): event = .compare(o[0], o[1])
            case ("swap", 2): event = .swap(o[0], o[1])
            case ("write", 1): event = .write(o[0])
            case ("pivot", 1): event = .pivot(o[0])
            default:
                throw DecodingError.dataCorruptedError(
                    forKey: .event, in: container, debugDescription: "unknown step '\(name)'")
            }
        }
        self.init(event: event, array: array)
    }
}

extension SortTrace: Codable {
    private enum CodingKeys: String, CodingKey {
        case algorithm, input, output, steps, comparisons, swaps, writes, passes
        case firstPivotIndex = "first_pivot_index", k, selected
    }
}
