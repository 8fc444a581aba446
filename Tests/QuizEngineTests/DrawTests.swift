import SeededRandom
import SortingCourse
import Testing

@testable import QuizEngine

@Suite("Seeded draws")
struct DrawTests {
    static let strategies: [QuestionQuery.Strategy] = [.automatic, .enumerate, .reject]

    @Test("draws are distinct, match, and take min(k, matches)", arguments: 0..<40)
    func randomDraws(seed: UInt64) throws {
        let set = QueryFixtures.randomSet(seed: seed)
        let index = QueryFixtures.index(set)
        var g = Xoshiro256StarStar(seed: seed)
        for _ in 0..<4 {
            let expression = RandomExpression.random(names: ["a", "b", "c", "d", "e", "f"], depth: 3, using: &g)
            let query = try QuestionQuery(index: index, tags: [expression.description])
            let expected = Set(QueryFixtures.naive(set, expression))
            let k = [0, 1, 2, 5, 20, 100, 5_000][Int(g.uniform(below: 7))]
            for strategy in Self.strategies {
                let drawn = query.draw(count: k, seed: g.next(), strategy: strategy)
                #expect(drawn.count == min(k, expected.count), "\(expression) k=\(k) \(strategy)")
                #expect(Set(drawn).count == drawn.count, "duplicates in \(drawn)")
                #expect(drawn.allSatisfy(expected.contains), "\(expression) \(strategy)")
            }
        }
    }

    @Test(
        "on 70,000 questions, with every strategy",
        arguments: ["dense & !half", "rare", "!dense", "edge", "varied & sparse | rare", "second-block & !varied"])
    func largeDraws(_ text: String) throws {
        let (_, index, tagSets) = QueryFixtures.large
        let expression = try TagExpression(parsing: text)
        let query = try QuestionQuery(index: index, tags: [text])
        let matchCount = query.matches().count
        for strategy in Self.strategies {
            for (k, seed) in [(1, 1), (10, 2), (100, 3), (1_000, 4)] as [(Int, UInt64)] {
                let drawn = query.draw(count: k, seed: seed, strategy: strategy)
                #expect(Set(drawn).count == drawn.count)
                #expect(drawn.allSatisfy { expression.matches(tagSets[$0].contains) })
                #expect(drawn.count == min(k, matchCount))
            }
        }
    }

    @Test("with filters, the draw honours them")
    func filteredDraws() throws {
        let (set, index, _) = QueryFixtures.large
        let filter = QuestionFilter(types: [.choice, .multi], difficulties: [.hard], banks: ["beta"])
        for tags in [[], ["dense"], ["!half"]] {
            let query = try QuestionQuery(index: index, tags: tags, filter: filter)
            for strategy in Self.strategies {
                let drawn = query.draw(count: 25, seed: 9, strategy: strategy)
                #expect(drawn.count == 25)
                #expect(Set(drawn).count == 25)
                for q in drawn {
                    let question = set.questions[q]
                    #expect([.choice, .multi].contains(question.type) && question.difficulty == .hard)
                    #expect(question.bank == "beta")
                }
            }
        }
    }

    @Test("more than match returns every match; nothing matching returns nothing")
    func edges() throws {
        let index = QueryFixtures.large.index
        let edge = try QuestionQuery(index: index, tags: ["edge"])
        #expect(Set(edge.draw(count: 100, seed: 1)) == Set(QueryFixtures.largeEdges))
        #expect(edge.draw(count: 0, seed: 1).isEmpty)
        #expect(edge.draw(count: -3, seed: 1).isEmpty)
        #expect(try QuestionQuery(index: index, tags: ["unused"]).draw(count: 5, seed: 1).isEmpty)
        #expect(try QuestionQuery(index: index, tags: ["dense & !dense"]).draw(count: 5, seed: 1).isEmpty)
        let empty = QueryFixtures.index(QuestionSet())
        #expect(try QuestionQuery(index: empty, tags: []).draw(count: 5, seed: 1).isEmpty)
    }

    @Test("the same seed replays the same draw; other seeds differ")
    func reproducible() throws {
        let query = try QuestionQuery(index: QueryFixtures.large.index, tags: ["sparse | rare"])
        for strategy in Self.strategies {
            let first = query.draw(count: 10, seed: 12_345, strategy: strategy)
            #expect(query.draw(count: 10, seed: 12_345, strategy: strategy) == first)
            let others = Set((0..<20).map { query.draw(count: 10, seed: UInt64($0), strategy: strategy) })
            #expect(others.count == 20)
        }
    }

    /// Pearson's chi-square statistic of observed counts against equal expected counts.
    static func chiSquare(_ counts: [Int]) -> Double {
        let total = Double(counts.reduce(0, +))
        let expected = total / Double(counts.count)
        return counts.reduce(0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
    }

    /// A threshold far in the tail: mean + 6 standard deviations of χ² with `df` degrees of
    /// freedom (p well below 1e-6), so a correct sampler cannot fail with these fixed seeds
    /// while a biased one (say, a question never or twice as often drawn) fails by far.
    static func threshold(df: Int) -> Double { Double(df) + 6 * (2 * Double(df)).squareRoot() }

    @Test("single draws are uniform over the matches (chi-square over fixed seeds)", arguments: strategies)
    func uniformSingles(strategy: QuestionQuery.Strategy) throws {
        // 40 matches among 2,000 questions, so rejection sampling has something to reject.
        var set = QueryFixtures.set(
            seed: 11, questions: 2_000, tags: [.init(name: "pool", perMille: [1000]), .init(name: "x", perMille: [0])])
        for q in stride(from: 7, to: 2_000, by: 50) { set.questions[q].tags.append("x") }
        let index = QueryFixtures.index(set)
        let query = try QuestionQuery(index: index, tags: ["pool & x"])
        let matches = Array(query.matches())
        #expect(matches.count == 40)
        let position = Dictionary(uniqueKeysWithValues: matches.enumerated().map { ($0.element, $0.offset) })
        var counts = [Int](repeating: 0, count: matches.count)
        let draws = 100 * matches.count
        for seed in 0..<draws {
            let drawn = query.draw(count: 1, seed: UInt64(seed), strategy: strategy)
            counts[position[drawn[0]]!] += 1
        }
        let statistic = Self.chiSquare(counts)
        #expect(statistic < Self.threshold(df: matches.count - 1), "χ² = \(statistic), counts \(counts)")
        #expect(counts.allSatisfy { $0 > 0 })
    }

    @Test("rejection candidates are uniform over a pivot of bitset and array containers (chi-square)")
    func uniformPivot() throws {
        // 'varied': ~59,000 members in a bitset (block 0), ~130 in an array (block 1).
        let list = try #require(try QueryFixtures.large.index.postings(forTag: "varied"))
        #expect(list.containers.map(\.kind) == [.bitset, .array])
        let pivot = try #require(QuestionSampler.Pivot(.tag(list), universe: QueryFixtures.large.index.count))
        let members = list.ordinals
        let rank = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($0.element, $0.offset) })
        // 60 buckets of consecutive ranks; the last one holds the array container's members.
        let bucketSize = (members.count + 59) / 60
        var counts = [Int](repeating: 0, count: 60)
        var g = Xoshiro256StarStar(seed: 77)
        let samples = 30_000
        for _ in 0..<samples {
            counts[rank[pivot.randomMember(using: &g)]! / bucketSize] += 1
        }
        let expected = (0..<60).map { b in
            Double(samples) * Double(min(bucketSize, members.count - b * bucketSize)) / Double(members.count)
        }
        let statistic = zip(counts, expected).reduce(0) { $0 + (Double($1.0) - $1.1) * (Double($1.0) - $1.1) / $1.1 }
        #expect(statistic < Self.threshold(df: 59), "χ² = \(statistic), counts \(counts)")
    }

    @Test("ordered pairs are uniform: subsets and their order (chi-square)", arguments: strategies)
    func uniformPairs(strategy: QuestionQuery.Strategy) throws {
        // Six matches among many questions, so rejection sampling has something to reject.
        var set = QueryFixtures.set(
            seed: 5, questions: 200, tags: [.init(name: "pool", perMille: [1000]), .init(name: "x", perMille: [0])])
        for q in [3, 50, 51, 120, 180, 199] { set.questions[q].tags.append("x") }
        let index = QueryFixtures.index(set)
        let query = try QuestionQuery(index: index, tags: ["pool & x"])
        var counts: [[Int]: Int] = [:]
        for seed in 0..<6_000 {
            counts[query.draw(count: 2, seed: UInt64(seed), strategy: strategy), default: 0] += 1
        }
        #expect(counts.count == 30)  // 6 · 5 ordered pairs, all seen
        let statistic = Self.chiSquare(Array(counts.values))
        #expect(statistic < Self.threshold(df: 29), "χ² = \(statistic)")
    }

    /// Pins the algorithm: a change of generator, sampling or strategy choice changes these
    /// keys and must be deliberate (replayed seeds of users would draw other questions).
    @Test("golden: the keys drawn for fixed seeds")
    func golden() throws {
        let set = QueryFixtures.set(
            seed: 2_024, questions: 5_000,
            tags: [
                .init(name: "broad", perMille: [700]), .init(name: "narrow", perMille: [8]),
                .init(name: "hard-ones", perMille: [300]),
            ])
        let index = QueryFixtures.index(set)
        func keys(
            _ tags: [String], _ k: Int, _ seed: UInt64, _ strategy: QuestionQuery.Strategy = .automatic
        ) throws -> [String] {
            try QuestionQuery(index: index, tags: tags).draw(count: k, seed: seed, strategy: strategy)
                .map(index.key(at:))
        }
        // Rejection sampling (k far below the pivot 'broad').
        let rejected = ["gamma/q3494", "gamma/q1424", "alpha/q4167", "alpha/q4902", "gamma/q2732"]
        #expect(try keys(["broad & !hard-ones"], 5, 7) == rejected)
        #expect(try keys(["broad & !hard-ones"], 5, 7, .reject) == rejected)
        // Enumeration with Floyd's sampling (no pivot for an '|').
        let enumerated = ["gamma/q3506", "alpha/q4188", "gamma/q4889", "gamma/q1454", "beta/q4954"]
        #expect(try keys(["narrow | hard-ones & broad"], 5, 7) == enumerated)
        #expect(try keys(["narrow | hard-ones & broad"], 5, 7, .enumerate) == enumerated)
        // Every match (11), shuffled.
        #expect(
            try keys(["narrow & hard-ones"], 50, 7) == [
                "alpha/q4653", "gamma/q1697", "beta/q1624", "gamma/q2045", "beta/q463", "gamma/q2204", "alpha/q3009",
                "beta/q4375", "alpha/q4980", "beta/q1639", "gamma/q3899",
            ])
        // No tags at all: rejection over every question.
        #expect(try keys([], 3, 0) == ["alpha/q3006", "alpha/q3738", "gamma/q515"])
    }
}

extension QuestionQuery.Strategy: CustomTestStringConvertible {
    public var testDescription: String {
        switch self {
        case .automatic: "automatic"
        case .enumerate: "enumerate"
        case .reject: "reject"
        }
    }
}
