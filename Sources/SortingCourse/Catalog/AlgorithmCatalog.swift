import Spelling
/// The algorithms of the sorting course, by their fixed catalog names.
///
///     let entry = AlgorithmCatalog.entry(named: "merge-sort")!
///     print(entry.title, entry.average, entry.stable)
///     // Prints "Merge sort (top-down) O(n log n) true"
///     print(AlgorithmCatalog.suggestions(for: "bubblesort"))
///     // Prints "["bubble-sort"]"
public enum AlgorithmCatalog {
    /// Every entry, in the course's order.
    public static let all: [AlgorithmEntry] = [
        AlgorithmEntry(
            name: "bubble-sort", title: "Bubble sort", kind: .comparison, stable: true, inPlace: true,
            best: "O(n)", average: "O(n^2)", worst: "O(n^2)", space: "O(1)",
            summary: "Sweeps swap adjacent out-of-order pairs until a sweep swaps nothing.",
            run: { $0.bubbleSort() },
            trace: { a, p in a.bubbleSort(by: <, probe: &p) }),
        AlgorithmEntry(
            name: "selection-sort", title: "Selection sort", kind: .comparison, stable: false, inPlace: true,
            best: "O(n^2)", average: "O(n^2)", worst: "O(n^2)", space: "O(1)",
            summary: "Swaps the minimum of the unsorted suffix to its front, n - 1 times.",
            run: { $0.selectionSort() },
            trace: { a, p in a.selectionSort(by: <, probe: &p) }),
        AlgorithmEntry(
            name: "insertion-sort", title: "Insertion sort", kind: .comparison, stable: true, inPlace: true,
            best: "O(n)", average: "O(n^2)", worst: "O(n^2)", space: "O(1)",
            summary: "Inserts each element into the sorted prefix by shifting larger ones right.",
            run: { $0.insertionSort() },
            trace: { a, p in a.insertionSort(by: <, probe: &p) }),
        AlgorithmEntry(
            name: "shell-sort", title: "Shell sort (Ciura gaps)", kind: .comparison, stable: false, inPlace: true,
            best: "O(n log n)", average: "O(n^1.25)", worst: "O(n^2)", space: "O(1)",
            summary: "Gapped insertion sorts with shrinking gaps, ending with an ordinary insertion sort.",
            run: { $0.shellSort() },
            trace: { a, p in a.shellSort(by: <, probe: &p) }),
        AlgorithmEntry(
            name: "merge-sort", title: "Merge sort (top-down)", kind: .comparison, stable: true, inPlace: false,
            best: "O(n log n)", average: "O(n log n)", worst: "O(n log n)", space: "O(n)",
            summary: "Sorts both halves recursively, then merges them through a scratch buffer.",
            run: { $0.mergeSort() },
            trace: { a, p in a.mergeSort(by: <, probe: &p) }),
        AlgorithmEntry(
            name: "merge-sort-bottom-up", title: "Merge sort (bottom-up)", kind: .comparison, stable: true,
            inPlace: false,
            best: "O(n log n)", average: "O(n log n)", worst: "O(n log n)", space: "O(n)",
            summary: "Merges runs of width 1, 2, 4, ... until one run is left; no recursion.",
            run: { $0.mergeSortBottomUp() },
            trace: { a, p in a.mergeSortBottomUp(by: <, probe: &p) }),
        AlgorithmEntry(
            name: "quicksort-lomuto", title: "Quicksort (Lomuto partition)", kind: .comparison, stable: false,
            inPlace: true,
            best: "O(n log n)", average: "O(n log n)", worst: "O(n^2)", space: "O(log n)",
            summary: "Median-of-three pivot to the end; one scan moves smaller keys left of it.",
            run: { $0.quicksortLomuto() },
            trace: { a, p in a.quicksortLomuto(by: <, probe: &p) }),
        AlgorithmEntry(
            name: "quicksort-hoare", title: "Quicksort (Hoare partition)", kind: .comparison, stable: false,
            inPlace: true,
            best: "O(n log n)", average: "O(n log n)", worst: "O(n^2)", space: "O(log n)",
            summary: "Median-of-three pivot to the front; two indices meet, swapping misplaced pairs.",
            run: { $0.quicksortHoare() },
            trace: { a, p in a.quicksortHoare(by: <, probe: &p) }),
        AlgorithmEntry(
            name: "quicksort-3way", title: "3-way quicksort (Dijkstra)", kind: .comparison, stable: false,
            inPlace: true,
            best: "O(n)", average: "O(n log n)", worst: "O(n^2)", space: "O(log n)",
            summary: "Partitions into less, equal and greater than the pivot; equal keys are done at once.",
            run: { $0.quicksort3Way() },
            trace: { a, p in a.quicksort3Way(by: <, probe: &p) }),
        AlgorithmEntry(
            name: "heap-sort", title: "Heap sort", kind: .comparison, stable: false, inPlace: true,
            best: "O(n log n)", average: "O(n log n)", worst: "O(n log n)", space: "O(1)",
            summary: "Builds a max-heap, then swaps the root to the end and sifts down, n - 1 times.",
            run: { $0.heapSort() },
            trace: { a, p in a.heapSort(by: <, probe: &p) }),
        AlgorithmEntry(
            name: "counting-sort", title: "Counting sort", kind: .integer, stable: true, inPlace: false,
            best: "O(n + k)", average: "O(n + k)", worst: "O(n + k)", space: "O(n + k)",
            summary: "Counts each value between min and max, then writes the values back in order.",
            run: { $0.countingSort() },
            trace: { a, p in a.countingSort(probe: &p) }),
        AlgorithmEntry(
            name: "radix-sort", title: "Radix sort (LSD)", kind: .integer, stable: true, inPlace: false,
            best: "O(d(n + r))", average: "O(d(n + r))", worst: "O(d(n + r))", space: "O(n + r)",
            summary: "Stable counting sorts by each digit of value - min, least significant first.",
            run: { $0.radixSort() },
            trace: { a, p in a.radixSort(byKey: { $0 }, radix: 10, probe: &p) }),
        AlgorithmEntry(
            name: "bucket-sort", title: "Bucket sort", kind: .integer, stable: true, inPlace: false,
            best: "O(n)", average: "O(n)", worst: "O(n^2)", space: "O(n)",
            summary: "Scatters values into n equal-width buckets, then insertion-sorts each bucket.",
            run: { $0.bucketSort() },
            trace: { a, p in a.bucketSort(byKey: { $0 }, probe: &p) }),
        AlgorithmEntry(
            name: "introsort", title: "Introsort", kind: .comparison, stable: false, inPlace: true,
            best: "O(n log n)", average: "O(n log n)", worst: "O(n log n)", space: "O(log n)",
            summary: "Hoare quicksort that insertion-sorts ranges of <= 16 and heap-sorts when too deep.",
            run: { $0.introsort() },
            trace: { a, p in a.introsort(by: <, probe: &p) }),
        AlgorithmEntry(
            name: "quickselect", title: "Quickselect", kind: .selection, stable: false, inPlace: true,
            best: "O(n)", average: "O(n)", worst: "O(n^2)", space: "O(1)",
            summary: "Lomuto partitions, following only the side that holds the k-th smallest.",
            run: { values in
                if !values.isEmpty {
                    _ = values.quickselect(k: AlgorithmEntry.defaultRank(count: values.count))
                }
            },
            traceSelecting: { input, k, full in
                var selected: Int?
                var trace = SortTrace.record(algorithm: "quickselect", input: input, full: full) { a, p in
                    selected = a.quickselect(k: k, by: <, probe: &p)
                }
                trace.k = k
                trace.selected = selected
                return trace
            }),
    ]

    /// The catalog names, in the course's order.
    public static var names: [String] { all.map(\.name) }

    /// The entry with this exact name, or nil.
    public static func entry(named name: String) -> AlgorithmEntry? {
        all.first { $0.name == name }
    }

    /// The entry with this name, or an error that suggests the closest names.
    ///
    /// - Throws: `TraceQuestionError` with code `.unknownAlgorithm`, its message ending in
    ///   "did you mean 'x'?" when a name is close.
    public static func entry(for name: String) throws(TraceQuestionError) -> AlgorithmEntry {
        if let entry = entry(named: name) { return entry }
        throw .unknownAlgorithm(name, suggestions: suggestions(for: name))
    }

    /// Catalog names close to `name` (edit distance, or containing it), best first.
    public static func suggestions(for name: String) -> [String] {
        Spelling.suggestions(for: name, among: names)
    }
}
