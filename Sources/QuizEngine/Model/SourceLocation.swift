/// A place in a source file, 1-based, for messages that point back at the YAML.
public struct SourceLocation: Sendable, Hashable, Codable, Comparable {
    /// The path as the compiler was given it, relative to the banks folder's parent when possible.
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file.utf8.lexicographicallyPrecedes(rhs.file.utf8))
            || (lhs.file == rhs.file && (lhs.line, lhs.column) < (rhs.line, rhs.column))
    }
}
