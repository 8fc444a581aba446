import QuizEngine
import Spelling

/// Checks each slot of the interview plans against the banks: its tag expression parses,
/// names declared tags (or a difficulty), and matches at least the slot's `count` questions,
/// so every shipped plan can always be run.
struct PlanCheck {
    let vocabulary: [String: TagInfo]
    let questions: QuestionRuns

    /// Reports each unusable slot at the slot's `tags:` value.
    ///
    /// - Complexity: O(s · n · t) for s slots, n questions and t terms per expression; the
    ///   shipped plans have about twenty slots over under two thousand questions.
    func check(_ plans: [InterviewPlan], into bag: inout DiagnosticBag) {
        let names = vocabulary.keys.sorted()
        var tagSets: [Set<String>] = []
        var difficulties: [Difficulty?] = []
        for run in questions.runs {
            for position in 0..<run.count {
                tagSets.append(Set(run.tags(at: position)))
                difficulties.append(run.difficulty(at: position))
            }
        }
        for plan in plans {
            for stage in plan.stages {
                for slot in stage.slots {
                    let expression: TagExpression
                    do {
                        expression = try TagExpression(parsing: slot.tags)
                    } catch {
                        bag.error(.invalidSlotExpression(error.message), at: slot.location)
                        continue
                    }
                    let unknown = expression.tagNames.filter {
                        vocabulary[$0] == nil && Difficulty(rawValue: $0) == nil
                    }
                    for name in unknown {
                        bag.error(
                            .unknownSlotTag(name, suggestion: Spelling.nearest(to: name, in: names)), at: slot.location)
                    }
                    guard unknown.isEmpty else { continue }
                    var matches = 0
                    for (difficulty, tags) in zip(difficulties, tagSets)
                    where expression.matches({ has($0, tags: tags, difficulty: difficulty) }) {
                        matches += 1
                    }
                    if matches < slot.count {
                        bag.error(
                            .unsatisfiableSlot(slot.tags, matches: matches, count: slot.count), at: slot.location)
                    }
                }
            }
        }
    }

    /// A term's meaning, as in `QuestionQuery`: a declared tag, else a difficulty word.
    private func has(_ term: String, tags: Set<String>, difficulty: Difficulty?) -> Bool {
        if vocabulary[term] == nil, let level = Difficulty(rawValue: term) { return difficulty == level }
        return tags.contains(term)
    }
}
