import SeededRandom
import SortingCourse
import Testing

/// Known vectors, computed with a direct Python transcription of the published
/// algorithms (splitmix64.c, xoshiro256starstar.c, Lemire 2019, Durstenfeld 1964).
@Suite("Seeded randomness")
struct RandomTests {
    @Test func splitMix64PublishedVector() {
        var g = SplitMix64(seed: 1234567)
        #expect(
            (0..<5).map { _ in g.next() } == [
                6457827717110365317, 3203168211198807973, 9817491932198370423,
                4593380528125082431, 16408922859458223821,
            ])
        var zero = SplitMix64(seed: 0)
        #expect((0..<3).map { _ in zero.next() } == [16294208416658607535, 7960286522194355700, 487617019471545679])
    }

    struct Vector: Sendable, CustomTestStringConvertible {
        var seed: UInt64
        var state: [UInt64]
        var outputs: [UInt64]
        var testDescription: String { "seed \(seed)" }
    }

    @Test(arguments: [
        Vector(
            seed: 0,
            state: [16294208416658607535, 7960286522194355700, 487617019471545679, 17909611376780542444],
            outputs: [
                11091344671253066420, 13793997310169335082, 1900383378846508768, 7684712102626143532,
                13521403990117723737,
            ]),
        Vector(
            seed: 42,
            state: [13679457532755275413, 2949826092126892291, 5139283748462763858, 6349198060258255764],
            outputs: [
                1546998764402558742, 6990951692964543102, 12544586762248559009, 17057574109182124193,
                18295552978065317476,
            ]),
    ])
    func xoshiroVectors(_ v: Vector) {
        var g = Xoshiro256StarStar(seed: v.seed)
        #expect([g.state.0, g.state.1, g.state.2, g.state.3] == v.state)
        #expect((0..<5).map { _ in g.next() } == v.outputs)
    }

    @Test func lemireBoundedVectors() {
        var g = Xoshiro256StarStar(seed: 42)
        #expect((0..<10).map { _ in g.uniform(below: 10) } == [0, 3, 6, 9, 9, 7, 7, 8, 7, 5])
        // A bound just above 2^63 rejects about half the draws: exercises the rejection loop.
        var h = Xoshiro256StarStar(seed: 7)
        #expect(
            (0..<5).map { _ in h.uniform(below: (1 << 63) + 1) } == [
                6461677535414237997, 7744196453246319819, 9049029322324588832, 9139072988219048332, 1400256439129669809,
            ])
        var r = Xoshiro256StarStar(seed: 42)
        #expect((0..<10).map { _ in r.uniform(in: -5...5) } == [-5, -1, 2, 5, 5, 3, 2, 4, 3, 1])
    }

    @Test func fullRangeAndSingleValue() {
        var g = Xoshiro256StarStar(seed: 1)
        #expect((0..<10).allSatisfy { _ in g.uniform(in: 3...3) == 3 })
        _ = g.uniform(in: Int.min...Int.max)
    }

    @Test func boundedIsUniformEnough() {
        var g = Xoshiro256StarStar(seed: 5)
        var counts = [Int](repeating: 0, count: 6)
        for _ in 0..<60_000 { counts[Int(g.uniform(below: 6))] += 1 }
        #expect(counts.allSatisfy { (9_500...10_500).contains($0) }, "\(counts)")
    }

    @Test func fisherYatesVector() {
        var g = Xoshiro256StarStar(seed: 42)
        var a = Array(0..<10)
        a.fisherYatesShuffle(using: &g)
        #expect(a == [9, 1, 4, 2, 8, 7, 6, 5, 3, 0])
    }

    @Test func traceInputVector() {
        #expect(InputGenerator.traceInput(size: 6, min: 0, max: 9, seed: 1) == [7, 5, 5, 3, 6, 1])
    }

    @Test(arguments: BenchmarkInput.allCases)
    func benchmarkInputs(_ kind: BenchmarkInput) {
        let a = InputGenerator.benchmarkInput(n: 1000, kind: kind, range: -1000...1000, seed: 3)
        #expect(a.count == 1000)
        #expect(a.allSatisfy { (-1000...1000).contains($0) })
        #expect(a == InputGenerator.benchmarkInput(n: 1000, kind: kind, range: -1000...1000, seed: 3))
        switch kind {
        case .sorted: #expect(a == a.sorted())
        case .reversed: #expect(a == a.sorted(by: >))
        case .fewUnique: #expect(Set(a).count <= 8)
        case .random: #expect(Set(a).count > 500)
        }
    }
}
