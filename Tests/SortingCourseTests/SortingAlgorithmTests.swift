import SortingCourse
import Testing

/// The properties every sort must have, checked for every algorithm of the catalog.
@Suite("Every sorting algorithm")
struct SortingAlgorithmTests {
    @Test("catalog and test table agree")
    func tableCoversCatalog() {
        #expect(
            Set(SortCase.all.map(\.name)).union(["quickselect"]) == Set(AlgorithmCatalog.names))
        for c in SortCase.all {
            #expect(AlgorithmCatalog.entry(named: c.name)?.stable == c.stable, "\(c.name)")
        }
    }

    @Test("random inputs with many duplicates", arguments: SortCase.all)
    func randomWithDuplicates(_ c: SortCase) {
        for seed in UInt64(0)..<40 {
            let n = Int(seed * 37 % 300)
            let input = randomInts(n, in: -20...20, seed: seed)
            var a = input
            c.sort(&a)
            #expect(a == input.sorted(), "seed \(seed), n \(n)")
        }
    }

    @Test("wide random values, negatives included", arguments: SortCase.all)
    func wideValues(_ c: SortCase) {
        for seed in UInt64(0)..<10 {
            let input = randomInts(257, in: Int.min...Int.max, seed: seed) + [Int.min, Int.max, 0, -1]
            var a = input
            c.sort(&a)
            #expect(a == input.sorted(), "seed \(seed)")
        }
    }

    @Test("sorted, reversed, constant and tiny inputs", arguments: SortCase.all)
    func shapes(_ c: SortCase) {
        let n = 200
        for input in [
            Array(0..<n), Array((0..<n).reversed()), Array(repeating: 7, count: n), [], [1], [2, 1], [1, 2],
        ] {
            var a = input
            c.sort(&a)
            #expect(a == input.sorted(), "\(input.prefix(5))…")
        }
    }

    @Test("every permutation for n <= 6", arguments: SortCase.all)
    func allPermutations(_ c: SortCase) {
        for n in 0...6 {
            for p in permutations(of: Array(0..<n)) + permutations(of: (0..<n).map { $0 / 2 }) {
                var a = p
                c.sort(&a)
                #expect(a == p.sorted(), "input \(p)")
            }
        }
    }

    @Test("slices with a non-zero start index", arguments: SortCase.all)
    func slices(_ c: SortCase) {
        let input = randomInts(40, in: -50...50, seed: 9)
        var whole = input
        c.sortSlice(&whole[3..<20])
        #expect(Array(whole[3..<20]) == input[3..<20].sorted())
        #expect(whole[..<3] == input[..<3])
        #expect(whole[20...] == input[20...])
    }

    @Test("generic path equals contiguous path, step for step", arguments: SortCase.all)
    func genericPath(_ c: SortCase) {
        for seed in UInt64(0)..<10 {
            let input = randomInts(100, in: -30...30, seed: seed)
            var boxed = Boxed(base: input)
            var boxedProbe = CountingProbe()
            c.sortBoxed(&boxed, &boxedProbe)
            var array = input
            var arrayProbe = CountingProbe()
            c.sortCounting(&array, &arrayProbe)
            #expect(boxed.base == input.sorted())
            #expect(array == input.sorted())
            #expect(boxedProbe.comparisons == arrayProbe.comparisons)
            #expect(boxedProbe.swaps == arrayProbe.swaps)
            #expect(boxedProbe.writes == arrayProbe.writes)
            #expect(boxedProbe.passes == arrayProbe.passes)
        }
    }

    @Test("a throwing predicate propagates and loses nothing", arguments: SortCase.all)
    func throwingPredicate(_ c: SortCase) {
        let input = randomInts(150, in: 0...40, seed: 3).enumerated().map { Item(key: $1, offset: $0) }
        var total = 0
        var sorted = input
        try? c.sortItems(&sorted) { item in
            total += 1
            return item.key
        }
        for limit in [0, 1, 5, total / 3, total / 2, total - 1] {
            var calls = 0
            var items = input
            #expect(throws: Boom.self, "after \(limit) calls") {
                try c.sortItems(&items) { item in
                    calls += 1
                    if calls > limit { throw Boom() }
                    return item.key
                }
            }
            #expect(items.sorted { $0.offset < $1.offset } == input, "after \(limit) calls: not a permutation")
        }
    }

    @Test("stable algorithms keep equal keys in order", arguments: SortCase.all.filter(\.stable))
    func stability(_ c: SortCase) throws {
        for seed in UInt64(0)..<10 {
            let keys = randomInts(65 + Int(seed) * 30, in: 0...4, seed: seed)
            var items = keys.enumerated().map { Item(key: $1, offset: $0) }
            try c.sortItems(&items) { $0.key }
            #expect(items.map(\.key) == keys.sorted(), "seed \(seed)")
            for (x, y) in zip(items, items.dropFirst()) where x.key == y.key {
                #expect(x.offset < y.offset, "seed \(seed): \(x) before \(y)")
            }
        }
    }
}

/// Comparison counts within their textbook bounds.
@Suite("Comparison counts")
struct ComparisonBoundTests {
    struct Bound: Sendable, CustomTestStringConvertible {
        var name: String
        var limit: @Sendable (Int) -> Int
        var testDescription: String { name }
    }

    static let bounds: [Bound] = [
        Bound(name: "bubble-sort") { $0 * ($0 - 1) / 2 },
        Bound(name: "selection-sort") { $0 * ($0 - 1) / 2 },
        Bound(name: "insertion-sort") { $0 * ($0 - 1) / 2 },
        Bound(name: "merge-sort") { $0 * log2Ceiling($0) },
        Bound(name: "merge-sort-bottom-up") { $0 * log2Ceiling($0) },
        Bound(name: "heap-sort") { 2 * $0 * log2Ceiling($0) },
        // Randomised bounds: about 1.39 n log2 n on average for median-of-three quicksort.
        Bound(name: "quicksort-lomuto") { 2 * $0 * log2Ceiling($0) },
        Bound(name: "quicksort-hoare") { 2 * $0 * log2Ceiling($0) },
        Bound(name: "quicksort-3way") { 3 * $0 * log2Ceiling($0) },
        Bound(name: "introsort") { 2 * $0 * log2Ceiling($0) },
        Bound(name: "shell-sort") { 3 * $0 * log2Ceiling($0) * 2 },
    ]

    @Test(arguments: bounds)
    func withinBound(_ bound: Bound) {
        let c = SortCase.named(bound.name)
        for n in [2, 3, 10, 100, 1000] {
            for seed in UInt64(0)..<5 {
                var a = randomInts(n, in: 0...1_000_000, seed: seed)
                var probe = CountingProbe()
                c.sortCounting(&a, &probe)
                #expect(probe.comparisons <= bound.limit(n), "n \(n), seed \(seed): \(probe.comparisons)")
            }
        }
    }

    @Test(
        "partitioning sorts stay O(n log n) on sorted, reversed and organ-pipe inputs",
        arguments: ["quicksort-lomuto", "quicksort-hoare", "quicksort-3way", "introsort"])
    func patternedInputs(_ name: String) {
        let c = SortCase.named(name)
        let n = 20_000
        let half = Array(0..<(n / 2))
        for (shape, input) in [
            ("sorted", Array(0..<n)), ("reversed", Array((0..<n).reversed())), ("organ pipe", half + half.reversed()),
        ] {
            var a = input
            var probe = CountingProbe()
            c.sortCounting(&a, &probe)
            #expect(a == input.sorted())
            #expect(probe.comparisons <= 2 * n * log2Ceiling(n), "\(shape): \(probe.comparisons)")
        }
    }

    @Test func selectionSortAlwaysComparesEveryPair() {
        var a = randomInts(50, in: 0...9, seed: 1)
        var probe = CountingProbe()
        a.selectionSort(by: <, probe: &probe)
        #expect(probe.comparisons == 50 * 49 / 2)
        #expect(probe.passes == 49)
    }

    @Test func insertionSortOnSortedInputIsLinear() {
        var a = Array(0..<100)
        var probe = CountingProbe()
        a.insertionSort(by: <, probe: &probe)
        #expect(probe.comparisons == 99)
        #expect(probe.writes == 0)
    }
}
