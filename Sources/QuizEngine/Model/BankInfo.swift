/// A bank (or course) as a whole: its id, title and the file it came from.
public struct BankInfo: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var description: String?
    /// Whether this is a course file (`course:`) rather than a bank (`bank:`).
    public var isCourse: Bool
    public var location: SourceLocation

    public init(id: String, title: String, description: String? = nil, isCourse: Bool = false, location: SourceLocation)
    {
        self.id = id
        self.title = title
        self.description = description
        self.isCourse = isCourse
        self.location = location
    }
}
