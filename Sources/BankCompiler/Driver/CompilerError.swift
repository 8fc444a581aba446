/// A failure to read the sources at all (as opposed to problems in them): a missing path, a
/// folder that cannot be listed, a file that cannot be read.
public struct CompilerError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}
