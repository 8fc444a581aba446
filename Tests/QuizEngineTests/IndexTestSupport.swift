import FuzzHarness

@testable import QuizEngine
import SeededRandom

/// A seeded generator for repeatable test data: SeededRandom's SplitMix64 with the picks the
/// fixtures need (never the stdlib's `random(in:)`, whose algorithm may change).
struct IndexTestRandom {
    private var generator: SplitMix64

    init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    mutating func next() -> UInt64 { generator.next() }

    /// A number in `0..<n` (n > 0); the modulo bias is irrelevant for tests.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

enum IndexFixtures {
    /// Text fragments that exercise UTF-8: accents in both normal forms, CJK, emoji, NUL,
    /// markdown, quotes and an empty string.
    static let fragments = [
        "", "a", "merge sort", "caf\u{E9}", "cafe\u{301}", "\u{5B57}\u{5178}", "\u{1F600} ok", "NUL\u{0}byte",
        "line\nbreak", "`code` **bold**", "\"quoted\" 'single'", "tab\there", "Ω≈ç√",
        "stable?", "O(n log n)",
    ]

    static func text(_ g: inout IndexTestRandom) -> String {
        (0..<g.below(4)).map { _ in g.pick(fragments) }.joined(separator: " ")
    }

    static func optionalText(_ g: inout IndexTestRandom) -> String? {
        g.chance(50) ? text(&g) : nil
    }

    static func list(_ g: inout IndexTestRandom, max: Int = 4) -> [String] {
        (0..<g.below(max + 1)).map { _ in text(&g) }
    }

    static func location(_ g: inout IndexTestRandom) -> SourceLocation {
        SourceLocation(
            file: "Banks/\(g.pick(["a", "b/c", "d\u{E9}"])).yaml", line: 1 + g.below(5000), column: 1 + g.below(80))
    }

    /// Sorted by UTF-8 bytes, unique, as the compiler produces.
    static func sortedUnique(_ names: [String]) -> [String] {
        var seen: Set<[UInt8]> = []
        return names.filter { seen.insert(Array($0.utf8)).inserted }
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    /// A random, valid question set exercising every field.
    static func randomSet(seed: UInt64, questions count: Int) -> QuestionSet {
        var g = IndexTestRandom(seed: seed)
        let tagNames = sortedUnique(
            (0..<(1 + g.below(12))).map { i in
                g.pick(["behavioral", "nosql", "sorting", "easy-win", "\u{E9}t\u{E9}", "z", "a-b", "a"]) + "\(i % 3)"
            })
        let tags = tagNames.map { TagInfo(name: $0, description: text(&g)) }
        let bankIDs = sortedUnique(
            (0..<(1 + g.below(4))).map { _ in g.pick(["behavioral", "backend", "a", "a-b", "sorting", "zz"]) })
        let banks = bankIDs.enumerated().map { i, id in
            BankInfo(
                id: id, title: text(&g), description: optionalText(&g), isCourse: i == 0 && g.chance(50),
                location: location(&g))
        }
        let modules = (0..<g.below(3)).map { i in
            CourseModule(
                course: bankIDs[0], id: "m\(i)", title: text(&g), algorithm: g.pick(["bubble-sort", "merge-sort"]),
                lesson: text(&g),
                complexity: .init(best: "O(n)", average: "O(n log n)", worst: text(&g), space: "O(1)"),
                isStable: g.chance(50), isInPlace: g.chance(50), tags: list(&g), location: location(&g))
        }
        var questions: [Question] = []
        for i in 0..<count {
            let type = g.pick(QuestionType.allCases)
            let qtags = tagNames.isEmpty ? [] : sortedUnique((0..<g.below(4)).map { _ in g.pick(tagNames) })
            let choices = (0..<g.below(5)).map { _ in
                Choice(text: text(&g), isCorrect: g.chance(30), why: optionalText(&g), isFixed: g.chance(10))
            }
            let trace: TraceTemplate? =
                type == .trace || g.chance(5)
                ? TraceTemplate(
                    algorithm: g.pick(["bubble-sort", "insertion-sort"]),
                    ask: g.pick(["comparisons", "array-after-pass"]),
                    pass: g.chance(50) ? g.below(10) - 2 : nil, k: g.chance(50) ? Int(Int64.min) + g.below(3) : nil,
                    size: g.below(100), minimum: -g.below(1000), maximum: Int(Int64.max) - g.below(3))
                : nil
            questions.append(
                Question(
                    bank: g.pick(bankIDs), id: "q\(i)\(g.pick(["", "-x", "\u{E9}"]))", type: type, prompt: text(&g),
                    answer: optionalText(&g), accept: list(&g), choices: choices, items: list(&g),
                    guidance: optionalText(&g), rubric: list(&g), explanation: optionalText(&g), tags: qtags,
                    difficulty: g.pick([nil, .easy, .medium, .hard]), source: optionalText(&g), refs: list(&g),
                    revision: g.pick([1, 2, 0, -5, Int(Int32.max), Int(Int32.min)]),
                    module: modules.isEmpty || g.chance(50) ? nil : g.pick(modules).id,
                    trace: trace, location: location(&g)))
        }
        let digest = (0..<g.pick([0, 32, 32, 20])).map { _ in UInt8(truncatingIfNeeded: g.next()) }
        return QuestionSet(tags: tags, banks: banks, modules: modules, questions: questions, sourceDigest: digest)
    }

    /// A small, fixed set (the golden index and the hostile tests).
    static var small: QuestionSet {
        let loc = { (line: Int) in SourceLocation(file: "Banks/backend/behavioral.yaml", line: line, column: 5) }
        return QuestionSet(
            tags: [
                TagInfo(name: "behavioral", description: "Behavioral interview questions (STAR stories)"),
                TagInfo(name: "nosql", description: "Non-relational databases"),
                TagInfo(name: "sorting", description: "Sorting algorithms"),
            ],
            banks: [
                BankInfo(
                    id: "behavioral", title: "Behavioral questions", description: "Stories about how you work.",
                    location: loc(1)),
                BankInfo(
                    id: "sorting", title: "Sorting", isCourse: true,
                    location: SourceLocation(file: "Banks/course.yaml", line: 1, column: 1)),
            ],
            modules: [
                CourseModule(
                    course: "sorting", id: "bubble", title: "Bubble sort", algorithm: "bubble-sort",
                    lesson: "Swap neighbours until **nothing** moves.",
                    complexity: .init(best: "O(n)", average: "O(n²)", worst: "O(n²)", space: "O(1)"),
                    isStable: true, isInPlace: true, tags: ["sorting"],
                    location: SourceLocation(file: "Banks/course.yaml", line: 4, column: 5))
            ],
            questions: [
                Question(
                    bank: "behavioral", id: "negative-feedback", type: .open,
                    prompt: "Tell me about a time you received negative feedback.",
                    guidance: "Situation, task, action, result.", rubric: ["Names a concrete situation"],
                    tags: ["behavioral"], difficulty: .medium, source: "seed", location: loc(6)),
                Question(
                    bank: "behavioral", id: "cap", type: .choice, prompt: "CAP: pick two of…",
                    choices: [
                        Choice(text: "C and A", isCorrect: true, why: "Under no partition."),
                        Choice(text: "all three", isFixed: true),
                    ],
                    explanation: "P is not optional.", tags: ["behavioral", "nosql"], refs: ["https://example.com/cap"],
                    revision: 2, location: loc(20)),
                Question(
                    bank: "sorting", id: "bubble-pass", type: .trace, prompt: "The array after pass 1?",
                    tags: ["sorting"], difficulty: .easy, module: "bubble",
                    trace: TraceTemplate(algorithm: "bubble-sort", ask: "array-after-pass", pass: 1),
                    location: SourceLocation(file: "Banks/course.yaml", line: 12, column: 9)),
                Question(
                    bank: "sorting", id: "order-these", type: .order, prompt: "Order by worst case",
                    items: ["O(n)", "O(n log n)", "O(n²)"], tags: ["sorting"],
                    location: SourceLocation(file: "Banks/course.yaml", line: 30, column: 9)),
            ],
            sourceDigest: SHA256.hash(Array("sources".utf8))
        )
    }
}

/// Reads every accessor of an index, so a test notices any trap or inconsistency.
func exerciseIndex(_ index: QuestionIndex) throws(IndexError) -> QuestionSet {
    let set = try index.questionSet()
    for ordinal in 0..<index.count {
        _ = try index.ordinal(forKey: index.key(at: ordinal))
        _ = try index.tags(at: ordinal)
    }
    for tag in try index.tags {
        let list = try index.postings(forTag: tag.id)
        _ = list.ordinals
        for c in list.containers { _ = c.values; _ = c.bitsetWords }
        _ = list.contains(0)
    }
    _ = (index.compilerVersion, index.schemaVersion, index.sourceDigest, index.formatVersion)
    return set
}

/// Recomputes every checksum of an index, so structural checks (not checksums) must catch a
/// change. Assumes an intact header layout; returns the bytes unchanged otherwise.
func resealedIndex(_ bytes: [UInt8]) -> [UInt8] {
    ChecksumRepair.repaired(bytes)
}

let indexTestWriter = IndexWriter(compilerVersion: "quiz 0.0.0-test", schemaVersion: "1")

