import Foundation
import FuzzHarness
import Testing

/// Replays every committed fuzz input (Tests/RobustnessTests/Corpus/<target>/: crashers found
/// by Tests/RobustnessTests/fuzz.sh, minimised, plus a few seeds) through the same entry point
/// the fuzz target calls, in process.
@Suite("Fuzz corpus replay")
struct CorpusReplayTests {
    static let targets: [(String, @Sendable ([UInt8]) -> [String])] = [
        ("FuzzYAML", YAMLHarness.check),
        ("FuzzIndex", IndexHarness.check),
        ("FuzzTagExpression", TagExpressionHarness.check),
    ]

    @Test(arguments: ["FuzzYAML", "FuzzIndex", "FuzzTagExpression"])
    func replay(_ target: String) throws {
        let check = try #require(Self.targets.first { $0.0 == target }?.1)
        let inputs = Robustness.corpus(target)
        #expect(!inputs.isEmpty, "no committed inputs for \(target)")
        for input in inputs {
            let bytes = [UInt8](try Data(contentsOf: input))
            let problems = check(bytes)
            #expect(problems.isEmpty, "\(target)/\(input.lastPathComponent): \(problems)")
        }
    }
}
