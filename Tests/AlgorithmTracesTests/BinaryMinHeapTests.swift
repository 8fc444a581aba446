import AlgorithmTraces
import Testing

@Suite("Binary min-heap")
struct BinaryMinHeapTests {
    static func isHeap(_ array: [Int]) -> Bool {
        array.indices.dropFirst().allSatisfy { array[($0 - 1) / 2] <= array[$0] }
    }

    /// Every sequence of up to 7 operations from push 0, push 1, push 2 and pop (21,845
    /// sequences; a pop on an empty heap must return nil and change nothing): every pop
    /// returns the smallest value of the multiset pushed and not yet popped, the array stays
    /// a heap holding exactly that multiset, and the traced run matches the untraced one.
    @Test func everyShortOperationSequence() {
        var sequences: [[Int]] = [[]]  // 0, 1, 2: push that value; 3: pop
        var last: [[Int]] = [[]]
        for _ in 1...7 {
            last = last.flatMap { s in (0...3).map { s + [$0] } }
            sequences += last
        }
        #expect(sequences.count == 21_845)
        for sequence in sequences {
            var heap = BinaryMinHeap<Int>()
            var traced = BinaryMinHeap<Int>()
            var recorder = StepRecorder()
            var multiset: [Int] = []
            for code in sequence {
                if code < 3 {
                    heap.push(code)
                    traced.push(code, probe: &recorder)
                    multiset.append(code)
                } else {
                    let expected = multiset.min()
                    if let expected { multiset.remove(at: multiset.firstIndex(of: expected)!) }
                    #expect(heap.popMin() == expected, "\(sequence)")
                    #expect(traced.popMin(probe: &recorder) == expected)
                }
                #expect(Self.isHeap(heap.elements), "\(sequence)")
                #expect(heap.elements.sorted() == multiset.sorted())
                #expect(traced.elements == heap.elements)
            }
        }
    }

    /// push 5, push 3, push 8, push 1, pop, worked by hand.
    @Test func workedExample() throws {
        let entry = try #require(TracedAlgorithmCatalog.entry(named: "binary-heap"))
        let trace = try entry.trace(.heapOperations([.push(5), .push(3), .push(8), .push(1), .pop]))
        #expect(trace.answer == [3, 5, 8])
        #expect(trace.popped == [1])
        #expect(
            trace.steps.map(\.event) == [
                .push(index: 0), .push(index: 1), .swap(0, 1), .push(index: 2), .push(index: 3), .swap(1, 3),
                .swap(0, 1), .pop, .swap(0, 1),
            ])
        #expect(trace.steps[2].state == [3, 5])
    }

    /// On equal children the left one moves up: [1, 2, 2, 5] pops to [2, 5, 2].
    @Test func tieGoesLeft() {
        var heap = BinaryMinHeap<Int>()
        for value in [1, 2, 2, 5] { heap.push(value) }
        #expect(heap.popMin() == 1)
        #expect(heap.elements == [2, 5, 2])
    }
}
