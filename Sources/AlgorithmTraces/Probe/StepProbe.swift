/// An observer of the steps of the traced algorithms beyond sorting.
///
/// Like the sorting course's `SortProbe`, every algorithm of this module is written once,
/// generic over a probe, and calls it right *after* each step with the event and the
/// structure as it stands then (the heap's array, the hash table's slots, the BFS queue or
/// the DFS path; empty for binary search, whose events carry their window). The state is
/// an autoclosure, so a probe that ignores it never builds it.
///
/// ``NoOpStepProbe`` does nothing; the algorithms are `@inlinable` and generic over the
/// probe type, so the compiler specialises them for it and removes every call: the fast
/// path is the traced code with the tracing compiled away.
public protocol StepProbe {
    /// The element type of the state snapshots.
    associatedtype Value
    /// `event` just happened; `state` is the structure right after it, `nil` for an empty slot.
    mutating func record(_ event: StepEvent, _ state: @autoclosure () -> [Value?])
}

/// A probe that records nothing; algorithms specialised for it run at full speed.
@frozen
public struct NoOpStepProbe<Value>: StepProbe {
    @inlinable @inline(__always)
    public init() {}
    @inlinable @inline(__always)
    public mutating func record(_ event: StepEvent, _ state: @autoclosure () -> [Value?]) {}
}

/// A probe that keeps every event with its state, for traces of `Int` runs.
public struct StepRecorder: StepProbe {
    public private(set) var steps: [AlgorithmStep] = []

    public init() {}

    public mutating func record(_ event: StepEvent, _ state: @autoclosure () -> [Int?]) {
        steps.append(AlgorithmStep(event: event, state: state()))
    }
}
