/// One step of a traced run of a non-sorting algorithm.
public enum StepEvent: Hashable, Sendable {
    /// Binary search read the element at `index`, the midpoint `low + (high - low) / 2` of
    /// the window `low...high` still in play.
    case probe(index: Int, low: Int, high: Int)
    /// The heap stored a pushed value at the end of its array, `index`.
    case push(index: Int)
    /// The heap removed its root and moved its last element to the root.
    case pop
    /// The heap exchanged a parent and a child while sifting up or down.
    case swap(Int, Int)
    /// A graph search found `vertex` first (BFS: enqueued it).
    case discover(vertex: Int)
    /// A graph search visited `vertex`: its place in the visit order (BFS: dequeued; DFS: entered).
    case visit(vertex: Int)
    /// Depth-first search returned from `vertex`, all its neighbours done.
    case finish(vertex: Int)
    /// Linear probing found `slot` taken by another key and moved to the next slot.
    case collide(slot: Int)
    /// Linear probing stored the key at `slot` (or found it there already).
    case place(slot: Int)

    /// The event's name as used in JSON.
    public var name: String {
        switch self {
        case .probe: "probe"
        case .push: "push"
        case .pop: "pop"
        case .swap: "swap"
        case .discover: "discover"
        case .visit: "visit"
        case .finish: "finish"
        case .collide: "collide"
        case .place: "place"
        }
    }

    /// The indices, vertices or slots the event touches, in order (for `probe`: the index,
    /// then the window's bounds).
    public var operands: [Int] {
        switch self {
        case .probe(let index, let low, let high): [index, low, high]
        case .push(let index): [index]
        case .pop: []
        case .swap(let i, let j): [i, j]
        case .discover(let v), .visit(let v), .finish(let v): [v]
        case .collide(let slot), .place(let slot): [slot]
        }
    }
}

/// A step of a trace: what happened, and the structure right after it.
public struct AlgorithmStep: Hashable, Sendable {
    public var event: StepEvent
    /// The heap's array, the table's slots (`nil` when empty), the BFS queue (front first)
    /// or the DFS path (start first); empty for binary search.
    public var state: [Int?]

    public init(event: StepEvent, state: [Int?]) {
        self.event = event
        self.state = state
    }
}
