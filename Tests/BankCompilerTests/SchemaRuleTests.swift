import BankCompiler
import QuizEngine
import Testing

/// One schema rule: a bank with markers where the diagnostics must point.
struct RuleCase: CustomTestStringConvertible, Sendable {
    let id: String
    let yaml: String
    let expected: [Expected]
    var testDescription: String { id }

    init(_ id: String, _ yaml: String, _ expected: [(String, String)]) {
        self.id = id
        self.yaml = yaml
        self.expected = expected.map { Expected(marker: $0.0, code: $0.1) }
    }
}

private let header = "bank: test\ntitle: Test bank\nquestions:\n"

@Suite("Schema v1 rules")
struct SchemaRuleTests {
    static let cases: [RuleCase] = [
        RuleCase(
            "clean flashcard",
            header
                + "  - id: a\n    type: flashcard\n    prompt: What is a B-tree?\n    answer: A balanced search tree.\n",
            []),
        RuleCase(
            "unknown field with did-you-mean",
            header + "  - id: a\n    type: flashcard\n    prompt: P\n    answer: A\n    1️⃣explanaton: E\n",
            [("1️⃣", "unknown-field")]),
        RuleCase(
            "unknown top-level field",
            "bank: test\ntitle: T\n1️⃣titel: T\nquestions: []\n", [("1️⃣", "unknown-field")]),
        RuleCase(
            "field of another type",
            header + "  - id: a\n    type: open\n    prompt: P\n    guidance: G\n    1️⃣answer: A\n",
            [("1️⃣", "field-not-for-type")]),
        RuleCase(
            "missing required fields",
            header + "  - 1️⃣id: a\n    type: flashcard\n  - 2️⃣type: flashcard\n    prompt: P\n    answer: A\n",
            [("1️⃣", "missing-field"), ("1️⃣", "missing-field"), ("2️⃣", "missing-field")]),
        RuleCase("missing bank title", "1️⃣bank: test\nquestions: []\n", [("1️⃣", "missing-field")]),
        RuleCase(
            "wrong node kind",
            header + "  - id: a\n    type: choice\n    prompt: P\n    choices: 1️⃣{text: a}\n",
            [("1️⃣", "wrong-kind")]),
        RuleCase(
            "a list where text belongs",
            header + "  - id: a\n    type: flashcard\n    prompt: 1️⃣[a, b]\n    answer: A\n", [("1️⃣", "wrong-kind")]),
        RuleCase(
            "invalid type and difficulty",
            header
                + "  - id: a\n    type: 1️⃣flashcards\n    prompt: P\n  - id: b\n    type: flashcard\n    prompt: P\n    answer: A\n    difficulty: 2️⃣extreme\n",
            [("1️⃣", "invalid-value"), ("2️⃣", "invalid-value")]),
        RuleCase(
            "question id format",
            header + "  - id: 1️⃣Cap_Theorem\n    type: flashcard\n    prompt: P\n    answer: A\n",
            [("1️⃣", "invalid-id")]),
        RuleCase("bank id format", "bank: 1️⃣Back End\ntitle: T\nquestions: []\n", [("1️⃣", "invalid-id")]),
        RuleCase(
            "duplicate question id",
            header
                + "  - id: a\n    type: flashcard\n    prompt: P\n    answer: A\n  - id: 1️⃣a\n    type: flashcard\n    prompt: Q\n    answer: A\n",
            [("1️⃣", "duplicate-id")]),
        RuleCase(
            "undeclared tag",
            "bank: test\ntitle: T\ntags: [1️⃣behavioural]\nquestions:\n  - id: a\n    type: flashcard\n    prompt: P\n    answer: A\n    tags: [2️⃣feedbak, feedback]\n",
            [("1️⃣", "undeclared-tag"), ("2️⃣", "undeclared-tag")]),
        RuleCase(
            "an undeclared tag is reported at every use",
            "bank: test\ntitle: T\ntags: [feedback]\nquestions:\n  - id: a\n    type: flashcard\n    prompt: P\n    answer: A\n    tags: [1️⃣feedbak]\n"
                + "  - id: b\n    type: flashcard\n    prompt: Q\n    answer: A\n    tags: [databases, 2️⃣feedbak]\n",
            [("1️⃣", "undeclared-tag"), ("2️⃣", "undeclared-tag")]),
        RuleCase(
            "repeated tag is a warning",
            header + "  - id: a\n    type: flashcard\n    prompt: P\n    answer: A\n    tags: [feedback, 1️⃣feedback]\n",
            [("1️⃣", "duplicate-tag")]),
        RuleCase(
            "empty and whitespace-only text",
            header
                + "  - id: a\n    type: flashcard\n    prompt: 1️⃣\"  \"\n    answer:2️⃣ \n  - id: b\n    type: flashcard\n    prompt: P\n    answer: 3️⃣''\n",
            [("1️⃣", "empty-text"), ("2️⃣", "empty-text"), ("3️⃣", "empty-text")]),
        RuleCase(
            "choice needs exactly one correct",
            header
                + "  - id: a\n    type: choice\n    prompt: P\n    choices:\n      1️⃣- text: x\n        correct: true\n      - text: y\n        correct: true\n  - id: b\n    type: choice\n    prompt: Q\n    choices:\n      2️⃣- text: x\n      - text: y\n",
            [("1️⃣", "choice-correct-count"), ("2️⃣", "no-correct-choice")]),
        RuleCase(
            "multi needs at least one correct",
            header + "  - id: a\n    type: multi\n    prompt: P\n    choices:\n      1️⃣- text: x\n      - text: y\n",
            [("1️⃣", "no-correct-choice")]),
        RuleCase(
            "at least two choices",
            header
                + "  - id: a\n    type: choice\n    prompt: P\n    choices:\n      1️⃣- text: x\n        correct: true\n",
            [("1️⃣", "too-few-choices")]),
        RuleCase(
            "duplicate choice texts",
            header
                + "  - id: a\n    type: multi\n    prompt: P\n    choices:\n      - text: Read committed\n        correct: true\n      - 1️⃣text: read  committed\n",
            [("1️⃣", "duplicate-choice")]),
        RuleCase(
            "short needs an accepted answer",
            header
                + "  - id: a\n    type: short\n    prompt: P\n    accept: 1️⃣[]\n  - 2️⃣id: b\n    type: short\n    prompt: Q\n",
            [("1️⃣", "no-accepted-answer"), ("2️⃣", "missing-field")]),
        RuleCase(
            "order needs two distinct items",
            header
                + "  - id: a\n    type: order\n    prompt: P\n    items: 1️⃣[one]\n  - id: b\n    type: order\n    prompt: Q\n    items: [x, 2️⃣x]\n",
            [("1️⃣", "too-few-items"), ("2️⃣", "duplicate-item")]),
        RuleCase(
            "open needs guidance or rubric",
            header
                + "  - 1️⃣id: a\n    type: open\n    prompt: P\n  - id: b\n    type: open\n    prompt: Q\n    rubric: [Names the situation]\n",
            [("1️⃣", "open-needs-guidance")]),
        RuleCase(
            "flashcard needs an answer",
            header + "  - 1️⃣id: a\n    type: flashcard\n    prompt: P\n", [("1️⃣", "missing-field")]),
        RuleCase(
            "revision is a positive integer",
            header
                + "  - id: a\n    type: flashcard\n    prompt: P\n    answer: A\n    revision: 1️⃣0\n  - id: b\n    type: flashcard\n    prompt: Q\n    answer: A\n    revision: 2️⃣two\n  - id: c\n    type: flashcard\n    prompt: R\n    answer: A\n    revision: 3\n",
            [("1️⃣", "not-positive"), ("2️⃣", "not-integer")]),
        RuleCase(
            "booleans are only true or false",
            header
                + "  - id: a\n    type: choice\n    prompt: P\n    choices:\n      - text: x\n        correct: 1️⃣yes\n      - text: y\n        correct: false\n        fixed: 2️⃣\"true\"\n",
            [("1️⃣", "not-boolean"), ("2️⃣", "not-boolean")]),
        RuleCase(
            "trace shape",
            header
                + "  - id: a\n    type: trace\n    prompt: P\n    algorithm: bubble-sort\n    ask: passes\n    size: 1️⃣six\n",
            [("1️⃣", "not-integer")]),
        RuleCase(
            "neither bank nor course", "1️⃣title: T\nquestions: []\n", [("1️⃣", "not-a-bank")]),
        RuleCase(
            "course modules: unique ids and complete complexity",
            """
            course: sorting
            title: Sorting
            modules:
              - id: m
                title: M
                algorithm: insertion-sort
                lesson: L
                complexity: 1️⃣{best: "O(n)", average: "O(n^2)", worst: "O(n^2)"}
                stable: true
                in-place: true
                questions: []
              - id: 2️⃣m
                title: M2
                algorithm: insertion-sort
                lesson: L
                complexity: {best: "O(n)", average: "O(n^2)", worst: "O(n^2)", space: "O(1)"}
                stable: 3️⃣yes
                in-place: true
                questions: []

            """,
            [("1️⃣", "missing-field"), ("2️⃣", "duplicate-module"), ("3️⃣", "not-boolean")]),
        RuleCase(
            "course modules are checked against the catalog",
            """
            course: sorting
            title: Sorting
            modules:
              - id: m
                title: M
                algorithm: 1️⃣bubblesort
                lesson: L
                complexity: {best: "O(n)", average: "O(n^2)", worst: "O(n^2)", space: "O(1)"}
                stable: true
                in-place: true
                questions: []
              - id: n
                title: N
                algorithm: heap-sort
                lesson: L
                complexity: {best: "O(n log n)", average: "O(n log n)", worst: "O(n log n)", space: "O(1)"}
                stable: 2️⃣true
                in-place: 3️⃣false
                questions: []

            """,
            [("1️⃣", "unknown-algorithm"), ("2️⃣", "property-mismatch"), ("3️⃣", "property-mismatch")]),
        RuleCase(
            "trace templates must be answerable",
            header
                + "  - id: a\n    type: trace\n    prompt: P\n    algorithm: bubble-sort\n    ask: 1️⃣pivot-index\n"
                + "  - id: b\n    type: trace\n    prompt: Q\n    algorithm: insertion-sort\n    ask: array-after-pass\n    pass: 2️⃣40\n"
                + "  - id: c\n    type: trace\n    prompt: R\n    algorithm: selection-sort\n    ask: passes\n    size: 3️⃣99\n"
                + "  - id: d\n    type: trace\n    prompt: S\n    algorithm: merge-sort\n    ask: array-after-pass\n    pass: 2\n",
            [("1️⃣", "invalid-trace"), ("2️⃣", "invalid-trace"), ("3️⃣", "invalid-trace")]),
        RuleCase(
            "a template of every kind beyond sorting builds its 8 instances",
            header
                + "  - id: a\n    type: trace\n    prompt: P\n    algorithm: binary-search\n    ask: probes\n    size: 16\n    min: -5\n    max: 10\n"
                + "  - id: b\n    type: trace\n    prompt: Q\n    algorithm: binary-heap\n    ask: heap-array\n    size: 2\n    max: 1\n"
                + "  - id: c\n    type: trace\n    prompt: R\n    algorithm: bfs\n    ask: visit-order\n    size: 2\n"
                + "  - id: d\n    type: trace\n    prompt: S\n    algorithm: dfs\n    ask: visit-order\n    size: 16\n"
                + "  - id: e\n    type: trace\n    prompt: T\n    algorithm: linear-probing\n    ask: slots\n    size: 16\n    min: 0\n    max: 15\n",
            []),
        RuleCase(
            "trace templates beyond sorting: their one ask, no pass or k, graphs without values",
            header
                + "  - id: a\n    type: trace\n    prompt: P\n    algorithm: binary-heap\n    ask: 1️⃣probes\n"
                + "  - id: b\n    type: trace\n    prompt: Q\n    algorithm: binary-search\n    ask: probes\n    pass: 2️⃣2\n"
                + "  - id: c\n    type: trace\n    prompt: R\n    algorithm: bfs\n    ask: visit-order\n    max: 3️⃣20\n"
                + "  - id: d\n    type: trace\n    prompt: S\n    algorithm: linear-probing\n    ask: slots\n    size: 8\n    max: 4️⃣5\n"
                + "  - id: e\n    type: trace\n    prompt: T\n    algorithm: 5️⃣dfss\n    ask: visit-order\n"
                + "  - id: f\n    type: trace\n    prompt: U\n    algorithm: dfs\n    ask: visit-order\n    size: 16\n",
            [
                ("1️⃣", "invalid-trace"), ("2️⃣", "invalid-trace"), ("3️⃣", "invalid-trace"), ("4️⃣", "invalid-trace"),
                ("5️⃣", "invalid-trace"),
            ]),
    ]

    @Test(arguments: cases)
    func rule(_ rule: RuleCase) {
        let (source, result) = compileMarked(rule.yaml)
        expectDiagnostics(result, source, rule.expected)
    }

    @Test func duplicateBankAcrossFiles() {
        let bank = "bank: shared\ntitle: T\nquestions: []\n"
        let result = Compiler().compile([
            SourceFile(path: "Banks/tags.yaml", text: testVocabulary),
            SourceFile(path: "Banks/a.yaml", text: bank),
            SourceFile(path: "Banks/b.yaml", text: bank),
        ])
        let diagnostic = try! #require(result.diagnostics.first)
        #expect(result.diagnostics.count == 1)
        #expect(diagnostic.code == "duplicate-bank")
        #expect(diagnostic.location == SourceLocation(file: "Banks/b.yaml", line: 1, column: 1))
        #expect(diagnostic.notes.first?.location.file == "Banks/a.yaml")
    }

    @Test func missingVocabulary() {
        let result = Compiler().compile([SourceFile(path: "Banks/a.yaml", text: "bank: a\ntitle: T\nquestions: []\n")])
        #expect(result.diagnostics.map(\.code) == ["missing-tags"])
    }

    @Test func didYouMeanNamesTheField() {
        let (_, result) = compileMarked(header + "  - id: a\n    type: flashcard\n    prompt: P\n    anwser: A\n")
        #expect(result.diagnostics.contains { $0.message.contains("did you mean 'answer'?") })
    }

    @Test func duplicateIdNotePointsAtFirstDefinition() {
        let (source, result) = compileMarked(
            header
                + "  - id: 1️⃣a\n    type: flashcard\n    prompt: P\n    answer: A\n  - id: a\n    type: flashcard\n    prompt: Q\n    answer: A\n"
        )
        let note = try! #require(result.diagnostics.first?.notes.first)
        #expect(note.location.line == source.markers["1️⃣"]!.line)
        #expect(note.location.column == source.markers["1️⃣"]!.column)
        #expect(note.message == "first defined here")
    }

    @Test func multiErrorFileReportsEverythingSorted() {
        let (_, result) = compileMarked(
            header
                + "  - id: A\n    type: bogus\n    prompt: ''\n  - id: b\n    type: choice\n    prompt: P\n    choices: [{text: x}]\n    difficulty: impossible\n"
        )
        #expect(result.errorCount >= 5)
        let positions = result.diagnostics.map { $0.location.line * 1000 + $0.location.column }
        #expect(positions == positions.sorted())
    }
}

@Suite("Schema-driven typing")
struct TypingTests {
    @Test(arguments: [
        ("no", "no"), ("0755", "0755"), ("yes", "yes"), ("~", "~"), ("1e3", "1e3"), ("'true'", "true"),
        ("null", "null"),
    ])
    func textIsVerbatim(_ written: String, _ expected: String) throws {
        let (_, result) = compileMarked(
            header + "  - id: a\n    type: flashcard\n    prompt: P\n    answer: \(written)\n")
        let question = try #require(result.questionSet?.questions.first)
        #expect(question.answer == expected)
    }

    @Test func tagsAreTheUnionOfBankAndQuestion() throws {
        let (_, result) = compileMarked(
            "bank: test\ntitle: T\ntags: [behavioral]\nquestions:\n  - id: a\n    type: open\n    prompt: P\n    guidance: G\n    tags: [feedback]\n"
        )
        let question = try #require(result.questionSet?.questions.first)
        #expect(question.tags == ["behavioral", "feedback"])
        #expect(question.key == "test/a")
        #expect(question.location == SourceLocation(file: "Banks/test.yaml", line: 5, column: 5))
    }

    @Test func duplicatePromptsWarn() {
        let (_, result) = compileMarked(
            header
                + "  - id: a\n    type: flashcard\n    prompt: What is MVCC?\n    answer: A\n  - id: b\n    type: flashcard\n    prompt: what is mvcc\n    answer: B\n"
        )
        #expect(result.diagnostics.map(\.code) == ["duplicate-prompt"])
        #expect(result.diagnostics.first?.severity == .warning)
        #expect(result.questionSet != nil)
    }
}
