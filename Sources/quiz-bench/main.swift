#if canImport(Glibc)
import Glibc
#endif
/// quiz-bench: release benchmarks measured side by side in one run.
///
/// Usage: `swift run -c release quiz-bench [frontend] [index] [store] [draw] [hostile] [digest] [fsrs] [--questions N] [--cards N] [--runs N] [--shape standard|sparse|long|small]`
///
/// `quiz-bench generate DIR [--questions N]` writes the generated banks the benchmarks use to
/// `DIR` instead (for profiling `quiz compile DIR` with perf).
var arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String, default value: Int) -> Int {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count,
        let number = Int(arguments[index + 1])
    else { return value }
    arguments.removeSubrange(index...index + 1)
    return number
}
let questions = option("--questions", default: 70_000)
let cards = option("--cards", default: 100_000)
let runs = option("--runs", default: 5)
/// `--largest N` limits the index suite to sizes up to N (1000, 10000, 100000).
let largest = option("--largest", default: 100_000)
/// `--shape NAME` picks one generated shape for `generate` and the index suite (default: all).
var shapeOption: BankShape?
if let at = arguments.firstIndex(of: "--shape"), at + 1 < arguments.count {
    guard let shape = BankShape(rawValue: arguments[at + 1]) else {
        print("quiz-bench: unknown shape '\(arguments[at + 1])'; shapes: \(BankShape.allCases.map(\.rawValue).joined(separator: ", "))")
        exit(2)
    }
    shapeOption = shape
    arguments.removeSubrange(at...at + 1)
}
if arguments.first == "generate", arguments.count == 2 {
    let directory = arguments[1]
    for file in BankGenerator(questionCount: questions, seed: 7, shape: shapeOption ?? .standard).files() {
        let path = directory + "/" + file.path.split(separator: "/").last!
        mkdir(directory, 0o755)
        guard let stream = fopen(path, "w") else { fatalError("cannot write \(path)") }
        fputs(file.text, stream)
        fclose(stream)
    }
    print("wrote \(questions) generated questions to \(directory)")
    exit(0)
}
let suites = arguments.isEmpty ? ["frontend"] : arguments
#if DEBUG
print("warning: quiz-bench is a debug build; numbers are meaningless. Use swift run -c release quiz-bench.")
#endif
var allMet = true
for suite in suites {
    switch suite {
    case "frontend":
        allMet = FrontEndBenchmark(questionCount: questions, runs: runs).run() && allMet
    case "store":
        allMet = StoreBenchmark(cardCount: cards, reviewsPerCard: 10, runs: runs).run() && allMet
    case "hostile":
        allMet = HostileBenchmark().run() && allMet
    case "index":
        allMet =
            IndexBenchmark(
                sizes: [1_000, 10_000, 100_000].filter { $0 <= largest }, runs: runs,
                shapes: shapeOption.map { [$0] } ?? BankShape.allCases
            ).run() && allMet
    case "digest":
        DigestBenchmark(questionCount: questions, runs: runs).run()
    case "draw":
        allMet = DrawBenchmark(sizes: [10_000, 100_000, 1_000_000], runs: runs).run() && allMet
    case "fsrs":
        allMet = FSRSBenchmark(runs: runs).run() && allMet
    default:
        print("quiz-bench: unknown suite '\(suite)'; suites: frontend, index, draw, store, hostile, digest, fsrs")
        exit(2)
    }
}
print(allMet ? "all targets met" : "some targets missed")
