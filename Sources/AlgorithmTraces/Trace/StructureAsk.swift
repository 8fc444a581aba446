import SortingCourse
import Spelling

/// What a trace question on an algorithm beyond sorting asks the learner to predict; each
/// algorithm has exactly one.
public enum StructureAsk: String, Sendable, Hashable, CaseIterable {
    /// Binary search: the probed indices (0-based), in order.
    case probes
    /// Binary min-heap: the heap's array after all the operations.
    case heapArray = "heap-array"
    /// BFS or DFS: the vertices in the order they are visited.
    case visitOrder = "visit-order"
    /// Linear probing: the slot of each key, in insertion order.
    case slots

    /// What the answer lists, as the answer prompt names it.
    public var sequenceName: String {
        switch self {
        case .probes: "the probed indices"
        case .heapArray: "the heap's array"
        case .visitOrder: "the vertices in visit order"
        case .slots: "each key's slot"
        }
    }

    /// Parses an ask of this module, or nil.
    public static func parse(_ text: String) -> StructureAsk? { StructureAsk(rawValue: text) }

    /// Every ask a template may name, the sorting course's included, for suggestions.
    public static var allNames: [String] { TraceAsk.allCases.map(\.rawValue) + allCases.map(\.rawValue) }
}
