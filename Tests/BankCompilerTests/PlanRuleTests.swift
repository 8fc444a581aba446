import BankCompiler
import QuizEngine
import Testing

/// The rules of `interviews.yaml`: located diagnostics for plans, stages and slots, checked
/// against a small bank whose tags the slots draw on.
@Suite("Interview plan rules")
struct PlanRuleTests {
    /// Two behavioral questions (one easy) and one about databases.
    static let bank = """
        bank: sample
        title: Sample
        questions:
          - id: feedback-story
            type: open
            prompt: Tell me about feedback you received.
            guidance: A concrete story.
            tags: [behavioral, feedback]
            difficulty: easy
          - id: conflict-story
            type: open
            prompt: Tell me about a disagreement.
            guidance: A concrete story.
            tags: [behavioral]
          - id: index-kinds
            type: flashcard
            prompt: What does a B-tree index speed up?
            answer: Range and equality lookups.
            tags: [databases]
        """

    /// A plan of one stage around `slots` (already indented as list items of `slots:`).
    static func plans(_ slots: String, minutes: String = "10") -> String {
        "plans:\n  loop:\n    title: Loop\n    stages:\n      - title: Screen\n        interviewer: a recruiter\n"
            + "        looks-for: fit\n        minutes: \(minutes)\n        slots:\n" + slots
    }

    static let cases: [RuleCase] = [
        RuleCase("clean plan", plans("          - tags: behavioral\n            count: 2\n"), []),
        RuleCase(
            "difficulty words select by difficulty",
            plans("          - tags: behavioral & easy\n            count: 1\n"), []),
        RuleCase(
            "a slot asking for more than match",
            plans("          - tags: 1️⃣behavioral & !feedback\n            count: 2\n"),
            [("1️⃣", "unsatisfiable-slot")]),
        RuleCase(
            "an undeclared tag, with did-you-mean",
            plans("          - tags: 1️⃣behavioural\n            count: 1\n"), [("1️⃣", "undeclared-tag")]),
        RuleCase(
            "an expression that does not parse",
            plans("          - tags: 1️⃣behavioral &\n            count: 1\n"), [("1️⃣", "invalid-expression")]),
        RuleCase(
            "a count of zero and a missing tags field",
            plans("          - tags: behavioral\n            count: 1️⃣0\n          - 2️⃣count: 1\n"),
            [("1️⃣", "out-of-range"), ("2️⃣", "missing-field")]),
        RuleCase(
            "minutes out of range",
            plans("          - tags: databases\n            count: 1\n", minutes: "1️⃣0"), [("1️⃣", "out-of-range")]),
        RuleCase(
            "unknown stage field",
            "plans:\n  loop:\n    title: Loop\n    stages:\n      - title: Screen\n        interviewer: a recruiter\n"
                + "        looks-for: fit\n        minutes: 5\n        1️⃣budget: 5\n        slots:\n"
                + "          - tags: databases\n            count: 1\n",
            [("1️⃣", "unknown-field")]),
        RuleCase(
            "plan name format and empty stages",
            "plans:\n  1️⃣Loop:\n    title: Loop\n    stages: []\n  other:\n    title: Other\n    stages: 2️⃣[]\n",
            [("1️⃣", "invalid-id"), ("2️⃣", "empty-list")]),
    ]

    @Test(arguments: cases)
    func rule(_ rule: RuleCase) {
        let source = MarkedSource(rule.yaml)
        let result = Compiler().compile([
            SourceFile(path: "Banks/tags.yaml", text: testVocabulary),
            SourceFile(path: "Banks/sample.yaml", text: Self.bank),
            SourceFile(path: "Banks/interviews.yaml", text: source.text),
        ])
        let found = result.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.code)" }
        let expected = rule.expected.map {
            "\(source.markers[$0.marker]!.line):\(source.markers[$0.marker]!.column) \($0.code)"
        }
        #expect(found.sorted() == expected.sorted(), "\(result.diagnostics.map(\.message))")
    }

    @Test func plansCompileIntoTheSetInSourceOrder() throws {
        let result = Compiler().compile([
            SourceFile(path: "Banks/tags.yaml", text: testVocabulary),
            SourceFile(path: "Banks/sample.yaml", text: Self.bank),
            SourceFile(
                path: "Banks/interviews.yaml",
                text: Self.plans(
                    "          - tags: behavioral\n            count: 2\n          - tags: databases\n            count: 1\n"
                )),
        ])
        let plan = try #require(result.questionSet?.plans.first)
        #expect(plan.name == "loop")
        #expect(plan.stages.map(\.title) == ["Screen"])
        #expect(plan.stages[0].slots.map(\.tags) == ["behavioral", "databases"])
        #expect(plan.questionCount == 3 && plan.minutes == 10)
        #expect(plan.stages[0].slots[1].location == SourceLocation(file: "Banks/interviews.yaml", line: 12, column: 19))
    }

    @Test func duplicatePlanAcrossFilesPointsAtTheFirst() {
        let plans = Self.plans("          - tags: databases\n            count: 1\n")
        let result = Compiler().compile([
            SourceFile(path: "Banks/tags.yaml", text: testVocabulary),
            SourceFile(path: "Banks/sample.yaml", text: Self.bank),
            SourceFile(path: "Banks/interviews.yaml", text: plans),
            SourceFile(path: "Banks/more-interviews.yaml", text: plans),
        ])
        #expect(result.diagnostics.map(\.code) == ["duplicate-plan"])
        #expect(result.diagnostics.first?.notes.first?.message == "first defined here")
    }
}
