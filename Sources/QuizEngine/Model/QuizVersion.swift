/// Versions that travel with compiled indexes, so a reader can tell who wrote one.
public enum QuizVersion {
    /// The tool's version, printed by `quiz --version` and stored in every index.
    public static let tool = "0.1.0"
    /// The bank schema version the compiler implements.
    public static let schema = "1"
}
