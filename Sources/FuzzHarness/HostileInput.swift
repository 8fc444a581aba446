import BankCompiler
import QuizEngine

/// One hostile source file and what the compiler must do with it.
///
/// The bytes are made on demand (some inputs are tens of megabytes). Shared by the
/// RobustnessTests (which check the outcome) and `quiz-bench hostile` (which measures the
/// time and memory each input costs).
public struct HostileInput: Sendable, CustomStringConvertible {
    /// What the compiler must report.
    public enum Expectation: Sendable {
        /// No error (warnings allowed).
        case accepted
        /// Errors, including at least these codes; the first error of the first code at the
        /// given line and column, when given.
        case rejected(Set<String>, line: Int? = nil, column: Int? = nil)
    }

    public var name: String
    public var expectation: Expectation
    public let make: @Sendable () -> [UInt8]

    public init(_ name: String, _ expectation: Expectation, _ make: @escaping @Sendable () -> [UInt8]) {
        self.name = name
        self.expectation = expectation
        self.make = make
    }

    public init(_ name: String, _ expectation: Expectation, text: @escaping @Sendable () -> String) {
        self.init(name, expectation) { Array(text().utf8) }
    }

    public var description: String { name }

    /// Compiles the input as `Banks/hostile.yaml` beside the harness vocabulary.
    public func compile(_ bytes: [UInt8], limits: YAMLLimits = .standard) -> CompilationResult {
        Compiler(limits: limits).compile([YAMLHarness.vocabulary, SourceFile(path: Self.path, bytes: bytes)])
    }

    public static let path = "Banks/hostile.yaml"

    /// What is wrong with `result` for this input, or nothing.
    public func problems(in result: CompilationResult) -> [String] {
        var problems: [String] = []
        for diagnostic in result.diagnostics {
            for place in [diagnostic.location] + diagnostic.notes.map(\.location)
            where place.file.isEmpty || place.line < 1 || place.column < 1 {
                problems.append("\(diagnostic.code) is not located: \(place.file):\(place.line):\(place.column)")
            }
        }
        let errors = result.diagnostics.filter { $0.severity == .error }
        let summary = errors.prefix(5).map { "\($0.location.line):\($0.location.column) \($0.code): \($0.message)" }
        switch expectation {
        case .accepted:
            if !errors.isEmpty { problems.append("expected no errors, got \(errors.count): \(summary)") }
        case .rejected(let codes, let line, let column):
            let found = Set(errors.map(\.code))
            if !codes.isSubset(of: found) { problems.append("expected \(codes.sorted()), got \(summary)") }
            if let first = errors.first(where: { codes.contains($0.code) }) {
                if let line, first.location.line != line {
                    problems.append("\(first.code) at line \(first.location.line), expected \(line)")
                }
                if let column, first.location.column != column {
                    problems.append("\(first.code) at column \(first.location.column), expected \(column)")
                }
            }
        }
        return problems
    }
}
