/// One module of the sorting course: a lesson about one algorithm and its questions.
public struct CourseModule: Sendable, Hashable, Codable {
    /// Best, average and worst time and the extra space, as written by the author (`O(n log n)`).
    public struct Complexity: Sendable, Hashable, Codable {
        public var best: String
        public var average: String
        public var worst: String
        public var space: String

        public init(best: String, average: String, worst: String, space: String) {
            self.best = best
            self.average = average
            self.worst = worst
            self.space = space
        }
    }

    /// The course this module belongs to.
    public var course: String
    public var id: String
    public var title: String
    /// The catalog name of the algorithm the lesson runs.
    public var algorithm: String
    /// The lesson (markdown).
    public var lesson: String
    public var complexity: Complexity
    public var isStable: Bool
    public var isInPlace: Bool
    /// The module's own tags (its questions carry these plus the course's).
    public var tags: [String]
    public var location: SourceLocation

    public init(
        course: String, id: String, title: String, algorithm: String, lesson: String,
        complexity: Complexity, isStable: Bool, isInPlace: Bool, tags: [String], location: SourceLocation
    ) {
        self.course = course
        self.id = id
        self.title = title
        self.algorithm = algorithm
        self.lesson = lesson
        self.complexity = complexity
        self.isStable = isStable
        self.isInPlace = isInPlace
        self.tags = tags
        self.location = location
    }
}
