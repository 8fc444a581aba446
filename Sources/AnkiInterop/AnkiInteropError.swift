/// Why a package or text file could not be read or written, naming the file and the problem,
/// with the fix where there is one. Nothing is written when one is thrown.
public struct AnkiInteropError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file concerned, as the user named it.
    public var file: String
    /// What is wrong, phrased as a compiler would: the place inside the file, then the problem.
    public var problem: String

    public init(file: String, problem: String) {
        self.file = file
        self.problem = problem
    }

    public var description: String { "\(file): \(problem)" }
}
