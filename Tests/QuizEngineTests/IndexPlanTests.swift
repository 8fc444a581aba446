import FuzzHarness
import Testing

@testable import QuizEngine

/// The `PLAN` section (format 1.2): interview plans survive the round trip, an index without
/// them has none, and a damaged plan stream is an error at open, never a trap.
@Suite("Index interview plans")
struct IndexPlanTests {
    static let file = "Banks/interviews.yaml"

    static let plans = [
        InterviewPlan(
            name: "backend-entry", title: "Entry-level loop", description: nil,
            stages: [
                .init(
                    title: "Recruiter call", interviewer: "a recruiter", focus: "interests and pay", minutes: 10,
                    slots: [
                        .init(tags: "behavioral", count: 1, location: SourceLocation(file: file, line: 9, column: 19))
                    ]),
                .init(
                    title: "Phone screen", interviewer: "an engineer", focus: "coding", minutes: 25,
                    slots: [
                        .init(
                            tags: "sql | nosql", count: 2, location: SourceLocation(file: file, line: 15, column: 19)),
                        .init(tags: "!easy", count: 1, location: SourceLocation(file: file, line: 17, column: 19)),
                    ]),
            ],
            location: SourceLocation(file: file, line: 2, column: 3)),
        InterviewPlan(
            name: "backend-senior", title: "Senior loop", description: "Hard questions.",
            stages: [
                .init(
                    title: "Onsite", interviewer: "a director", focus: "leadership", minutes: 600,
                    slots: [
                        .init(
                            tags: "behavioral", count: 100, location: SourceLocation(file: file, line: 30, column: 19))
                    ])
            ],
            location: SourceLocation(file: file, line: 22, column: 3)),
    ]

    static func setWithPlans() -> QuestionSet {
        var set = IndexFixtures.small
        set.plans = plans
        return set
    }

    @Test func plansSurviveTheRoundTrip() throws {
        let set = Self.setWithPlans()
        let index = try QuestionIndex(bytes: try indexTestWriter.encode(set))
        #expect(try index.interviewPlans() == Self.plans)
        #expect(try index.questionSet() == set)
        try index.verifyAll()
        #expect(index.formatVersion == QuestionIndex.FormatVersion(major: 1, minor: 3))
    }

    @Test func anIndexWithoutPlansHasNone() throws {
        let index = try QuestionIndex(bytes: try indexTestWriter.encode(IndexFixtures.small))
        #expect(try index.interviewPlans().isEmpty)
    }

    /// Damage inside the plan stream, checksums recomputed so only the structure can tell.
    @Test(arguments: [
        ("a plan count past the words", 0, UInt32(1_000)),
        ("a string id past the pool", 1, UInt32(0xFFFF_FF00)),
        ("a stage count past the words", 7, UInt32(1_000_000)),
        ("one plan fewer than written", 0, UInt32(1)),
    ])
    func damagedPlansAreReported(_ label: String, word: Int, value: UInt32) throws {
        var bytes = try indexTestWriter.encode(Self.setWithPlans())
        let offset = try #require(Self.sectionOffset("PLAN", in: bytes)) + 4 * word
        for k in 0..<4 { bytes[offset + k] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(k))) }
        let repaired = ChecksumRepair.repaired(bytes)
        #expect(throws: IndexError.self, "\(label)") { _ = try QuestionIndex(bytes: repaired) }
    }

    /// The offset of the section whose four letters are `type`.
    static func sectionOffset(_ type: String, in bytes: [UInt8]) -> Int? {
        let count = Int(bytes[20]) | Int(bytes[21]) << 8
        for i in 0..<count {
            let entry = 128 + 32 * i
            guard Array(bytes[entry..<(entry + 4)]) == Array(type.utf8) else { continue }
            return (0..<8).reduce(0) { $0 | Int(bytes[entry + 8 + $1]) << (8 * $1) }
        }
        return nil
    }
}
