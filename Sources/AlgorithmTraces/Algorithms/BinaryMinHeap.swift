/// A binary min-heap in an array: the smallest element at offset 0, the children of offset
/// `i` at `2i + 1` and `2i + 2`, and every parent no greater than its children.
///
/// The textbook operations, kept exactly as interviews ask them to be traced: `push`
/// appends and sifts up (swapping with the parent while strictly smaller); `popMin` moves
/// the last element to the root and sifts down (swapping with the smaller child, the left
/// one on a tie, while that child is strictly smaller).
///
///     var heap = BinaryMinHeap<Int>()
///     for value in [5, 3, 8, 1] { heap.push(value) }
///     print(heap.popMin() as Any, heap.elements)
///     // Prints "Optional(1) [3, 5, 8]"
public struct BinaryMinHeap<Element: Comparable> {
    /// The heap's array, in heap order.
    public var elements: [Element] { storage }

    @usableFromInline var storage: [Element] = []

    public init() {}

    public var isEmpty: Bool { storage.isEmpty }

    /// Adds `value`.
    ///
    /// - Complexity: O(log n) comparisons and swaps, n the number of elements.
    @inlinable
    public mutating func push(_ value: Element) {
        var probe = NoOpStepProbe<Element>()
        push(value, probe: &probe)
    }

    /// Removes and returns the smallest element, or nil when the heap is empty.
    ///
    /// - Complexity: O(log n) comparisons and swaps, n the number of elements.
    @inlinable
    public mutating func popMin() -> Element? {
        var probe = NoOpStepProbe<Element>()
        return popMin(probe: &probe)
    }

    /// `push`, reporting `.push(index:)` and each sift-up `.swap` to `probe`.
    @inlinable
    public mutating func push<Probe: StepProbe>(_ value: Element, probe: inout Probe)
    where Probe.Value == Element {
        storage.append(value)
        var child = storage.count - 1
        probe.record(.push(index: child), storage)
        while child > 0 {
            let parent = (child - 1) / 2
            guard storage[child] < storage[parent] else { break }
            storage.swapAt(child, parent)
            probe.record(.swap(parent, child), storage)
            child = parent
        }
    }

    /// `popMin`, reporting `.pop` and each sift-down `.swap` to `probe`.
    @inlinable
    public mutating func popMin<Probe: StepProbe>(probe: inout Probe) -> Element?
    where Probe.Value == Element {
        guard let last = storage.popLast() else { return nil }
        guard !storage.isEmpty else {
            probe.record(.pop, storage)
            return last
        }
        let minimum = storage[0]
        storage[0] = last
        probe.record(.pop, storage)
        var parent = 0
        while true {
            let left = 2 * parent + 1
            guard left < storage.count else { break }
            let right = left + 1
            // The smaller child; the left one when they are equal.
            let child = right < storage.count && storage[right] < storage[left] ? right : left
            guard storage[child] < storage[parent] else { break }
            storage.swapAt(parent, child)
            probe.record(.swap(parent, child), storage)
            parent = child
        }
        return minimum
    }
}
