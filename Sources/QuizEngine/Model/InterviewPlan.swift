import Spelling

/// A mock-interview plan from `Banks/interviews.yaml`: the stages of an interview loop in
/// order, each with who the learner talks to, what they look for, a time budget and the
/// questions to ask, chosen by tag expression.
///
///     // backend-senior: recruiter screen (10 min), hiring-manager screen (15 min), …
///     let plan = try index.interviewPlans().first { $0.name == "backend-senior" }
public struct InterviewPlan: Sendable, Hashable, Codable {
    /// The plan's name, such as `backend-senior`: `[a-z0-9][a-z0-9-]*`, unique.
    public var name: String
    public var title: String
    public var description: String?
    public var stages: [Stage]
    /// Where the plan is defined (diagnostics and `quiz show`-style listings).
    public var location: SourceLocation

    /// One stage of the loop, such as the technical phone screen.
    public struct Stage: Sendable, Hashable, Codable {
        public var title: String
        /// Who the learner is talking to, such as "a hiring manager".
        public var interviewer: String
        /// What that interviewer looks for, in a sentence.
        public var focus: String
        /// The time budget, in whole minutes (at least 1).
        public var minutes: Int
        public var slots: [Slot]

        public init(title: String, interviewer: String, focus: String, minutes: Int, slots: [Slot]) {
            self.title = title
            self.interviewer = interviewer
            self.focus = focus
            self.minutes = minutes
            self.slots = slots
        }

        /// The number of questions the stage asks.
        public var questionCount: Int { slots.reduce(0) { $0 + $1.count } }
    }

    /// Questions drawn for a stage: `count` of those matching `tags`, a tag expression.
    public struct Slot: Sendable, Hashable, Codable {
        public var tags: String
        public var count: Int
        public var location: SourceLocation

        public init(tags: String, count: Int, location: SourceLocation) {
            self.tags = tags
            self.count = count
            self.location = location
        }
    }

    public init(name: String, title: String, description: String?, stages: [Stage], location: SourceLocation) {
        self.name = name
        self.title = title
        self.description = description
        self.stages = stages
        self.location = location
    }

    /// The number of questions the plan asks.
    public var questionCount: Int { stages.reduce(0) { $0 + $1.questionCount } }

    /// The plan named `name` among `plans`.
    ///
    /// - Throws: ``QueryError/unknownPlan(_:suggestion:known:)`` with the nearest name.
    public static func named(_ name: String, in plans: [InterviewPlan]) throws(QueryError) -> InterviewPlan {
        if let plan = plans.first(where: { $0.name == name }) { return plan }
        let names = plans.map(\.name)
        throw .unknownPlan(name, suggestion: Spelling.nearest(to: name, in: names), known: names)
    }

    /// The time budget of the whole plan, in minutes.
    public var minutes: Int { stages.reduce(0) { $0 + $1.minutes } }
}
