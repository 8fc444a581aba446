import ArgumentParser
import Presentation
import SortingCourse

/// `quiz course bench`: time the course's algorithms against the standard library.
struct CourseBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time every course algorithm against the standard library's sort().",
        discussion: """
            Each algorithm and Array.sort() run on copies of the same seeded data in the \
            same process; the median of --runs runs is shown, with the ratio \
            algorithm/stdlib (below 1.0 is faster) as a table and a bar chart. Every \
            output is checked against the standard library's before it counts.

            Data: n values uniform over all of Int ('random'), the same values ascending \
            ('sorted') or descending ('reversed'), or drawn from 8 distinct values \
            ('few-unique'). counting-sort is measured on values within -1000...1000 \
            (a 2,001-entry count table), as the course's acceptance criterion states; \
            quickselect selects the median. Quadratic algorithms (bubble, selection, \
            insertion) are skipped above n = 20,000, and so are quicksort-lomuto and \
            quickselect on 'few-unique', where Lomuto's partition degrades to O(n^2).

            Measure a release build (swift build -c release): a debug build makes the \
            generic code many times slower and the ratios meaningless.
            """
    )

    @Option(help: "The number of values.")
    var n = 1_000_000

    @Option(help: "The data: random, sorted, reversed or few-unique.")
    var input: BenchmarkInput = .random

    @Option(
        name: .customLong("algorithm"), parsing: .upToNextOption,
        help: ArgumentHelp("Only these algorithms (repeatable; default: all).", valueName: "name"))
    var algorithms: [String] = []

    @Option(help: "Runs per algorithm; the median counts.")
    var runs = 3

    @Option(help: "The seed of the data.")
    var seed: UInt64 = 1

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        // 100 million Ints are 800 MB, and the benchmark holds two copies.
        try CommandLineText.require(n, in: 1...100_000_000, for: "--n")
        try CommandLineText.require(runs, in: 1...100, for: "--runs")
        for name in algorithms where AlgorithmCatalog.entry(named: name) == nil {
            throw ValidationError(
                "unknown algorithm '\(CommandLineText.excerpt(name))'"
                    + CourseRun.didYouMean(
                        AlgorithmCatalog.suggestions(for: name), otherwise: "; see 'quiz course list'"))
        }
    }

    func run() throws {
        #if DEBUG
        StandardError.write("quiz: warning: this is a debug build; ratios are meaningless (build with -c release)\n")
        #endif
        let entries =
            algorithms.isEmpty
            ? AlgorithmCatalog.all
            : AlgorithmCatalog.all.filter { algorithms.contains($0.name) }
        let progress = Terminal.isTerminal(2)
        var results: [BenchmarkResult] = []
        var skipped: [(String, String)] = []
        for entry in entries {
            if progress { StandardError.write("\u{1B}[2Kmeasuring \(entry.name)…\r") }
            let outcome = Result { () throws(BenchmarkError) in
                try Benchmark.run(entry, n: n, input: input, runs: runs, seed: seed)
            }
            switch outcome {
            case .success(let result):
                results.append(result)
            case .failure(let error) where error.code != .tooLarge:
                StandardError.write("quiz: error: \(error.message)\n")
                throw ExitCode(1)
            case .failure:
                let reason =
                    entry.isQuadratic
                    ? "average \(entry.average) (limit n = \(Benchmark.quadraticLimit))"
                    : "O(n^2) on many equal keys (limit n = \(Benchmark.quadraticLimit))"
                skipped.append((entry.name, reason))
            }
        }
        if progress { StandardError.write("\u{1B}[2K") }
        switch format {
        case .json: print(json(results, skipped: skipped).text)
        case .text: printTable(results, skipped: skipped)
        }
        if results.isEmpty && !skipped.isEmpty { throw ExitCode(1) }
    }

    /// `{"results":[{"algorithm","input","n","seconds","stdlib_seconds","min","max"}],"skipped":[…]}`.
    func json(_ results: [BenchmarkResult], skipped: [(String, String)]) -> JSON {
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
            ("skipped", .array(skipped.map { .object([("algorithm", .string($0.0)), ("reason", .string($0.1))]) })),
        ])
    }

    func printTable(_ results: [BenchmarkResult], skipped: [(String, String)]) {
        let color = Terminal.allowsColor(fileDescriptor: 1)
        print("n = \(n), \(input.rawValue) input, median of \(runs) run\(runs == 1 ? "" : "s"), seed \(seed)")
        print("")
        let nameWidth = max(9, (results.map(\.algorithm.count).max() ?? 0)) + 2
        print(
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
            let style: Terminal.Style = ratio <= 1 ? .green : (ratio <= 2 ? .yellow : .red)
            var line = pad(r.algorithm, nameWidth) + lpad(format(r.seconds, 4), 9) + lpad(format(r.stdlibSeconds, 4), 9)
            line += lpad(format(ratio, 2), 7) + "   " + Terminal.paint(chart, style, enabled: color)
            if r.algorithm == "counting-sort" { line += "  (values in -1000...1000)" }
            if r.algorithm == "quickselect" { line += "  (selects the median)" }
            print(line)
        }
        for (name, reason) in skipped {
            print(pad(name, nameWidth) + Terminal.paint("skipped: \(reason)", .dim, enabled: color))
        }
    }

    func format(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return "-" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        let whole = scaled / Int(scale)
        let fraction = String(scaled % Int(scale))
        return "\(whole)." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }

    func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(1, width - text.count))
    }

    func lpad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(1, width - text.count)) + text
    }
}

extension BenchmarkInput: ExpressibleByArgument {}
