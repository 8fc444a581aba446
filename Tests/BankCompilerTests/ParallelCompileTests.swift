import BankCompiler
import QuizEngine
import Testing

/// Files are checked on every core, each into its own bag, and merged in path order: the result
/// must be the one a single pass over the files gives, whatever the schedule.
@Suite("Parallel compile")
struct ParallelCompileTests {
    /// A bank of `count` flashcards; every `badEvery`-th carries an unknown field (an error).
    /// Unless `uniquePrompts`, prompts repeat within and across banks (duplicate-prompt warnings
    /// whose notes point at other files).
    static func bank(_ id: String, count: Int, badEvery: Int = 0, uniquePrompts: Bool = false) -> String {
        var text = "bank: \(id)\ntitle: Bank \(id)\ntags: [databases]\nquestions:\n"
        for index in 0..<count {
            let prompt = uniquePrompts ? "Prompt \(index) of bank \(id)?" : "Prompt number \(index % 7)?"
            text += "  - id: q\(index)\n    type: flashcard\n    prompt: \(prompt)\n    answer: A\n"
            if badEvery > 0, index % badEvery == 0 { text += "    bogus: \(index)\n" }
        }
        return text
    }

    static func sources() -> [SourceFile] {
        var sources = [SourceFile(path: "Banks/tags.yaml", text: testVocabulary)]
        for index in 0..<13 {
            let count = [3, 40, 1, 250, 17, 90, 5][index % 7]
            sources.append(
                SourceFile(path: "Banks/b\(index).yaml", text: bank("b\(index)", count: count, badEvery: index % 4)))
        }
        sources.append(SourceFile(path: "Banks/broken.yaml", text: "bank: [unclosed\n"))
        return sources
    }

    /// Orders the sources are handed over in; the compiler sorts them by path itself.
    enum Order: String, CaseIterable, Sendable {
        case asGiven
        case reversed
        case oddPositionsFirst

        func apply(_ sources: [SourceFile]) -> [SourceFile] {
            switch self {
            case .asGiven: sources
            case .reversed: sources.reversed()
            case .oddPositionsFirst:
                sources.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
                    + sources.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
            }
        }
    }

    @Test(arguments: Order.allCases)
    func resultIgnoresInputOrderAndSchedule(order: Order) {
        let reference = Compiler().compile(Self.sources())
        #expect(reference.errorCount > 0)
        #expect(reference.warningCount > 0)
        for _ in 0..<5 {
            let result = Compiler().compile(order.apply(Self.sources()))
            #expect(result.diagnostics == reference.diagnostics, "\(order)")
            #expect(result.fileCount == reference.fileCount, "\(order)")
        }
    }

    @Test func cleanBanksLowerToTheSameSet() {
        var sources = [SourceFile(path: "Banks/tags.yaml", text: testVocabulary)]
        for index in 0..<9 {
            sources.append(
                SourceFile(
                    path: "Banks/c\(index).yaml",
                    text: Self.bank("c\(index)", count: 30 * index + 1, uniquePrompts: true)))
        }
        let forward = Compiler().compile(sources)
        let backward = Compiler().compile(sources.reversed())
        #expect(forward.errorCount == 0, "\(forward.diagnostics.map { "\($0.location.line): \($0.message)" })")
        #expect(forward.questionSet?.questions.count == (0..<9).reduce(0) { $0 + 30 * $1 + 1 })
        #expect(forward.questionSet == backward.questionSet)
        #expect(forward.diagnostics == backward.diagnostics)
    }

    /// Two sources with one path share the per-file cap of 100, as they do in one pass: the
    /// second file's errors fill what the first left and the rest are counted in one line.
    @Test func filesSharingAPathShareTheCap() {
        let result = Compiler().compile([
            SourceFile(path: "Banks/tags.yaml", text: testVocabulary),
            SourceFile(path: "Banks/same.yaml", text: Self.bank("first", count: 80, badEvery: 1)),
            SourceFile(path: "Banks/same.yaml", text: Self.bank("second", count: 80, badEvery: 1)),
        ])
        let shown = result.diagnostics.filter { $0.code == "unknown-field" }
        let summaries = result.diagnostics.filter { $0.code == "too-many-errors" }
        #expect(shown.count == 100)
        #expect(summaries.count == 1)
        #expect(summaries.first?.message.hasPrefix("60 more problems") == true)
        // The first suppressed error is the second file's 21st question's bogus field.
        #expect(summaries.first?.location.line == 9 + 20 * 5)
    }

    /// A bank we did not write can raise more than 100 warnings and no error: the summary of
    /// the warnings not shown is a warning, so the bank still compiles (it used to be an
    /// error, which failed `quiz compile` on a clean 5,000-question file).
    @Test func manyWarningsAndNoErrorStillCompile() {
        var text = "bank: loud\ntitle: Loud\ntags: [databases]\nquestions:\n"
        for index in 0..<150 {
            text += "  - id: q\(index)\n    type: short\n    prompt: Is the answer word\(index) here?\n    accept: [word\(index)]\n"
        }
        let result = Compiler().compile([
            SourceFile(path: "Banks/tags.yaml", text: testVocabulary), SourceFile(path: "Banks/loud.yaml", text: text),
        ])
        #expect(result.errorCount == 0)
        #expect(result.questionSet?.questions.count == 150)
        let summary = result.diagnostics.filter { $0.code == "too-many-warnings" }
        #expect(summary.count == 1 && summary.first?.severity == .warning)
        #expect(summary.first?.message.hasPrefix("50 more warnings") == true)
        #expect(!result.diagnostics.contains { $0.severity == .error })
    }
}
