import SeededRandom
import SortingCourse
import Testing

@testable import QuizEngine

@Suite("Tag query evaluation")
struct QueryEvaluationTests {
    @Test("random banks and random expressions: the evaluated set equals a naive evaluation", arguments: 0..<60)
    func randomBanks(seed: UInt64) throws {
        let set = QueryFixtures.randomSet(seed: seed)
        let index = QueryFixtures.index(set)
        var g = Xoshiro256StarStar(seed: seed)
        for _ in 0..<8 {
            let expression = RandomExpression.random(names: ["a", "b", "c", "d", "e", "f"], depth: 4, using: &g)
            let query = try QuestionQuery(index: index, tags: [expression.description])
            let matches = query.matches()
            matches.checkInvariants()
            #expect(Array(matches) == QueryFixtures.naive(set, expression), "\(expression)")
            #expect(matches.count == Array(matches).count)
        }
    }

    @Test("70,000 questions: sets crossing the 65,536 boundary, dense and sparse tags", arguments: 0..<12)
    func largeRandom(seed: UInt64) throws {
        let index = QueryFixtures.large.index
        var g = Xoshiro256StarStar(seed: seed)
        let expression = RandomExpression.random(names: QueryFixtures.largeNames, depth: 3, using: &g)
        let matches = try QuestionQuery(index: index, tags: [expression.description]).matches()
        matches.checkInvariants()
        let tagSets = QueryFixtures.large.tagSets
        #expect(Array(matches) == tagSets.indices.filter { expression.matches(tagSets[$0]) }, "\(expression)")
    }

    /// Every pairing of container kinds, each operation, and the complement cases.
    @Test(
        "70,000 questions: chosen expressions",
        arguments: [
            "dense & half", "dense & sparse", "sparse & dense", "sparse & rare", "rare & dense", "varied & mid",
            "varied & sparse", "dense | half", "sparse | rare", "varied | sparse", "dense | sparse | rare",
            "dense & !half", "dense & !sparse", "sparse & !dense", "sparse & !rare", "varied & !mid",
            "!dense", "!rare", "!varied | rare", "rare | !dense", "!(dense | sparse)", "!dense & !sparse",
            "second-block & varied", "first-block & second-block", "first-block | second-block",
            "second-block & !first-block", "first-block & !varied", "second-block | edge", "edge",
            "edge & !second-block", "unused", "unused | rare", "!unused", "dense & unused", "!first-block | rare",
            "(dense | mid) & (sparse | rare) & !half",
        ])
    func largeChosen(_ text: String) throws {
        let matches = try QuestionQuery(index: QueryFixtures.large.index, tags: [text]).matches()
        matches.checkInvariants()
        #expect(Array(matches) == QueryFixtures.naiveLarge(try TagExpression(parsing: text)))
    }

    @Test(
        "difficulty names that are not tags match by difficulty",
        arguments: [
            "dense & !easy", "easy | rare", "!hard", "hard", "sparse & medium & !half", "!(easy | medium) & mid",
        ])
    func difficultyNames(_ text: String) throws {
        let (set, index, tagSets) = QueryFixtures.large
        let expression = try TagExpression(parsing: text)
        let expected = set.questions.indices.filter { q in
            expression.matches { name in
                Difficulty(rawValue: name).map { set.questions[q].difficulty == $0 } ?? tagSets[q].contains(name)
            }
        }
        let query = try QuestionQuery(index: index, tags: [text])
        #expect(Array(query.matches()) == expected)
        for strategy in DrawTests.strategies {
            let drawn = query.draw(count: 20, seed: 5, strategy: strategy)
            #expect(drawn.count == min(20, expected.count) && drawn.allSatisfy(query.matches))
        }
    }

    @Test("a tag named like a difficulty is the tag")
    func difficultyTag() throws {
        let set = QueryFixtures.set(seed: 3, questions: 500, tags: [.init(name: "easy", perMille: [100])])
        let index = QueryFixtures.index(set)
        let matches = try QuestionQuery(index: index, tags: ["easy"]).matches()
        #expect(Array(matches) == set.questions.indices.filter { set.questions[$0].tags.contains("easy") })
    }

    @Test("repeated expressions are ANDed")
    func repeated() throws {
        let index = QueryFixtures.large.index
        let both = try QuestionQuery(index: index, tags: ["dense | rare", "!half", "varied"]).matches()
        #expect(Array(both) == QueryFixtures.naiveLarge(try TagExpression(parsing: "(dense | rare) & !half & varied")))
        #expect(try QuestionQuery(index: index, tags: []).matches().count == 70_000)
    }

    @Test("filters by type, difficulty and bank", arguments: 0..<6)
    func filters(seed: UInt64) throws {
        let set = QueryFixtures.randomSet(seed: seed)
        let index = QueryFixtures.index(set)
        var g = Xoshiro256StarStar(seed: seed)
        let types = QuestionType.allCases.filter { _ in g.uniform(below: 2) == 0 }
        let difficulties = Difficulty.allCases.filter { _ in g.uniform(below: 2) == 0 }
        let banks = ["alpha", "beta", "gamma"].filter { _ in g.uniform(below: 2) == 0 }
        let filter = QuestionFilter(types: types, difficulties: difficulties, banks: banks)
        for tags in [[], ["a | b"], ["!c"]] {
            let query = try QuestionQuery(index: index, tags: tags, filter: filter)
            let expected = set.questions.indices.filter { q in
                let question = set.questions[q]
                let tagged =
                    try! tags.first.map { text in
                        try TagExpression(parsing: text).matches { question.tags.contains($0) }
                    } ?? true
                return tagged && (types.isEmpty || types.contains(question.type))
                    && (difficulties.isEmpty || question.difficulty.map(difficulties.contains) == true)
                    && (banks.isEmpty || banks.contains(question.bank))
            }
            #expect(Array(query.matches()) == expected, "\(tags) \(filter)")
            #expect(set.questions.indices.filter(query.matches) == expected)
        }
    }

    @Test("unknown tags are located and get a suggestion from the index's tags")
    func unknownTag() {
        let index = QueryFixtures.large.index
        let error = #expect(throws: QueryError.self) {
            try QuestionQuery(index: index, tags: ["dense", "sparse & !raer"])
        }
        guard case .expression(let e)? = error else {
            Issue.record("expected an expression error, got \(String(describing: error))")
            return
        }
        #expect(e.code == .unknownTag)
        #expect(e.expression == "sparse & !raer")
        #expect(e.column == 11)
        #expect(e.description == "unknown tag 'raer'; did you mean 'rare'?\n  sparse & !raer\n            ^~~~")
        let far = #expect(throws: QueryError.self) { try QuestionQuery(index: index, tags: ["zzzzzz"]) }
        #expect(far?.description.hasPrefix("unknown tag 'zzzzzz'; `quiz tags` lists the tags") == true)
    }

    @Test("unknown banks get a suggestion")
    func unknownBank() {
        let index = QueryFixtures.large.index
        let error = #expect(throws: QueryError.self) {
            try QuestionQuery(index: index, tags: [], filter: QuestionFilter(banks: ["alpa"]))
        }
        #expect(error == .unknownBank("alpa", suggestion: "alpha", known: ["alpha", "beta", "gamma"]))
        #expect(error?.description == "unknown bank 'alpa'; did you mean 'alpha'?")
    }
}

@Suite("Ordinal sets")
struct OrdinalSetTests {
    @Test("built from ordinals in any order, with repeats, across blocks")
    func fromOrdinals() {
        let set = OrdinalSet([70_000, 3, 5, 3, 65_535, 65_536, 0])
        #expect(Array(set) == [0, 3, 5, 65_535, 65_536, 70_000])
        #expect(set.count == 6)
        #expect(set.contains(65_536) && !set.contains(65_537) && !set.contains(-1))
        set.checkInvariants()
        let dense = OrdinalSet(stride(from: 1, to: 20_000, by: 2))
        dense.checkInvariants()
        #expect(dense.count == 10_000)
        #expect(OrdinalSet([]).isEmpty)
    }

    @Test("rank → ordinal agrees with iteration, for arrays and bitsets", arguments: [1, 7, 1_000])
    func ranks(step: Int) throws {
        let index = QueryFixtures.large.index
        let set = try QuestionQuery(index: index, tags: ["dense | varied | edge"]).matches().filter { $0 % step == 0 }
        set.checkInvariants()
        let all = Array(set)
        for rank in stride(from: 0, to: all.count, by: max(1, all.count / 500)) {
            #expect(set.ordinal(atRank: rank) == all[rank])
        }
        let ranks = [0, 1, all.count / 3, all.count / 2, all.count - 2, all.count - 1].filter { $0 >= 0 }
        let sorted = Array(Set(ranks)).sorted()
        #expect(set.ordinals(atSortedRanks: sorted) == sorted.map { all[$0] })
    }

    @Test("the universe of n questions", arguments: [0, 1, 63, 64, 65, 4_096, 4_097, 65_535, 65_536, 65_537, 131_073])
    func universe(n: Int) {
        let all = OrdinalSet.universe(count: n)
        all.checkInvariants()
        #expect(all.count == n)
        #expect(Array(all) == Array(0..<n))
    }

    @Test("set algebra against Swift sets on random members", arguments: 0..<12)
    func algebra(seed: UInt64) {
        var g = Xoshiro256StarStar(seed: seed)
        func random() -> [Int] {
            let density = [1, 30, 200, 700, 999][Int(g.uniform(below: 5))]
            let span = [100, 70_000, 140_000][Int(g.uniform(below: 3))]
            return (0..<span).filter { _ in Int(g.uniform(below: 1000)) < density }
        }
        let x = random()
        let y = random()
        let a = OrdinalSet(x)
        let b = OrdinalSet(y)
        let sx = Set(x)
        let sy = Set(y)
        let results = [
            (OrdinalSet.intersection(a, b), sx.intersection(sy)),
            (OrdinalSet.union(a, b), sx.union(sy)),
            (OrdinalSet.difference(a, b), sx.subtracting(sy)),
            (OrdinalSet.difference(b, a), sy.subtracting(sx)),
        ]
        for (got, want) in results {
            got.checkInvariants()
            #expect(Array(got) == want.sorted())
        }
    }
}
