import BankCompiler
import YAMLScanC

/// Issue 2's benchmark: the front end's parse time of a ~40 MB generated bank against
/// libyaml's bare event scan of the same bytes, side by side in one run.
struct FrontEndBenchmark {
    let questionCount: Int
    let runs: Int

    func run() -> Bool {
        let files = BankGenerator(questionCount: questionCount, seed: 42).files()
        let sources = files.map { SourceFile(path: $0.path, text: $0.text) }
        let bytes = sources.reduce(0) { $0 + $1.bytes.count }
        print("front end: \(questionCount) generated questions, \(sources.count) files, \(bytes) bytes")

        var events = 0
        var nodes = 0
        var questions = 0
        let compiler = Compiler()
        let times = Measure.interleaved(
            runs: runs,
            [
                {
                    events = 0
                    for source in sources {
                        events += source.bytes.withUnsafeBufferPointer {
                            yaml_scan_count_events($0.baseAddress, $0.count)
                        }
                    }
                },
                {
                    let result = compiler.parseOnly(sources)
                    nodes = result.nodes
                    precondition(result.diagnostics == 0, "generated bank must parse cleanly")
                },
                {
                    let result = compiler.compile(sources)
                    precondition(result.errorCount == 0, "generated bank must check cleanly")
                    questions = result.packedSet?.questionCount ?? 0
                },
            ])
        let (bare, frontEnd, check) = (times[0], times[1], times[2])
        precondition(questions == questionCount)
        let megabytes = Double(bytes) / 1e6
        let ratio = frontEnd / bare
        print(
            "  libyaml bare event scan (C)   \(Measure.format(bare))  \(String(format3: megabytes / bare)) MB/s  \(events) events"
        )
        print(
            "  front end (scan + arena)      \(Measure.format(frontEnd))  \(String(format3: megabytes / frontEnd)) MB/s  \(nodes) nodes"
        )
        print("  full check (front end + schema + lowering)  \(Measure.format(check))")
        print("  ratio front end / bare scan: \(String(format3: ratio))x (target <= 1.8x)")
        print("  ratio full check / bare scan: \(String(format3: check / bare))x")
        return ratio <= 1.8
    }
}
