/// The array a traced run sorts, shared by reference between the collection the
/// algorithm mutates and the probe that snapshots it.
final class TraceStorage {
    var values: [Int]
    init(_ values: [Int]) { self.values = values }
}

/// A mutable view of a ``TraceStorage``. It offers no contiguous storage, so the
/// algorithms take their generic path through it (the same code as the fast path).
struct TracedArray: MutableCollection, RandomAccessCollection {
    let storage: TraceStorage
    var startIndex: Int { 0 }
    var endIndex: Int { storage.values.count }
    subscript(position: Int) -> Int {
        get { storage.values[position] }
        nonmutating set { storage.values[position] = newValue }
    }
}

/// A probe that records every event together with a snapshot of the array, or, when
/// `full` is false, only the pass boundaries (and the counts of everything).
struct RecordingProbe: SortProbe {
    let storage: TraceStorage
    let full: Bool
    var steps: [SortStep] = []
    var comparisons = 0
    var swaps = 0
    var writes = 0
    var passes = 0
    var firstPivotIndex: Int?

    init(storage: TraceStorage, full: Bool) {
        self.storage = storage
        self.full = full
    }

    mutating func compare(_ i: Int, _ j: Int) {
        comparisons += 1
        if full { steps.append(SortStep(event: .compare(i, j), array: storage.values)) }
    }
    mutating func swap(_ i: Int, _ j: Int) {
        swaps += 1
        if full { steps.append(SortStep(event: .swap(i, j), array: storage.values)) }
    }
    mutating func write(_ i: Int) {
        writes += 1
        if full { steps.append(SortStep(event: .write(i), array: storage.values)) }
    }
    mutating func passBoundary() {
        passes += 1
        steps.append(SortStep(event: .pass(passes), array: storage.values))
    }
    mutating func pivot(_ i: Int) {
        if firstPivotIndex == nil { firstPivotIndex = i }
        if full { steps.append(SortStep(event: .pivot(i), array: storage.values)) }
    }
}

extension SortTrace {
    /// Runs `body` on a traced copy of `input` and collects its trace; with `full` false
    /// the steps are only the pass boundaries.
    static func record(
        algorithm: String, input: [Int], full: Bool = true,
        _ body: (inout TracedArray, inout RecordingProbe) -> Void
    ) -> SortTrace {
        let storage = TraceStorage(input)
        var array = TracedArray(storage: storage)
        var probe = RecordingProbe(storage: storage, full: full)
        body(&array, &probe)
        return SortTrace(
            algorithm: algorithm, input: input, output: storage.values, steps: probe.steps,
            comparisons: probe.comparisons, swaps: probe.swaps, writes: probe.writes,
            passes: probe.passes, firstPivotIndex: probe.firstPivotIndex)
    }
}
