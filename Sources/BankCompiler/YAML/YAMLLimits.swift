/// Bounds on what one source file may contain, so hostile input fails fast with a located
/// error instead of exhausting time or memory.
public struct YAMLLimits: Sendable, Hashable {
    /// The largest file accepted, in bytes.
    public var maxFileBytes: Int
    /// The deepest nesting of collections (the root mapping is depth 1).
    public var maxDepth: Int
    /// The longest scalar accepted, in bytes.
    public var maxScalarBytes: Int
    /// The most nodes (scalars and collections) one file may hold.
    public var maxNodes: Int

    public init(
        maxFileBytes: Int = 8 << 20, maxDepth: Int = 32, maxScalarBytes: Int = 64 << 10, maxNodes: Int = 1_000_000
    ) {
        self.maxFileBytes = maxFileBytes
        self.maxDepth = maxDepth
        self.maxScalarBytes = maxScalarBytes
        self.maxNodes = maxNodes
    }

    /// The defaults documented in the README.
    public static let standard = YAMLLimits()
}
