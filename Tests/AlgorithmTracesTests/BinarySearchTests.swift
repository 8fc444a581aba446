import AlgorithmTraces
import Testing

@Suite("Binary search")
struct BinarySearchTests {
    /// The probes of the closed-window search, by its definition, recursively.
    static func referenceProbes(_ values: [Int], _ target: Int, low: Int, high: Int) -> [Int] {
        guard low <= high else { return [] }
        let mid = (low + high) / 2  // no overflow at these sizes
        if values[mid] == target { return [mid] }
        return [mid]
            + (values[mid] < target
                ? referenceProbes(values, target, low: mid + 1, high: high)
                : referenceProbes(values, target, low: low, high: mid - 1))
    }

    /// Every ascending array of distinct values drawn from 0...7 (all 256 subsets), every target
    /// in -1...8: the result agrees with a linear scan, the probes with the recursive
    /// definition and the ⌊log₂ n⌋ + 1 bound, and the traced run with the untraced one.
    @Test func everySmallArrayAndTarget() {
        for mask in 0..<256 {
            let values = (0..<8).filter { mask & (1 << $0) != 0 }
            for target in -1...8 {
                let found = values.binarySearch(for: target)
                #expect(found == values.firstIndex(of: target), "\(values) target \(target)")
                var recorder = StepRecorder()
                let traced = values.binarySearch(for: target, probe: &recorder)
                #expect(traced == found)
                let probes = recorder.steps.map { $0.event.operands[0] }
                #expect(probes == Self.referenceProbes(values, target, low: 0, high: values.count - 1))
                let bound = values.isEmpty ? 0 : Int.bitWidth - values.count.leadingZeroBitCount
                #expect(probes.count <= bound, "\(values) target \(target): \(probes)")
            }
        }
    }

    /// With repeated values the search still finds an equal element exactly when one exists.
    @Test func everySmallArrayWithRepeats() {
        func arrays(_ length: Int, from lowest: Int) -> [[Int]] {
            guard length > 0 else { return [[]] }
            return (lowest...2).flatMap { first in arrays(length - 1, from: first).map { [first] + $0 } }
        }
        for length in 0...6 {
            for values in arrays(length, from: 0) {
                for target in -1...3 {
                    let found = values.binarySearch(for: target)
                    #expect(found.map { values[$0] == target } ?? !values.contains(target), "\(values) \(target)")
                }
            }
        }
    }

    @Test func offsetsCountFromTheSliceStart() {
        let values = [0, 0, 0, 1, 3, 4, 7, 9, 12]
        let slice = values[3...]
        #expect(slice.binarySearch(for: 9) == 4)
        #expect(slice.binarySearch(for: 5) == nil)
    }

    @Test func windowsShrinkAroundTheProbe() throws {
        let entry = try #require(TracedAlgorithmCatalog.entry(named: "binary-search"))
        let trace = try entry.trace(.search(values: [2, 3, 5, 7, 11, 13, 17, 19], target: 4))
        #expect(trace.answer == [3, 1, 2])
        #expect(trace.foundIndex == nil)
        #expect(
            trace.steps.map(\.event) == [
                .probe(index: 3, low: 0, high: 7), .probe(index: 1, low: 0, high: 2), .probe(index: 2, low: 2, high: 2),
            ])
    }
}
