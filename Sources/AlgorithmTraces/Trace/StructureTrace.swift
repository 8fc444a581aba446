/// The complete record of one run of an algorithm beyond sorting, on `Int`s.
///
/// Plain data, like the sorting course's `SortTrace`: `quiz course run` renders or encodes
/// it, and trace questions read their answers from it.
public struct StructureTrace: Hashable, Sendable {
    /// The catalog name of the algorithm that ran.
    public var algorithm: String
    public var input: StructureInput
    public var steps: [AlgorithmStep]
    /// What the algorithm's trace question asks: the probed indices, the heap's final
    /// array, the visit order, or the slot of each key in insertion order.
    public var answer: [Int]
    /// Binary search: the index of the match, nil when the target is absent.
    public var foundIndex: Int?
    /// Binary heap: the values the pops returned, in order.
    public var popped: [Int]
    /// Linear probing: the table at the end (nil for an empty slot).
    public var table: [Int?]

    public init(
        algorithm: String, input: StructureInput, steps: [AlgorithmStep], answer: [Int], foundIndex: Int? = nil,
        popped: [Int] = [], table: [Int?] = []
    ) {
        self.algorithm = algorithm
        self.input = input
        self.steps = steps
        self.answer = answer
        self.foundIndex = foundIndex
        self.popped = popped
        self.table = table
    }
}
