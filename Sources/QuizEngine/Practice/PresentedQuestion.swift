import SeededRandom
import SortingCourse

/// A question as one learner sees it in one round: choices and order items shuffled, a trace
/// instance drawn, all from a seed so the round replays exactly.
public struct PresentedQuestion: Sendable {
    public let question: Question
    /// Display position → index into `question.choices` (fixed choices keep their place).
    public let choiceOrder: [Int]
    /// Display position → index into `question.items` (the correct order).
    public let itemOrder: [Int]
    /// The drawn input and computed answer of a `trace` question.
    public let trace: TraceInstance?

    /// Presents `question` for a round seeded with `seed`.
    ///
    /// The per-question generator is seeded from the round seed and the question's key, so a
    /// question looks the same in a replayed round whatever else the round drew.
    public init(_ question: Question, seed: UInt64) throws {
        self.question = question
        var generator = Xoshiro256StarStar(seed: Self.mix(seed, question.key))
        choiceOrder = Self.shuffled(
            count: question.choices.count, pinned: question.choices.map(\.isFixed), using: &generator)
        var items = Array(question.items.indices)
        if items.count > 1 {
            // Never show an order question already solved.
            repeat { items.fisherYatesShuffle(using: &generator) } while items == Array(question.items.indices)
        }
        itemOrder = items
        if let template = question.trace {
            trace = try template.instance(seed: generator.next())
        } else {
            trace = nil
        }
    }

    /// The prompt, with a trace question's input appended.
    public var prompt: String {
        guard let trace else { return question.prompt }
        var prompt = Substring(question.prompt)
        while prompt.last == "\n" { prompt.removeLast() }  // a YAML block scalar ends with one
        return prompt + "\n\n" + trace.inputText
    }

    /// The choices in display order.
    public var displayedChoices: [Choice] { choiceOrder.map { question.choices[$0] } }

    /// The order items in display order.
    public var displayedItems: [String] { itemOrder.map { question.items[$0] } }

    /// Fisher–Yates over the unpinned positions only.
    static func shuffled(count: Int, pinned: [Bool], using generator: inout Xoshiro256StarStar) -> [Int] {
        var order = Array(0..<count)
        let free = order.indices.filter { !pinned[$0] }
        var values = free.map { order[$0] }
        values.fisherYatesShuffle(using: &generator)
        for (slot, value) in zip(free, values) { order[slot] = value }
        return order
    }

    /// A 64-bit seed from a round seed and a key: FNV-1a over the key's UTF-8, mixed with
    /// the seed through SplitMix64's finaliser.
    static func mix(_ seed: UInt64, _ key: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        var mixer = SplitMix64(seed: seed ^ hash)
        return mixer.next()
    }
}
