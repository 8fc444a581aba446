import Synchronization

/// A value shared between threads in tests, behind `Synchronization.Mutex`; a class, so
/// escaping closures (threads, process handlers) can hold it.
public final class Locked<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    public init(_ value: Value) { mutex = Mutex(value) }

    /// Runs `body` with the value, holding the lock.
    public func withLock<Result: Sendable>(_ body: (inout Value) -> Result) -> Result {
        mutex.withLock { value in body(&value) }
    }

    /// A copy of the value.
    public var value: Value { withLock { $0 } }
}
