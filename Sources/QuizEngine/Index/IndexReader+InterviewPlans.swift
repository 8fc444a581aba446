extension IndexReader {
    /// The interview plans of the `PLAN` section (format 1.2), or none when the file has no
    /// such section; every count, string id and number checked as it is decoded.
    ///
    /// Used at open (the section is small), by the full verification and by
    /// ``QuestionIndex/interviewPlans()``.
    ///
    /// - Throws: `.malformed` when the words do not decode to plans exactly.
    /// - Complexity: O(w) in the section's words, plus the strings' bytes.
    func interviewPlans() throws(IndexError) -> [InterviewPlan] {
        let length = layout.spans[SectionType.interviewPlans.slot].length
        guard length > 0 else { return [] }
        var words = PlanWords(start: try bytes(.interviewPlans, 0, length), count: length / 4)
        let planCount = try words.count("plans")
        var plans: [InterviewPlan] = []
        for _ in 0..<planCount {
            let name = try string(words.next())
            let title = try string(words.next())
            let description = try optionalString(words.next())
            let file = try string(words.next())
            let line = Int(try words.next())
            let column = Int(try words.next())
            var stages: [InterviewPlan.Stage] = []
            for _ in 0..<(try words.count("stages of plan '\(name)'")) {
                let stageTitle = try string(words.next())
                let interviewer = try string(words.next())
                let focus = try string(words.next())
                let minutes = Int(try words.next())
                var slots: [InterviewPlan.Slot] = []
                for _ in 0..<(try words.count("slots of plan '\(name)'")) {
                    let tags = try string(words.next())
                    let count = Int(try words.next())
                    let slotLine = Int(try words.next())
                    let slotColumn = Int(try words.next())
                    slots.append(
                        InterviewPlan.Slot(
                            tags: tags, count: count,
                            location: SourceLocation(file: file, line: slotLine, column: slotColumn)))
                }
                stages.append(
                    InterviewPlan.Stage(
                        title: stageTitle, interviewer: interviewer, focus: focus, minutes: minutes, slots: slots))
            }
            plans.append(
                InterviewPlan(
                    name: name, title: title, description: description, stages: stages,
                    location: SourceLocation(file: file, line: line, column: column)))
        }
        guard words.isAtEnd else { throw .malformed("section 'interview plans' has words after its last plan") }
        return plans
    }
}

/// A cursor over the `u32` words of the plan section, every read bounds-checked.
private struct PlanWords {
    let start: UnsafeRawPointer
    let count: Int
    var position = 0

    var isAtEnd: Bool { position == count }

    mutating func next() throws(IndexError) -> UInt32 {
        guard position < count else { throw .malformed("section 'interview plans' ends in the middle of a plan") }
        defer { position += 1 }
        return start.u32(4 * position)
    }

    /// A count of items that follow, each at least one word: never more than the words left.
    mutating func count(_ what: String) throws(IndexError) -> Int {
        let value = Int(try next())
        guard value <= count - position else {
            throw .malformed("section 'interview plans' counts \(value) \(what), more than its words hold")
        }
        return value
    }
}
