import SortingCourse
import Testing

/// Hand-checked traces on the course's running example [5, 2, 4, 6, 1, 3].
@Suite("Traces")
struct TraceTests {
    static let example = [5, 2, 4, 6, 1, 3]

    func trace(_ name: String, _ input: [Int] = example, k: Int? = nil) throws -> SortTrace {
        try AlgorithmCatalog.entry(for: name).trace(input, k: k)
    }

    struct Expected: Sendable, CustomTestStringConvertible {
        var algorithm: String
        var input: [Int] = TraceTests.example
        /// The array after each pass, in order.
        var passes: [[Int]]
        var comparisons: Int?
        var swaps: Int?
        var writes: Int?
        var testDescription: String { algorithm }
    }

    @Test(arguments: [
        Expected(
            algorithm: "bubble-sort",
            passes: [
                [2, 4, 5, 1, 3, 6], [2, 4, 1, 3, 5, 6], [2, 1, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6],
            ],
            comparisons: 15, swaps: 9, writes: 0),
        Expected(
            algorithm: "selection-sort",
            passes: [
                [1, 2, 4, 6, 5, 3], [1, 2, 4, 6, 5, 3], [1, 2, 3, 6, 5, 4], [1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6],
            ],
            comparisons: 15, swaps: 3, writes: 0),
        Expected(
            algorithm: "insertion-sort",
            passes: [
                [2, 5, 4, 6, 1, 3], [2, 4, 5, 6, 1, 3], [2, 4, 5, 6, 1, 3], [1, 2, 4, 5, 6, 3], [1, 2, 3, 4, 5, 6],
            ],
            comparisons: 12, swaps: 0, writes: 13),
        Expected(
            algorithm: "introsort",
            passes: [
                [2, 5, 4, 6, 1, 3], [2, 4, 5, 6, 1, 3], [2, 4, 5, 6, 1, 3], [1, 2, 4, 5, 6, 3], [1, 2, 3, 4, 5, 6],
            ],
            comparisons: 12, swaps: 0, writes: 13),
        Expected(algorithm: "shell-sort", passes: [[1, 2, 4, 6, 5, 3], [1, 2, 3, 4, 5, 6]]),
        Expected(
            algorithm: "merge-sort",
            passes: [
                [5, 2, 4, 6, 1, 3], [2, 4, 5, 6, 1, 3], [2, 4, 5, 6, 1, 3], [2, 4, 5, 1, 3, 6], [1, 2, 3, 4, 5, 6],
            ]),
        Expected(
            algorithm: "merge-sort-bottom-up",
            passes: [[2, 5, 4, 6, 1, 3], [2, 4, 5, 6, 1, 3], [1, 2, 3, 4, 5, 6]]),
        Expected(
            algorithm: "quicksort-lomuto",
            passes: [[2, 3, 1, 4, 5, 6], [1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6]]),
        Expected(
            algorithm: "quicksort-hoare", passes: [[1, 2, 3, 4, 6, 5], [1, 2, 3, 4, 6, 5], [1, 2, 3, 4, 5, 6]]),
        Expected(algorithm: "quicksort-3way", passes: [[2, 3, 1, 4, 6, 5], [1, 2, 3, 4, 6, 5], [1, 2, 3, 4, 5, 6]]),
        Expected(
            algorithm: "counting-sort", input: [3, -1, 2, -1, 0], passes: [[3, -1, 2, -1, 0], [-1, -1, 0, 2, 3]],
            writes: 5),
        Expected(
            algorithm: "radix-sort", input: [170, 45, 75, 90, 802, 24, 2, 66],
            passes: [
                [802, 2, 24, 45, 75, 66, 170, 90], [802, 2, 24, 45, 66, 170, 75, 90],
                [2, 24, 45, 66, 75, 90, 170, 802],
            ]),
        Expected(
            algorithm: "bucket-sort", input: [9, 1, 5, 0, 7, 2], passes: [[1, 0, 2, 5, 7, 9], [0, 1, 2, 5, 7, 9]]),
    ])
    func handChecked(_ e: Expected) throws {
        let t = try trace(e.algorithm, e.input)
        #expect(t.passSnapshots == e.passes)
        #expect(t.passes == e.passes.count)
        #expect(t.output == e.input.sorted())
        if let c = e.comparisons { #expect(t.comparisons == c) }
        if let s = e.swaps { #expect(t.swaps == s) }
        if let w = e.writes { #expect(t.writes == w) }
    }

    @Test func heapSortBuildsTheHeapFirst() throws {
        let t = try trace("heap-sort")
        #expect(t.array(afterPass: 1) == [6, 5, 4, 2, 1, 3])
        #expect(t.passes == 6)
    }

    @Test func lomutoFirstPartitionInDetail() throws {
        let t = try trace("quicksort-lomuto")
        // Median of 5, 4, 3 is the 4 at offset 2: swapped to the end, then the scan.
        let firstPass = t.steps.prefix { if case .pass = $0.event { false } else { true } }
        #expect(
            firstPass.map(\.event) == [
                .compare(2, 0), .compare(5, 2), .swap(2, 5),
                .compare(0, 5), .compare(1, 5), .swap(0, 1), .compare(2, 5), .swap(1, 2),
                .compare(3, 5), .compare(4, 5), .swap(2, 4), .swap(3, 5), .pivot(3),
            ])
        #expect(t.firstPivotIndex == 3)
    }

    @Test func quickselectFindsTheSecondSmallest() throws {
        let t = try trace("quickselect", k: 2)
        #expect(t.selected == 2)
        #expect(t.firstPivotIndex == 3)
        #expect(t.passes == 2)
    }

    @Test func introsortIsInsertionSortUpTo16() throws {
        for seed in UInt64(0)..<20 {
            let input = randomInts(16, in: 0...9, seed: seed)
            let a = try trace("introsort", input)
            let b = try trace("insertion-sort", input)
            #expect(a.steps == b.steps)
        }
    }

    @Test func stepsSnapshotTheArrayAfterEachEvent() throws {
        let t = try trace("bubble-sort")
        #expect(t.steps.first == SortStep(event: .compare(1, 0), array: Self.example))
        #expect(t.steps[1] == SortStep(event: .swap(0, 1), array: [2, 5, 4, 6, 1, 3]))
        #expect(t.steps.last?.array == t.output)
        #expect(t.steps.filter { if case .compare = $0.event { true } else { false } }.count == t.comparisons)
    }

    @Test(arguments: AlgorithmCatalog.names)
    func tracedRunsSortOnRandomInputs(_ name: String) throws {
        for seed in UInt64(0)..<30 {
            let input = InputGenerator.traceInput(size: 2 + Int(seed % 15), min: -5, max: 30, seed: seed)
            let t = try trace(name, input)
            #expect(t.input == input)
            if name == "quickselect" {
                #expect(t.selected == input.sorted()[(input.count + 1) / 2 - 1])
            } else {
                #expect(t.output == input.sorted(), "seed \(seed)")
                #expect(t.passSnapshots.last == t.output, "seed \(seed)")
            }
        }
    }

    @Test func quickselectAgreesWithSorting() {
        for seed in UInt64(0)..<30 {
            let input = randomInts(1 + Int(seed) * 7, in: -10...10, seed: seed)
            let sorted = input.sorted()
            for k in 1...input.count {
                var a = input
                #expect(a.quickselect(k: k) == sorted[k - 1], "seed \(seed), k \(k)")
                #expect(a[k - 1] == sorted[k - 1])
                #expect(a[..<(k - 1)].allSatisfy { $0 <= sorted[k - 1] })
                #expect(a[k...].allSatisfy { $0 >= sorted[k - 1] })
            }
        }
        var words = ["pear", "fig", "apple"]
        #expect(words.quickselect(k: 1, by: { $0.count > $1.count }) == "apple")
    }

    @Test func jsonShape() throws {
        let t = try trace("bubble-sort", [2, 1])
        let data = try JSONEncoderShim.encode(t)
        #expect(data.contains(#""event":"compare","indices":[1,0]"#))
        #expect(data.contains(#""event":"pass""#))
    }
}

/// Minimal JSON check without Foundation: the Codable shape through a tiny encoder is
/// overkill here, so compare the SortStep fields directly.
enum JSONEncoderShim {
    static func encode(_ t: SortTrace) throws -> String {
        t.steps.map { step in
            switch step.event {
            case .pass(let p): #"{"event":"pass","pass":\#(p)}"#
            default:
                #"{"event":"\#(step.event.name)","indices":[\#(step.event.offsets.map(String.init).joined(separator: ","))]}"#
            }
        }.joined()
    }
}
