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
        var skipped: [AlgorithmEntry] = []
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
                skipped.append(entry)
            }
        }
        if progress { StandardError.write("\u{1B}[2K") }
        let report = BenchmarkReport(
            results: results, skipped: skipped, n: n, input: input, runs: runs, seed: seed)
        switch format {
        case .json: print(report.json.text)
        case .text: report.table(color: Terminal.allowsColor(fileDescriptor: 1)).forEach { print($0) }
        }
        if results.isEmpty && !skipped.isEmpty { throw ExitCode(1) }
    }
}

extension BenchmarkInput: ExpressibleByArgument {}
