import BankCompiler
import Foundation
import QuizEngine
import SortingCourse
import TestSupport
import Testing

/// Seeded mutants of the shipped banks must never crash or hang the compiler, and every
/// diagnostic must carry a file, a line ≥ 1 and a column ≥ 1.
@Suite("Mutated banks", .tags(.subprocess, .slow), .skippedInFastRuns)
struct MutationTests {
    static let banks = Robustness.shippedBanks()

    /// The shipped banks minus `tags.yaml` (the vocabulary is compiled unmutated beside each mutant).
    static var mutable: [(path: String, bytes: [UInt8])] { banks.filter { !$0.path.hasSuffix("/tags.yaml") } }

    @Test func inProcess() throws {
        let vocabulary = try #require(Self.banks.first { $0.path == "Banks/tags.yaml" })
        #expect(Self.mutable.count >= 5)
        var mutator = BankMutator(seed: 0x5EED_0008)
        let compiler = Compiler()
        let clock = ContinuousClock()
        var slowest = Duration.zero
        var rejected = 0
        for round in 0..<300 {
            let bank = Self.mutable[round % Self.mutable.count]
            let mutant = mutator.mutate(bank.bytes)
            let start = clock.now
            let result = compiler.compile([
                SourceFile(path: vocabulary.path, bytes: vocabulary.bytes), SourceFile(path: bank.path, bytes: mutant),
            ])
            slowest = max(slowest, clock.now - start)
            if result.errorCount > 0 { rejected += 1 }
            for diagnostic in result.diagnostics {
                for place in [diagnostic.location] + diagnostic.notes.map(\.location) {
                    #expect(
                        !place.file.isEmpty && place.line >= 1 && place.column >= 1,
                        "mutant \(round) of \(bank.path): \(diagnostic.code) at \(place.file):\(place.line):\(place.column)"
                    )
                }
            }
        }
        // Loose: a debug build checks the largest bank in well under a second; a hang would not.
        #expect(slowest < .seconds(10), "slowest mutant took \(slowest)")
        #expect(rejected > 100, "only \(rejected) of 300 mutants were rejected: the mutator is too gentle")
    }

    /// A handful of mutants through the real `quiz check`: exit status 1 and `file:line:col:` on
    /// every error line.
    @Test func throughTheCLI() throws {
        let directory = try TemporaryFolder().url
        defer { try? FileManager.default.removeItem(at: directory) }
        let vocabulary = try #require(Self.banks.first { $0.path == "Banks/tags.yaml" })
        try Data(vocabulary.bytes).write(to: directory.appendingPathComponent("tags.yaml"))
        var mutator = BankMutator(seed: 0xC11)
        var checked = 0
        let compiler = Compiler()
        for round in 0..<40 where checked < 8 {
            let bank = Self.mutable[(round * 7) % Self.mutable.count]
            let mutant = mutator.mutate(bank.bytes)
            // Only mutants with errors: a harmless edit (a duplicated comment line) exits 0.
            let inProcess = compiler.compile([
                SourceFile(path: "tags.yaml", bytes: vocabulary.bytes), SourceFile(path: "bank.yaml", bytes: mutant),
            ])
            guard inProcess.errorCount > 0 else { continue }
            checked += 1
            let file = directory.appendingPathComponent("bank.yaml")
            try Data(mutant).write(to: file)
            let (status, stdout, stderr) = try Self.quizCheck(directory)
            #expect(status == 1, "mutant \(round): exit \(status)\n\(stderr)")
            let errorLines = (stdout + "\n" + stderr).split(separator: "\n").filter { $0.contains(" error: ") }
            #expect(!errorLines.isEmpty, "mutant \(round): no error lines\n\(stdout)\n\(stderr)")
            for line in errorLines {
                #expect(
                    line.wholeMatch(of: /.+\.yaml:[1-9][0-9]*:[1-9][0-9]*: error: .*/) != nil,
                    "mutant \(round): \(line)")
            }
        }
        #expect(checked == 8)
    }

    static func quizCheck(_ directory: URL) throws -> (Int32, String, String) {
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        let output = try ChildProcess.run(Robustness.quiz, ["check", directory.path], environment: environment)
        return (output.status, output.stdout, output.stderr)
    }
}
