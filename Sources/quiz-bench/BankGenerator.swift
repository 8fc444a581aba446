import SeededRandom
import SortingCourse

/// Generates realistic question banks of any size, deterministically from a seed, so every
/// benchmark run measures the same bytes.
///
/// The mix follows real banks: flow and block tag lists, literal and double-quoted prompts,
/// choice questions with three to five options, folded flashcard answers, single-quoted
/// explanations and some non-ASCII text.
struct BankGenerator {
    /// Questions per generated file (keeps each file far below the 8 MiB default limit).
    static let questionsPerFile = 2_000
    static let topics = ["databases", "caching", "http", "security", "concurrency", "nosql", "testing", "cloud"]

    let questionCount: Int
    let seed: UInt64

    /// The tag vocabulary plus `questionCount` questions spread over several bank files.
    func files() -> [(path: String, text: String)] {
        var generator = Xoshiro256StarStar(seed: seed)
        var files: [(String, String)] = [("bench/tags.yaml", vocabulary())]
        var made = 0
        var bankIndex = 0
        while made < questionCount {
            let count = min(Self.questionsPerFile, questionCount - made)
            files.append(("bench/bank-\(bankIndex).yaml", bank(index: bankIndex, count: count, using: &generator)))
            made += count
            bankIndex += 1
        }
        return files
    }

    private func vocabulary() -> String {
        var text = "tags:\n  technical: Generated technical questions\n"
        for topic in Self.topics { text += "  \(topic): Generated questions on \(topic)\n" }
        return text
    }

    private func bank(index: Int, count: Int, using generator: inout Xoshiro256StarStar) -> String {
        var text = "bank: generated-\(index)\ntitle: Generated bank \(index)\ntags: [technical]\nquestions:\n"
        text.reserveCapacity(count * 420)
        for number in 0..<count {
            text += question(number, using: &generator)
        }
        return text
    }

    private func words(_ count: Int, using generator: inout Xoshiro256StarStar) -> String {
        let vocabulary = [
            "index", "replica", "latency", "throughput", "partition", "consensus", "cache", "eviction", "token",
            "handshake", "isolation", "snapshot", "commit", "rollback", "quorum", "shard", "écriture", "naïve",
            "leader", "follower", "backoff", "idempotent", "stream", "offset", "schema", "migration",
        ]
        var result = ""
        for index in 0..<count {
            if index > 0 { result += " " }
            result += vocabulary[Int(generator.uniform(below: UInt64(vocabulary.count)))]
        }
        return result
    }

    private func question(_ number: Int, using generator: inout Xoshiro256StarStar) -> String {
        let isChoice = generator.uniform(below: 3) == 0
        var text = "  - id: q\(number)\n    type: \(isChoice ? "choice" : "flashcard")\n"
        let difficulty = ["easy", "medium", "hard"][Int(generator.uniform(below: 3))]
        text += "    difficulty: \(difficulty)\n"
        let first = Self.topics[Int(generator.uniform(below: UInt64(Self.topics.count)))]
        let second = Self.topics[Int(generator.uniform(below: UInt64(Self.topics.count)))]
        let tags = first == second ? [first] : [first, second]
        if generator.uniform(below: 10) < 7 {
            text += "    tags: [\(tags.joined(separator: ", "))]\n"
        } else {
            text += "    tags:\n" + tags.map { "      - \($0)\n" }.joined()
        }
        if generator.uniform(below: 2) == 0 {
            text += "    prompt: |\n"
            for _ in 0...generator.uniform(below: 3) {
                text += "      \(words(9, using: &generator))\n"
            }
        } else {
            text += "    prompt: \"Question \(number): \(words(12, using: &generator))?\"\n"
        }
        if isChoice {
            text += "    choices:\n"
            let choiceCount = 3 + Int(generator.uniform(below: 3))
            let correct = Int(generator.uniform(below: UInt64(choiceCount)))
            for index in 0..<choiceCount {
                text += "      - text: option \(index) \(words(5, using: &generator))\n"
                if index == correct { text += "        correct: true\n" }
            }
        } else {
            text += "    answer: >\n      \(words(14, using: &generator))\n      \(words(10, using: &generator))\n"
        }
        if generator.uniform(below: 2) == 0 {
            text += "    explanation: '\(words(16, using: &generator))'\n"
        }
        if generator.uniform(below: 4) == 0 {
            text += "    source: generated\n"
        }
        return text
    }
}
