import SortingCourse

/// The results of `quiz course bench` as a table with ratio bars, or as JSON.
public struct BenchmarkReport {
    public let results: [BenchmarkResult]
    /// The algorithms refused at this size (quadratic ones above the limit).
    public let skipped: [AlgorithmEntry]
    public let n: Int
    public let input: BenchmarkInput
    public let runs: Int
    public let seed: UInt64

    public init(
        results: [BenchmarkResult], skipped: [AlgorithmEntry], n: Int, input: BenchmarkInput, runs: Int, seed: UInt64
    ) {
        self.results = results
        self.skipped = skipped
        self.n = n
        self.input = input
        self.runs = runs
        self.seed = seed
    }

    /// `{"results":[{"algorithm","input","n","seconds","stdlib_seconds","min","max"}],"skipped":[…]}`.
    public var json: JSON {
        .object([
            (
                "results",
                .array(
                    results.map { r in
                        .object([
                            ("algorithm", .string(r.algorithm)), ("input", .string(r.input.rawValue)), ("n", .int(r.n)),
                            ("seconds", .double(r.seconds)), ("stdlib_seconds", .double(r.stdlibSeconds)),
                            ("min", .int(r.min)), ("max", .int(r.max)),
                        ])
                    })
            ),
            (
                "skipped",
                .array(skipped.map { .object([("algorithm", .string($0.name)), ("reason", .string(Self.reason($0)))]) })
            ),
        ])
    }

    /// The table: one row per result with its ratio bar, then the skipped algorithms.
    public func table(color: Bool) -> [String] {
        var lines: [String] = []
        lines.append("n = \(n), \(input.rawValue) input, median of \(runs) run\(runs == 1 ? "" : "s"), seed \(seed)")
        lines.append("")
        let nameWidth = max(9, (results.map(\.algorithm.count).max() ?? 0)) + 2
        lines.append(
            pad("algorithm", nameWidth) + lpad("seconds", 9) + lpad("stdlib", 9) + lpad("ratio", 7)
                + "   ratio (| = stdlib)")
        let unit = 20.0  // bar characters per 1.0 of ratio
        let bar = color ? "█" : "#"
        for r in results {
            let ratio = r.ratio
            let length = min(Int((ratio * unit).rounded()), Int(unit * 3))
            var chart = ""
            for i in 0..<max(length, Int(unit) + 1) {
                if i == Int(unit) {
                    chart += "|"
                } else if i < length {
                    chart += bar
                } else {
                    chart += " "
                }
            }
            if ratio > 3 { chart += "…" }
            let style: TextStyle = ratio <= 1 ? .green : (ratio <= 2 ? .yellow : .red)
            var line = pad(r.algorithm, nameWidth) + lpad(format(r.seconds, 4), 9) + lpad(format(r.stdlibSeconds, 4), 9)
            line += lpad(format(ratio, 2), 7) + "   " + style.paint(chart, enabled: color)
            line += Self.note(r.algorithm).map { "  (\($0))" } ?? ""
            lines.append(line)
        }
        for entry in skipped {
            lines.append(pad(entry.name, nameWidth) + TextStyle.dim.paint("skipped: \(Self.reason(entry))", enabled: color))
        }
        return lines
    }

    /// Why `entry` was not measured at this size.
    private static func reason(_ entry: AlgorithmEntry) -> String {
        entry.isQuadratic
            ? "average \(entry.average) (limit n = \(Benchmark.quadraticLimit))"
            : "O(n^2) on many equal keys (limit n = \(Benchmark.quadraticLimit))"
    }

    /// What sets an algorithm's measurement apart: a narrower value range, or selection.
    private static func note(_ name: String) -> String? {
        guard let entry = AlgorithmCatalog.entry(named: name) else { return nil }
        if entry.kind == .selection { return "selects the median" }
        let range = Benchmark.valueRange(for: entry)
        return range == Int.min...Int.max ? nil : "values in \(range.lowerBound)...\(range.upperBound)"
    }

    private func format(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return "-" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        let whole = scaled / Int(scale)
        let fraction = String(scaled % Int(scale))
        return "\(whole)." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(1, width - text.count))
    }

    private func lpad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(1, width - text.count)) + text
    }
}
