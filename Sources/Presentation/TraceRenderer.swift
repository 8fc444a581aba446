import SortingCourse

/// Renders a trace as cursor rows: one line per step, the array with marked cells.
public struct TraceRenderer {
    public let trace: SortTrace
    public let entry: AlgorithmEntry
    /// The seed of a random input, shown beside it.
    public let seed: UInt64?
    public let color: Bool

    public init(trace: SortTrace, entry: AlgorithmEntry, seed: UInt64?, color: Bool) {
        self.trace = trace
        self.entry = entry
        self.seed = seed
        self.color = color
        width = (trace.input + trace.steps.flatMap(\.array)).map { String($0).count }.max() ?? 1
    }

    /// The title, the input and the legend, then the start row.
    public var header: [String] {
        var lines: [String] = []
        let title =
            "\(entry.name): \(entry.title), \(entry.stable ? "stable" : "not stable"), "
            + "\(entry.inPlace ? "in place" : "not in place"), average \(entry.average)"
        lines.append(paint(title, .bold))
        lines.append("input:  \(trace.input)" + (seed.map { "  (seed \($0))" } ?? ""))
        if let k = trace.k { lines.append("k:      \(k)") }
        lines.append(
            paint("<x> compared", .yellow) + "  " + paint("*x* changed", .red) + "  "
                + paint("(x) pivot placed", .cyan) + "  | sorted part begins")
        lines.append("")
        lines.append(
            pad("start", Self.labelWidth) + row(trace.input, marks: [:], boundary: boundary(afterPasses: 0)))
        return lines
    }

    private static let labelWidth = 18

    /// The widest value's digits, so the columns line up.
    private let width: Int

    /// One row per step: its number, what happened, and the array right after it.
    public var rows: [String] {
        var rows: [String] = []
        var passesDone = 0
        for (number, step) in trace.steps.enumerated() {
            var marks: [Int: Mark] = [:]
            let label: String
            switch step.event {
            case .compare(let i, let j):
                marks[i] = .compared
                marks[j] = .compared
                label = "compare \(i) \(j)"
            case .swap(let i, let j):
                marks[i] = .changed
                marks[j] = .changed
                label = "swap \(i) \(j)"
            case .write(let i):
                marks[i] = .changed
                label = "write \(i)"
            case .pivot(let i):
                marks[i] = .pivot
                label = "pivot at \(i)"
            case .pass(let p):
                label = "pass \(p)"
                passesDone = p
            }
            var line =
                pad("\(number + 1)", 5) + " " + pad(label, Self.labelWidth - 6)
                + row(step.array, marks: marks, boundary: boundary(afterPasses: passesDone))
            if case .pass = step.event { line = paint(line, .bold) }
            rows.append(line)
        }
        return rows
    }

    /// The output, the selected value of a selection, and the counts.
    public var footer: [String] {
        var lines = ["", "output: \(trace.output)"]
        if let selected = trace.selected { lines.append("k-th smallest: \(selected)") }
        lines.append(
            "\(trace.comparisons) comparisons, \(trace.swaps) swaps, \(trace.writes) writes, \(trace.passes) passes")
        return lines
    }

    private enum Mark { case compared, changed, pivot }

    /// The cells of a row, separated by spaces, with a `|` cursor at `boundary`.
    private func row(_ values: [Int], marks: [Int: Mark], boundary: Int?) -> String {
        var text = "["
        for (offset, value) in values.enumerated() {
            text += offset == boundary ? "|" : " "
            let digits = String(repeating: " ", count: width - String(value).count) + String(value)
            switch marks[offset] {
            case nil: text += " \(digits) "
            case .compared: text += paint("<\(digits)>", .yellow)
            case .changed: text += paint("*\(digits)*", .red)
            case .pivot: text += paint("(\(digits))", .cyan)
            }
        }
        return text + (boundary == values.count ? "|" : " ") + "]"
    }

    /// Where the cursor between the sorted and the unsorted part stands after
    /// `passes` passes, for the algorithms that grow a sorted region one pass at a time.
    private func boundary(afterPasses passes: Int) -> Int? {
        entry.sortedBoundary(afterPasses: passes, count: trace.input.count)
    }

    private func paint(_ text: String, _ style: TextStyle) -> String { style.paint(text, enabled: color) }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
