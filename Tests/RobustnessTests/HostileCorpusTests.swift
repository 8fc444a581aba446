import BankCompiler
import FuzzHarness
import Testing

/// The hostile corpus (FuzzHarness's ``HostileCorpus``): every input fails with a located
/// error or is accepted when valid. Time and memory are measured by `quiz-bench hostile`,
/// not here.
@Suite("Hostile corpus")
struct HostileCorpusTests {
    @Test(arguments: HostileCorpus.inputs)
    func outcome(_ input: HostileInput) {
        let result = input.compile(input.make())
        let problems = input.problems(in: result)
        #expect(problems.isEmpty, "\(input.name): \(problems)")
    }

    @Test func namesAreUnique() {
        let names = HostileCorpus.inputs.map(\.name)
        #expect(Set(names).count == names.count)
    }
}
