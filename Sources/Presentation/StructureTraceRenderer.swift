import AlgorithmTraces

/// Renders a trace of an algorithm beyond sorting: one row per step, with what happened and
/// the structure right after it (binary search: the window still in play).
public struct StructureTraceRenderer {
    public let trace: StructureTrace
    public let entry: TracedAlgorithm
    /// The seed of a random input, shown beside it.
    public let seed: UInt64?
    public let color: Bool

    public init(trace: StructureTrace, entry: TracedAlgorithm, seed: UInt64?, color: Bool) {
        self.trace = trace
        self.entry = entry
        self.seed = seed
        self.color = color
        let numbers = trace.input.numbers + trace.steps.flatMap { $0.state.compactMap { $0 } }
        width = numbers.map { String($0).count }.max() ?? 1
    }

    private let width: Int
    private static let labelWidth = 20

    /// The title, the input as a prompt shows it, the seed and the legend.
    public var header: [String] {
        var lines = [paint("\(entry.name): \(entry.title), \(entry.time), extra space \(entry.space)", .bold)]
        lines += trace.input.lines
        if let seed { lines.append("(seed \(seed))") }
        lines.append(legend)
        lines.append("")
        return lines
    }

    private var legend: String {
        switch trace.input {
        case .search: paint("<x> probed", .yellow) + "  · outside the window low...high"
        case .heapOperations: paint("*x* changed", .red) + "  the heap's array after each step"
        case .graph:
            entry.isBreadthFirst
                ? "the queue after each step, front first" : "the open calls after each step, start first"
        case .keys: paint("<x> taken, probe on", .yellow) + "  " + paint("*x* placed", .red) + "  · empty"
        }
    }

    /// One row per step: its number, the event and the state.
    public var rows: [String] {
        var pops = 0
        return trace.steps.enumerated().map { number, step in
            var text = label(step)
            if case .pop = step.event, pops < trace.popped.count {
                text += " \(trace.popped[pops])"
                pops += 1
            }
            return pad("\(number + 1)", 5) + " " + pad(text, Self.labelWidth - 6) + state(step)
        }
    }

    /// The answer a trace question asks for, and the rest of the outcome.
    public var footer: [String] {
        let answer = trace.answer.map(String.init).joined(separator: " ")
        switch trace.input {
        case .search:
            return [
                "", "probed indices: \(answer)",
                trace.foundIndex.map { "found at index \($0)" } ?? "not found",
            ]
        case .heapOperations:
            return [
                "", "heap array: [\(answer)]",
                "popped: " + (trace.popped.isEmpty ? "nothing" : trace.popped.map(String.init).joined(separator: " ")),
            ]
        case .graph:
            return ["", "visit order: \(answer)"]
        case .keys(let keys, _):
            return [
                "", "slots, key by key: " + zip(keys, trace.answer).map { "\($0)→\($1)" }.joined(separator: " "),
                "table: " + cells(trace.table, marks: [:]),
            ]
        }
    }

    private func label(_ step: AlgorithmStep) -> String {
        switch step.event {
        case .probe(let index, let low, let high): "probe \(index) (\(low)-\(high))"
        case .push(let index): "push \(step.state[index].map(String.init) ?? "")"
        case .pop: "pop"
        case .swap(let i, let j): "swap \(i) \(j)"
        case .discover(let v): (entry.isBreadthFirst ? "enqueue " : "discover ") + "\(v)"
        case .visit(let v): "visit \(v)"
        case .finish(let v): "finish \(v)"
        case .collide(let slot): "slot \(slot) taken"
        case .place(let slot): "place at \(slot)"
        }
    }

    private func state(_ step: AlgorithmStep) -> String {
        switch (trace.input, step.event) {
        case (.search(let values, _), .probe(let index, let low, let high)):
            let window: [Int?] = values.indices.map { (low...high).contains($0) ? values[$0] : nil }
            return cells(window, marks: [index: .probed])
        case (.heapOperations, .push(let index)):
            return cells(step.state, marks: [index: .changed])
        case (.heapOperations, .pop):
            return cells(step.state, marks: step.state.isEmpty ? [:] : [0: .changed])
        case (.heapOperations, .swap(let i, let j)):
            return cells(step.state, marks: [i: .changed, j: .changed])
        case (.graph, _):
            return (entry.isBreadthFirst ? "queue " : "path ") + cells(step.state, marks: [:])
        case (.keys, .collide(let slot)):
            return cells(step.state, marks: [slot: .probed])
        case (.keys, .place(let slot)):
            return cells(step.state, marks: [slot: .changed])
        default:
            return cells(step.state, marks: [:])
        }
    }

    private enum Mark { case probed, changed }

    /// `[ 3 <5> *8* · ]`: the values padded to one width, `·` for an empty cell.
    private func cells(_ values: [Int?], marks: [Int: Mark]) -> String {
        var text = "["
        for (offset, value) in values.enumerated() {
            let shown = value.map(String.init) ?? "·"
            let digits = String(repeating: " ", count: max(0, width - shown.count)) + shown
            switch marks[offset] {
            case nil: text += " \(digits) "
            case .probed: text += paint("<\(digits)>", .yellow)
            case .changed: text += paint("*\(digits)*", .red)
            }
        }
        return text + "]"
    }

    private func paint(_ text: String, _ style: TextStyle) -> String { style.paint(text, enabled: color) }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
