/// A declared tag and what it means.
public struct TagInfo: Sendable, Hashable, Codable {
    public var name: String
    public var description: String

    public init(name: String, description: String) {
        self.name = name
        self.description = description
    }
}
