import SortingCourse
import Testing

@Suite("Trace questions")
struct TraceQuestionTests {
    static let example = [5, 2, 4, 6, 1, 3]

    struct Case: Sendable, CustomTestStringConvertible {
        var id: String
        var algorithm: String
        var ask: TraceAsk
        var pass: Int? = nil
        var k: Int? = nil
        var input: [Int] = TraceQuestionTests.example
        var expected: TraceAnswer
        var testDescription: String { id }
    }

    @Test(arguments: [
        Case(
            id: "bubble after pass 1", algorithm: "bubble-sort", ask: .arrayAfterPass, pass: 1,
            expected: .array([2, 4, 5, 1, 3, 6])),
        Case(
            id: "bubble after pass 2", algorithm: "bubble-sort", ask: .arrayAfterPass, pass: 2,
            expected: .array([2, 4, 1, 3, 5, 6])),
        Case(id: "bubble passes", algorithm: "bubble-sort", ask: .passes, expected: .number(5)),
        Case(
            id: "bubble passes on sorted input", algorithm: "bubble-sort", ask: .passes, input: [1, 2, 3],
            expected: .number(1)),
        Case(id: "bubble swaps = inversions", algorithm: "bubble-sort", ask: .swaps, expected: .number(9)),
        Case(id: "insertion comparisons", algorithm: "insertion-sort", ask: .comparisons, expected: .number(12)),
        Case(id: "introsort comparisons = insertion", algorithm: "introsort", ask: .comparisons, expected: .number(12)),
        Case(id: "selection swaps", algorithm: "selection-sort", ask: .swaps, expected: .number(3)),
        Case(id: "lomuto pivot index", algorithm: "quicksort-lomuto", ask: .pivotIndex, expected: .number(3)),
        Case(id: "lomuto comparisons", algorithm: "quicksort-lomuto", ask: .comparisons, expected: .number(7 + 4 + 1)),
        Case(id: "quickselect 2nd smallest", algorithm: "quickselect", ask: .kthSmallest, k: 2, expected: .number(2)),
        Case(id: "quickselect pivot without k", algorithm: "quickselect", ask: .pivotIndex, expected: .number(3)),
        Case(
            id: "heap after build", algorithm: "heap-sort", ask: .arrayAfterPass, pass: 1,
            expected: .array([6, 5, 4, 2, 1, 3])),
        Case(id: "counting passes", algorithm: "counting-sort", ask: .passes, expected: .number(2)),
        Case(
            id: "radix passes with negatives", algorithm: "radix-sort", ask: .passes, input: [-50, 49, 3],
            expected: .number(2)),
    ])
    func answers(_ c: Case) throws {
        let answer = try TraceQuestion.answer(algorithm: c.algorithm, ask: c.ask, pass: c.pass, k: c.k, input: c.input)
        #expect(answer == c.expected)
    }

    struct Failure: Sendable, CustomTestStringConvertible {
        var id: String
        var algorithm: String
        var ask: TraceAsk
        var pass: Int? = nil
        var k: Int? = nil
        var input: [Int] = TraceQuestionTests.example
        var code: TraceQuestionError.Code
        var message: String
        var testDescription: String { id }
    }

    @Test(arguments: [
        Failure(
            id: "unknown algorithm", algorithm: "bubblesort", ask: .passes, code: .unknownAlgorithm,
            message: "unknown algorithm 'bubblesort'; did you mean 'bubble-sort'?"),
        Failure(
            id: "ask not valid", algorithm: "bubble-sort", ask: .pivotIndex, code: .askNotValid,
            message:
                "ask 'pivot-index' is not valid for 'bubble-sort'; it is valid for 'quicksort-lomuto', 'quickselect'"),
        Failure(
            id: "comparisons of an integer sort", algorithm: "radix-sort", ask: .comparisons, code: .askNotValid,
            message:
                "ask 'comparisons' is not valid for 'radix-sort'; it is valid for 'bubble-sort', 'selection-sort', 'insertion-sort', 'shell-sort', 'merge-sort', 'merge-sort-bottom-up', 'quicksort-lomuto', 'quicksort-hoare', 'quicksort-3way', 'heap-sort', 'introsort', 'quickselect'"
        ),
        Failure(
            id: "array after pass of quickselect", algorithm: "quickselect", ask: .arrayAfterPass, pass: 1, k: 1,
            code: .askNotValid,
            message:
                "ask 'array-after-pass' is not valid for 'quickselect'; it is valid for every algorithm but 'quickselect'"
        ),
        Failure(
            id: "missing pass", algorithm: "bubble-sort", ask: .arrayAfterPass, code: .missingParameter,
            message: "ask 'array-after-pass' of 'bubble-sort' needs 'pass'"),
        Failure(
            id: "pass zero", algorithm: "bubble-sort", ask: .arrayAfterPass, pass: 0, code: .passOutOfRange,
            message: "'pass' must be at least 1, got 0"),
        Failure(
            id: "pass beyond the run", algorithm: "bubble-sort", ask: .arrayAfterPass, pass: 3, input: [2, 1, 3, 4],
            code: .passBeyondRun, message: "'bubble-sort' makes only 2 passes on this input; pass 3 does not exist"),
        Failure(
            id: "k missing", algorithm: "quickselect", ask: .kthSmallest, code: .missingParameter,
            message: "ask 'kth-smallest' of 'quickselect' needs 'k'"),
        Failure(
            id: "k out of range", algorithm: "quickselect", ask: .kthSmallest, k: 7, code: .kOutOfRange,
            message: "'k' must be in 1...6 (the input size), got 7"),
    ])
    func failures(_ f: Failure) {
        do {
            let answer = try TraceQuestion.answer(
                algorithm: f.algorithm, ask: f.ask, pass: f.pass, k: f.k, input: f.input)
            Issue.record("expected an error, got \(answer)")
        } catch {
            #expect(error.code == f.code)
            #expect(error.message == f.message)
        }
    }

    @Test func codesMatchInCatch() {
        do {
            _ = try TraceQuestion.answer(algorithm: "bubble-sort", ask: .arrayAfterPass, pass: 9, input: [2, 1, 3])
            Issue.record("no error")
        } catch TraceQuestionError.Code.passBeyondRun {
        } catch {
            Issue.record("wrong error \(error)")
        }
    }

    struct Validation: Sendable, CustomTestStringConvertible {
        var id: String
        var algorithm = "bubble-sort"
        var ask = "array-after-pass"
        var pass: Int? = 1
        var k: Int? = nil
        var size: Int? = nil
        var min: Int? = nil
        var max: Int? = nil
        /// (field, message) pairs, in order.
        var problems: [(String?, String)]
        var testDescription: String { id }
    }

    @Test(arguments: [
        Validation(id: "valid with defaults", problems: []),
        Validation(
            id: "valid quickselect", algorithm: "quickselect", ask: "kth-smallest", pass: nil, k: 3, problems: []),
        Validation(
            id: "unknown ask", ask: "array-after-passes",
            problems: [("ask", "unknown ask 'array-after-passes'; did you mean 'array-after-pass'?")]),
        Validation(
            id: "size and range", size: 20, min: 5, max: 5,
            problems: [
                ("size", "'size' must be in 2...16, got 20"),
                ("max", "'min' must be less than 'max', got min 5 and max 5"),
            ]),
        Validation(
            id: "values too large", min: -10000, max: 10000,
            problems: [
                ("min", "'min' must be in -9999...9999, got -10000"),
                ("max", "'max' must be in -9999...9999, got 10000"),
            ]),
        Validation(
            id: "pass beyond every run", pass: 6,
            problems: [("pass", "'pass' 6 is beyond the last pass: 'bubble-sort' makes at most 5 passes on 6 values")]),
        Validation(
            id: "pass beyond counting sort", algorithm: "counting-sort", pass: 3,
            problems: [("pass", "'pass' 3 is beyond the last pass: 'counting-sort' makes at most 2 passes on 6 values")]
        ),
        Validation(
            id: "radix digits", algorithm: "radix-sort", pass: 3, min: 0, max: 99,
            problems: [("pass", "'pass' 3 is beyond the last pass: 'radix-sort' makes at most 2 passes on 6 values")]),
        Validation(
            id: "unused pass and k", ask: "passes", pass: 2, k: 1,
            problems: [
                ("pass", "'pass' is not used by ask 'passes' of 'bubble-sort'"),
                ("k", "'k' is not used by ask 'passes' of 'bubble-sort'"),
            ]),
        Validation(
            id: "quickselect k range", algorithm: "quickselect", ask: "swaps", pass: nil, k: 9, size: 8,
            problems: [("k", "'k' must be in 1...8 (the input size), got 9")]),
        Validation(
            id: "unknown algorithm", algorithm: "heapsort",
            problems: [("algorithm", "unknown algorithm 'heapsort'; did you mean 'heap-sort'?")]),
    ])
    func validation(_ v: Validation) {
        let problems = TraceQuestion.validate(
            algorithm: v.algorithm, ask: v.ask, pass: v.pass, k: v.k, size: v.size, min: v.min, max: v.max)
        #expect(problems.map(\.field) == v.problems.map(\.0))
        #expect(problems.map(\.message) == v.problems.map(\.1))
    }

    @Test func instancesAreReproducibleAndAnswerable() throws {
        let a = try TraceQuestion.instance(algorithm: "bubble-sort", ask: .arrayAfterPass, pass: 5, seed: 11)
        let b = try TraceQuestion.instance(algorithm: "bubble-sort", ask: .arrayAfterPass, pass: 5, seed: 11)
        #expect(a == b)
        #expect(a.input.count == 6 && a.input.allSatisfy { (0...9).contains($0) })
        #expect(
            try TraceQuestion.answer(algorithm: "bubble-sort", ask: .arrayAfterPass, pass: 5, k: nil, input: a.input)
                == a.answer)
    }

    @Test func firstInstanceUsesTheDocumentedInput() throws {
        let instance = try TraceQuestion.instance(algorithm: "insertion-sort", ask: .comparisons, seed: 1)
        #expect(instance.input == [7, 5, 5, 3, 6, 1])
        #expect(instance.draw == 0)
    }

    @Test func everyValidAskOfEveryAlgorithmIsAnswerable() throws {
        for entry in AlgorithmCatalog.all {
            for ask in TraceAsk.allCases where ask.isValid(for: entry) {
                let pass = ask == .arrayAfterPass ? 1 : nil
                let k = entry.kind == .selection ? 2 : nil
                let problems = TraceQuestion.validate(
                    algorithm: entry.name, ask: ask.rawValue, pass: pass, k: k, size: TraceQuestion.defaultSize,
                    min: TraceQuestion.defaultMin, max: TraceQuestion.defaultMax)
                #expect(problems.isEmpty, "\(entry.name) \(ask)")
                _ = try TraceQuestion.instance(algorithm: entry.name, ask: ask, pass: pass, k: k, seed: 3)
            }
        }
    }

    @Test func answersParseLikeLearnersType() {
        let array = TraceAnswer.array([2, 4, -5])
        #expect(array.accepts("2 4 -5"))
        #expect(array.accepts(" 2, 4, -5 "))
        #expect(array.accepts("[2,4,-5]"))
        #expect(!array.accepts("2 4"))
        #expect(!array.accepts("2 4 x"))
        #expect(TraceAnswer.number(7).accepts(" 7 "))
        #expect(!TraceAnswer.number(7).accepts("7 7"))
        #expect(array.description == "2 4 -5")
    }
}

@Suite("Catalog")
struct CatalogTests {
    @Test func namesAreTheFixedCatalog() {
        #expect(
            AlgorithmCatalog.names == [
                "bubble-sort", "selection-sort", "insertion-sort", "shell-sort", "merge-sort", "merge-sort-bottom-up",
                "quicksort-lomuto", "quicksort-hoare", "quicksort-3way", "heap-sort", "counting-sort", "radix-sort",
                "bucket-sort", "introsort", "quickselect",
            ])
    }

    @Test func suggestions() {
        #expect(AlgorithmCatalog.suggestions(for: "bubblesort") == ["bubble-sort"])
        #expect(AlgorithmCatalog.suggestions(for: "Quicksort-Hore") == ["quicksort-hoare"])
        #expect(AlgorithmCatalog.suggestions(for: "merge").prefix(2) == ["merge-sort", "merge-sort-bottom-up"])
        #expect(AlgorithmCatalog.suggestions(for: "zzzzzzzzzz") == [])
        #expect(throws: TraceQuestionError.self) { try AlgorithmCatalog.entry(for: "nope") }
    }

    @Test func facts() throws {
        let merge = try AlgorithmCatalog.entry(for: "merge-sort")
        #expect(merge.stable && !merge.inPlace && merge.worst == "O(n log n)" && merge.kind == .comparison)
        #expect(try AlgorithmCatalog.entry(for: "heap-sort").inPlace)
        #expect(try AlgorithmCatalog.entry(for: "counting-sort").kind == .integer)
        #expect(
            AlgorithmCatalog.all.filter(\.isQuadratic).map(\.name) == [
                "bubble-sort", "selection-sort", "insertion-sort",
            ])
    }

    @Test(arguments: AlgorithmCatalog.all.map(\.name))
    func untracedRunSorts(_ name: String) throws {
        let entry = try AlgorithmCatalog.entry(for: name)
        let input = randomInts(500, in: -100...100, seed: 4)
        var a = input
        entry.run(&a)
        if entry.kind == .selection {
            #expect(a[249] == input.sorted()[249])
        } else {
            #expect(a == input.sorted())
        }
    }
}

@Suite("Benchmark runner")
struct BenchmarkTests {
    @Test(arguments: BenchmarkInput.allCases)
    func runsEveryAlgorithm(_ input: BenchmarkInput) throws {
        for entry in AlgorithmCatalog.all {
            let result = try Benchmark.run(entry, n: 500, input: input, runs: 1)
            #expect(result.algorithm == entry.name && result.n == 500 && result.input == input)
            #expect(result.seconds > 0 && result.stdlibSeconds > 0)
        }
    }

    @Test func quadraticAlgorithmsRefuseLargeInputs() {
        let bubble = AlgorithmCatalog.entry(named: "bubble-sort")!
        #expect(throws: BenchmarkError.self) { try Benchmark.run(bubble, n: 20_001, input: .random) }
        let lomuto = AlgorithmCatalog.entry(named: "quicksort-lomuto")!
        #expect(Benchmark.refuses(lomuto, n: 1_000_000, input: .fewUnique))
        #expect(!Benchmark.refuses(lomuto, n: 1_000_000, input: .random))
        #expect(!Benchmark.refuses(bubble, n: 20_000, input: .random))
        do {
            _ = try Benchmark.run(bubble, n: 30_000, input: .random)
        } catch BenchmarkError.Code.tooLarge {
        } catch {
            Issue.record("wrong error \(error)")
        }
    }

    @Test func countingSortIsMeasuredOnSmallValues() {
        let counting = AlgorithmCatalog.entry(named: "counting-sort")!
        #expect(Benchmark.valueRange(for: counting) == -1000...1000)
    }
}
