import ArgumentParser
import BankCompiler
import QuizEngine

/// `quiz compile`: check the banks and, when clean, write the verified binary index.
struct Compile: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: "Compile question banks into the binary index quiz reads.",
        discussion: """
            Runs every check of `quiz check`; writes nothing when there are errors. The index is \
            written atomically (temp file, fsync, rename), so readers never see half of one.
            """
    )

    @Argument(help: "The banks folder (or files) to compile.")
    var paths: [String] = ["Banks"]

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the index.", valueName: "path"))
    var output = IndexLocator.defaultPath

    @OptionGroup var source: SourceOptions

    @Flag(help: "Treat warnings as errors.")
    var warningsAsErrors = false

    @Flag(name: .shortAndLong, help: "Print nothing on success.")
    var quiet = false

    func run() throws {
        let clock = ContinuousClock()
        let start = clock.now
        var result = try source.compile(paths)
        let failed = result.errorCount > 0 || (warningsAsErrors && result.warningCount > 0)
        if !result.diagnostics.isEmpty || failed {
            DiagnosticOutput.print(result, format: .text)
        }
        guard !failed, let set = result.packedSet else { throw ExitCode(1) }
        let summary = "\(result.fileCount) files: \(set.banks.count) banks, \(set.questionCount) questions, \(set.tags.count) tags"
        // The writer lets each file's questions go once it has read them, when it holds the
        // only reference to the set.
        result.packedSet = nil
        let bytes: Int
        do {
            try WorkingIndex.write(consume set, to: output)
            bytes = try QuestionIndex(contentsOf: output).byteCount
        } catch {
            throw CommandFailure("\(error)")
        }
        let elapsed = clock.now - start
        if !quiet {
            let milliseconds =
                Int((Double(elapsed.components.attoseconds) / 1e15).rounded()) + Int(elapsed.components.seconds) * 1000
            print("compiled \(summary) -> \(output) (\(bytes) bytes) in \(milliseconds) ms")
        }
    }
}
