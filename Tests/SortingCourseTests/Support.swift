import SeededRandom
import SortingCourse
import Testing

/// An element with a sort key and its original offset, to check stability and
/// permutation at once.
struct Item: Hashable, Sendable, CustomStringConvertible {
    var key: Int
    var offset: Int
    var description: String { "\(key)#\(offset)" }
}

struct Boom: Error, Equatable {}

/// Counts what a run does, on whatever path (contiguous or generic) it takes.
struct CountingProbe: SortProbe {
    var comparisons = 0
    var swaps = 0
    var writes = 0
    var passes = 0
    mutating func compare(_ i: Int, _ j: Int) { comparisons += 1 }
    mutating func swap(_ i: Int, _ j: Int) { swaps += 1 }
    mutating func write(_ i: Int) { writes += 1 }
    mutating func passBoundary() { passes += 1 }
}

/// A random-access collection without contiguous storage, to drive the generic path.
struct Boxed<Element>: MutableCollection, RandomAccessCollection {
    var base: [Element]
    var startIndex: Int { 0 }
    var endIndex: Int { base.count }
    subscript(i: Int) -> Element {
        get { base[i] }
        set { base[i] = newValue }
    }
}

/// One sorting algorithm under test, reached through its public API.
struct SortCase: Sendable, CustomTestStringConvertible {
    var name: String
    var stable: Bool
    /// Sorts Ints with the Comparable (or Int) overload.
    var sort: @Sendable (inout [Int]) -> Void
    /// Sorts a slice with a non-zero start index.
    var sortSlice: @Sendable (inout ArraySlice<Int>) -> Void
    /// Sorts Items by key through the predicate (or key) API, which may throw.
    var sortItems: @Sendable (inout [Item], _ keyOf: (Item) throws -> Int) throws -> Void
    /// Sorts Ints on the generic (non-contiguous) path, counting with a probe.
    var sortBoxed: @Sendable (inout Boxed<Int>, inout CountingProbe) -> Void
    /// Sorts Ints on the contiguous path, counting with a probe.
    var sortCounting: @Sendable (inout [Int], inout CountingProbe) -> Void

    var testDescription: String { name }

    static func comparison(
        _ name: String, stable: Bool,
        _ sortBy: @escaping @Sendable (inout [Item], (Item, Item) throws -> Bool) throws -> Void,
        _ sortInts: @escaping @Sendable (inout [Int]) -> Void,
        _ sortSlice: @escaping @Sendable (inout ArraySlice<Int>) -> Void,
        _ probeBoxed: @escaping @Sendable (inout Boxed<Int>, inout CountingProbe) -> Void,
        _ probeArray: @escaping @Sendable (inout [Int], inout CountingProbe) -> Void
    ) -> SortCase {
        SortCase(
            name: name, stable: stable, sort: sortInts, sortSlice: sortSlice,
            sortItems: { items, keyOf in try sortBy(&items) { try keyOf($0) < keyOf($1) } },
            sortBoxed: probeBoxed, sortCounting: probeArray)
    }

    static let all: [SortCase] = [
        .comparison(
            "bubble-sort", stable: true, { try $0.bubbleSort(by: $1) }, { $0.bubbleSort() }, { $0.bubbleSort() },
            { $0.bubbleSort(by: <, probe: &$1) }, { $0.bubbleSort(by: <, probe: &$1) }),
        .comparison(
            "selection-sort", stable: false, { try $0.selectionSort(by: $1) }, { $0.selectionSort() },
            { $0.selectionSort() }, { $0.selectionSort(by: <, probe: &$1) }, { $0.selectionSort(by: <, probe: &$1) }),
        .comparison(
            "insertion-sort", stable: true, { try $0.insertionSort(by: $1) }, { $0.insertionSort() },
            { $0.insertionSort() }, { $0.insertionSort(by: <, probe: &$1) }, { $0.insertionSort(by: <, probe: &$1) }),
        .comparison(
            "shell-sort", stable: false, { try $0.shellSort(by: $1) }, { $0.shellSort() }, { $0.shellSort() },
            { $0.shellSort(by: <, probe: &$1) }, { $0.shellSort(by: <, probe: &$1) }),
        .comparison(
            "merge-sort", stable: true, { try $0.mergeSort(by: $1) }, { $0.mergeSort() }, { $0.mergeSort() },
            { $0.mergeSort(by: <, probe: &$1) }, { $0.mergeSort(by: <, probe: &$1) }),
        .comparison(
            "merge-sort-bottom-up", stable: true, { try $0.mergeSortBottomUp(by: $1) }, { $0.mergeSortBottomUp() },
            { $0.mergeSortBottomUp() }, { $0.mergeSortBottomUp(by: <, probe: &$1) },
            { $0.mergeSortBottomUp(by: <, probe: &$1) }),
        .comparison(
            "quicksort-lomuto", stable: false, { try $0.quicksortLomuto(by: $1) }, { $0.quicksortLomuto() },
            { $0.quicksortLomuto() }, { $0.quicksortLomuto(by: <, probe: &$1) },
            { $0.quicksortLomuto(by: <, probe: &$1) }),
        .comparison(
            "quicksort-hoare", stable: false, { try $0.quicksortHoare(by: $1) }, { $0.quicksortHoare() },
            { $0.quicksortHoare() }, { $0.quicksortHoare(by: <, probe: &$1) }, { $0.quicksortHoare(by: <, probe: &$1) }),
        .comparison(
            "quicksort-3way", stable: false, { try $0.quicksort3Way(by: $1) }, { $0.quicksort3Way() },
            { $0.quicksort3Way() }, { $0.quicksort3Way(by: <, probe: &$1) }, { $0.quicksort3Way(by: <, probe: &$1) }),
        .comparison(
            "heap-sort", stable: false, { try $0.heapSort(by: $1) }, { $0.heapSort() }, { $0.heapSort() },
            { $0.heapSort(by: <, probe: &$1) }, { $0.heapSort(by: <, probe: &$1) }),
        .comparison(
            "introsort", stable: false, { try $0.introsort(by: $1) }, { $0.introsort() }, { $0.introsort() },
            { $0.introsort(by: <, probe: &$1) }, { $0.introsort(by: <, probe: &$1) }),
        SortCase(
            name: "counting-sort", stable: true, sort: { $0.countingSort() }, sortSlice: { $0.countingSort() },
            sortItems: { try $0.countingSort(byKey: $1) }, sortBoxed: { $0.countingSort(probe: &$1) },
            sortCounting: { $0.countingSort(probe: &$1) }),
        SortCase(
            name: "radix-sort", stable: true, sort: { $0.radixSort() }, sortSlice: { $0.radixSort() },
            sortItems: { try $0.radixSort(byKey: $1) },
            sortBoxed: { $0.radixSort(byKey: { $0 }, radix: 10, probe: &$1) },
            sortCounting: { $0.radixSort(byKey: { $0 }, radix: 10, probe: &$1) }),
        SortCase(
            name: "bucket-sort", stable: true, sort: { $0.bucketSort() }, sortSlice: { $0.bucketSort() },
            sortItems: { try $0.bucketSort(byKey: $1) }, sortBoxed: { $0.bucketSort(byKey: { $0 }, probe: &$1) },
            sortCounting: { $0.bucketSort(byKey: { $0 }, probe: &$1) }),
    ]

    static func named(_ name: String) -> SortCase { all.first { $0.name == name }! }
}

/// Seeded random Ints in `range`.
func randomInts(_ n: Int, in range: ClosedRange<Int>, seed: UInt64) -> [Int] {
    var g = Xoshiro256StarStar(seed: seed)
    return (0..<n).map { _ in g.uniform(in: range) }
}

/// Every permutation of `values` (Heap's algorithm).
func permutations(of values: [Int]) -> [[Int]] {
    var result: [[Int]] = []
    var a = values
    func generate(_ k: Int) {
        if k <= 1 {
            result.append(a)
            return
        }
        for i in 0..<k {
            generate(k - 1)
            a.swapAt(k % 2 == 0 ? i : 0, k - 1)
        }
    }
    generate(a.count)
    return result
}

func isSorted(_ a: some Collection<Int>) -> Bool {
    zip(a, a.dropFirst()).allSatisfy { $0 <= $1 }
}

func log2Ceiling(_ n: Int) -> Int { n <= 1 ? 0 : Int.bitWidth - (n - 1).leadingZeroBitCount }
