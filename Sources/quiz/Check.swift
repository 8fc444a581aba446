import Presentation
import ArgumentParser
import BankCompiler
import QuizEngine

/// `quiz check`: validate banks like a compiler, reporting every problem in one run.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check question banks and report every problem with its place.",
        discussion: """
            Exit status: 0 when clean, 1 when there are errors (or warnings with \
            --warnings-as-errors), 2 when the sources cannot be read.
            """
    )

    @Argument(help: "Folders or files to check.")
    var paths: [String] = ["Banks"]

    @OptionGroup var source: SourceOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(help: "Treat warnings as errors.")
    var warningsAsErrors = false

    func run() throws {
        let result = try source.compile(paths)
        DiagnosticOutput.print(result, format: format)
        if result.errorCount > 0 || (warningsAsErrors && result.warningCount > 0) {
            throw ExitCode(1)
        }
    }
}

/// Options shared by the commands that read YAML sources: the front end's limits.
struct SourceOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Largest source file accepted, in bytes.", valueName: "bytes"))
    var maxFileBytes = YAMLLimits.standard.maxFileBytes

    @Option(help: ArgumentHelp("Deepest nesting of YAML collections.", valueName: "levels"))
    var maxDepth = YAMLLimits.standard.maxDepth

    @Option(help: ArgumentHelp("Longest scalar accepted, in bytes.", valueName: "bytes"))
    var maxScalarBytes = YAMLLimits.standard.maxScalarBytes

    @Option(help: ArgumentHelp("Most YAML nodes in one file.", valueName: "count"))
    var maxNodes = YAMLLimits.standard.maxNodes

    /// The largest byte limit accepted: the front end reads a whole file into memory.
    static let maximumBytes = 1 << 30

    func validate() throws {
        try CommandLineText.require(maxFileBytes, in: 1...Self.maximumBytes, for: "--max-file-bytes")
        try CommandLineText.require(maxDepth, in: 1...1_000, for: "--max-depth")
        try CommandLineText.require(maxScalarBytes, in: 1...Self.maximumBytes, for: "--max-scalar-bytes")
        try CommandLineText.require(maxNodes, in: 1...100_000_000, for: "--max-nodes")
    }

    var limits: YAMLLimits {
        YAMLLimits(maxFileBytes: maxFileBytes, maxDepth: maxDepth, maxScalarBytes: maxScalarBytes, maxNodes: maxNodes)
    }

    func compile(_ paths: [String]) throws -> CompilationResult {
        do {
            return try Compiler(limits: limits).compile(paths: paths)
        } catch {
            throw CommandFailure("\(error.description)")
        }
    }
}

/// Prints a compilation's diagnostics: text to stderr (excerpts and colour on a terminal), or
/// JSON to stdout.
enum DiagnosticOutput {
    static func print(_ result: CompilationResult, format: OutputFormat) {
        switch format {
        case .json:
            Swift.print(DiagnosticReport.json(result).text)
        case .text:
            StandardError.write(
                DiagnosticReport.text(
                    result, color: Terminal.allowsColor(fileDescriptor: 2), excerpts: Terminal.isTerminal(2)))
        }
    }
}
