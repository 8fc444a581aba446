import SeededRandom
import SortingCourse
import Testing

@testable import QuizEngine

/// Random question sets and tag expressions for the query and draw tests, with a naive
/// evaluator to check the index-based one against.
enum QueryFixtures {
    /// A tag and how often it is carried, in members per 1,000 questions, per block of
    /// 65,536 ordinals (the last value repeats for later blocks).
    struct TagDensity {
        var name: String
        var perMille: [Int]
    }

    /// Questions with the given tag densities: ids `q<i>`, banks cycling through `banks`,
    /// types and difficulties drawn from the generator.
    static func set(
        seed: UInt64, questions count: Int, tags: [TagDensity], banks: [String] = ["alpha", "beta", "gamma"]
    ) -> QuestionSet {
        var g = Xoshiro256StarStar(seed: seed)
        let location = QuizEngine.SourceLocation(file: "Banks/test.yaml", line: 1, column: 1)
        var questions: [Question] = []
        questions.reserveCapacity(count)
        for i in 0..<count {
            var mine: [String] = []
            for tag in tags {
                let density = tag.perMille[min(i >> 16, tag.perMille.count - 1)]
                if Int(g.uniform(below: 1000)) < density { mine.append(tag.name) }
            }
            let type = QuestionType.allCases[Int(g.uniform(below: UInt64(QuestionType.allCases.count)))]
            let difficulty = [nil, Difficulty.easy, .medium, .hard][Int(g.uniform(below: 4))]
            questions.append(
                Question(
                    bank: banks[i % banks.count], id: "q\(i)", type: type, prompt: "Prompt \(i)?",
                    tags: mine.sorted(), difficulty: difficulty, location: location))
        }
        return QuestionSet(
            tags: tags.map { TagInfo(name: $0.name, description: "Tag \($0.name)") }.sorted { $0.name < $1.name },
            banks: banks.map { BankInfo(id: $0, title: $0.uppercased(), location: location) },
            questions: questions)
    }

    /// The set encoded by ``IndexWriter`` and opened from memory.
    static func index(_ set: QuestionSet) -> QuestionIndex {
        let bytes = try! IndexWriter(compilerVersion: "test", schemaVersion: "1").encode(set)
        return try! QuestionIndex(bytes: bytes)
    }

    /// Random small sets: a few hundred to a few thousand questions, random densities.
    static func randomSet(seed: UInt64) -> QuestionSet {
        var g = Xoshiro256StarStar(seed: seed &+ 1_000)
        let names = ["a", "b", "c", "d", "e", "f"]
        let tags = names.map {
            TagDensity(name: $0, perMille: [[0, 3, 50, 200, 500, 900, 1000][Int(g.uniform(below: 7))]])
        }
        return set(seed: seed, questions: 1 + Int(g.uniform(below: 3_000)), tags: tags)
    }

    /// 70,000 questions over two containers, with tags that are bitsets, arrays and mixtures
    /// of both in different blocks, tags in one block only, members on the block edges, and
    /// a declared tag nobody carries. Built once and shared, with each question's tag set.
    static let large: (set: QuestionSet, index: QuestionIndex, tagSets: [Set<String>]) = {
        var set = QueryFixtures.set(
            seed: 42, questions: 70_000,
            tags: [
                TagDensity(name: "dense", perMille: [600]),
                TagDensity(name: "half", perMille: [500]),
                TagDensity(name: "mid", perMille: [100]),
                TagDensity(name: "sparse", perMille: [20]),
                TagDensity(name: "rare", perMille: [1]),
                TagDensity(name: "varied", perMille: [900, 30]),
                TagDensity(name: "first-block", perMille: [400, 0]),
                TagDensity(name: "second-block", perMille: [0, 400]),
            ])
        for ordinal in largeEdges {
            set.questions[ordinal].tags = (set.questions[ordinal].tags + ["edge"]).sorted()
        }
        set.tags += [
            TagInfo(name: "edge", description: "On block edges"), TagInfo(name: "unused", description: "Nobody"),
        ]
        set.tags.sort { $0.name < $1.name }
        return (set, index(set), set.questions.map { Set($0.tags) })
    }()

    /// The questions tagged `edge` in ``large``.
    static let largeEdges = [0, 1, 65_535, 65_536, 69_999]

    /// The tag names of ``large``.
    static let largeNames = [
        "dense", "half", "mid", "sparse", "rare", "varied", "first-block", "second-block", "edge", "unused",
    ]

    /// The ordinals of ``large`` matching `expression`, by brute force.
    static func naiveLarge(_ expression: TagExpression) -> [Int] {
        large.tagSets.indices.filter { q in expression.matches { large.tagSets[q].contains($0) } }
    }

    /// The ordinals whose question matches `expression`, by brute force over the set.
    static func naive(_ set: QuestionSet, _ expression: RandomExpression) -> [Int] {
        set.questions.indices.filter { expression.matches(Set(set.questions[$0].tags)) }
    }
}

/// A random tag expression, kept as a tree so its meaning is known independently of the
/// parser, and rendered as text with random spacing and only the parentheses precedence
/// needs (plus some redundant ones).
indirect enum RandomExpression: CustomStringConvertible {
    case tag(String)
    case not(RandomExpression)
    case and(RandomExpression, RandomExpression)
    case or(RandomExpression, RandomExpression)

    static func random(names: [String], depth: Int, using g: inout Xoshiro256StarStar) -> RandomExpression {
        let choice = depth == 0 ? 0 : Int(g.uniform(below: 5))
        switch choice {
        case 0, 1: return .tag(names[Int(g.uniform(below: UInt64(names.count)))])
        case 2: return .not(random(names: names, depth: depth - 1, using: &g))
        case 3:
            return .and(
                random(names: names, depth: depth - 1, using: &g), random(names: names, depth: depth - 1, using: &g))
        default:
            return .or(
                random(names: names, depth: depth - 1, using: &g), random(names: names, depth: depth - 1, using: &g))
        }
    }

    func matches(_ tags: Set<String>) -> Bool {
        switch self {
        case .tag(let name): tags.contains(name)
        case .not(let e): !e.matches(tags)
        case .and(let a, let b): a.matches(tags) && b.matches(tags)
        case .or(let a, let b): a.matches(tags) || b.matches(tags)
        }
    }

    var description: String { text(precedence: 0) }

    /// Precedence: 1 for `|`, 2 for `&`, 3 for `!`.
    func text(precedence: Int) -> String {
        switch self {
        case .tag(let name): return name
        case .not(let e): return "!" + e.text(precedence: 3)
        case .and(let a, let b):
            let body = "\(a.text(precedence: 2)) & \(b.text(precedence: 2))"
            return precedence > 2 ? "(\(body))" : body
        case .or(let a, let b):
            let body = "\(a.text(precedence: 1))|\(b.text(precedence: 1))"
            return precedence > 1 ? "(\(body))" : body
        }
    }
}

extension OrdinalSet {
    /// Checks the representation: keys ascending, no empty containers, arrays exactly for
    /// at most 4,096 members, sorted unique arrays, counts equal to the members.
    func checkInvariants(sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        var previous = -1
        var total = 0
        for c in containers {
            #expect(c.key > previous, sourceLocation: sourceLocation)
            previous = c.key
            #expect(c.count > 0, sourceLocation: sourceLocation)
            #expect(c.isBitset == (c.count > OrdinalSet.arrayLimit), sourceLocation: sourceLocation)
            if c.isBitset {
                #expect(c.words.count == OrdinalSet.wordCount, sourceLocation: sourceLocation)
                #expect(c.words.reduce(0) { $0 + $1.nonzeroBitCount } == c.count, sourceLocation: sourceLocation)
            } else {
                #expect(c.values.count == c.count, sourceLocation: sourceLocation)
                #expect(zip(c.values, c.values.dropFirst()).allSatisfy { $0 < $1 }, sourceLocation: sourceLocation)
            }
            total += c.count
        }
        #expect(total == count, sourceLocation: sourceLocation)
    }
}
