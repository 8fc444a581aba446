import QuizEngine
import SeededRandom

/// Chooses the questions of one rehearsal: for each stage, each slot's `count` questions
/// among those matching its tag expression, reproducibly from a seed.
///
/// No question is asked twice in one rehearsal (a question matching two slots goes to the
/// first that draws it), and questions in `recent` (asked in recent rehearsals) are taken
/// only when a slot runs out of others.
public enum InterviewDraw {
    /// The ordinals of each stage's questions, slot by slot, in the plan's order.
    ///
    /// One xoshiro256** generator seeded with `seed` serves the whole plan, so the same
    /// seed, index and `recent` give the same questions in the same order.
    ///
    /// - Throws: ``InterviewError/slot(plan:stage:tags:reason:)`` when a slot's expression
    ///   does not fit the index.
    /// - Complexity: O(Σ m + Σ k) for m matches and k questions per slot.
    public static func questions(
        for plan: InterviewPlan, index: QuestionIndex, seed: UInt64, avoiding recent: Set<String>
    ) throws(InterviewError) -> [[Int]] {
        var generator = Xoshiro256StarStar(seed: seed)
        var used: Set<Int> = []
        var stages: [[Int]] = []
        for stage in plan.stages {
            var picks: [Int] = []
            for slot in stage.slots {
                let matches: OrdinalSet
                do {
                    matches = try QuestionQuery(index: index, tags: [slot.tags]).matches()
                } catch {
                    throw .slot(plan: plan.name, stage: stage.title, tags: slot.tags, reason: error.description)
                }
                var fresh: [Int] = []
                var seen: [Int] = []
                for ordinal in matches where !used.contains(ordinal) {
                    let key: String
                    do { key = try index.key(at: ordinal) } catch { throw .index(error.description) }
                    if recent.contains(key) { seen.append(ordinal) } else { fresh.append(ordinal) }
                }
                var chosen = sample(slot.count, from: &fresh, using: &generator)
                if chosen.count < slot.count {
                    chosen += sample(slot.count - chosen.count, from: &seen, using: &generator)
                }
                used.formUnion(chosen)
                picks += chosen
            }
            stages.append(picks)
        }
        return stages
    }

    /// `k` of `pool` (all of it when smaller), by a partial Fisher–Yates shuffle.
    private static func sample(_ k: Int, from pool: inout [Int], using generator: inout Xoshiro256StarStar) -> [Int] {
        let k = min(k, pool.count)
        for i in 0..<k {
            let j = i + Int(generator.uniform(below: UInt64(pool.count - i)))
            pool.swapAt(i, j)
        }
        return Array(pool.prefix(k))
    }
}

/// Why an interview could not start or go on.
public enum InterviewError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A slot's tag expression does not fit the index (an index compiled from other banks).
    case slot(plan: String, stage: String, tags: String, reason: String)
    /// The index could not be read.
    case index(String)
    /// The store refused a write; nothing of that answer was kept.
    case notSaved(String)
    /// An override with no wrong answer before it.
    case nothingToOverrule

    public var description: String {
        switch self {
        case .slot(let plan, let stage, let tags, let reason):
            "plan '\(plan)', stage '\(stage)': slot '\(tags)' does not fit this index: \(reason); recompile with `quiz compile`"
        case .index(let message): message
        case .notSaved(let message): message
        case .nothingToOverrule: "nothing to override: an override follows an answer graded wrong"
        }
    }
}
