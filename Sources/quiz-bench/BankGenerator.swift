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
    var shape: BankShape = .standard

    /// The tag vocabulary plus `questionCount` questions spread over several bank files.
    func files() -> [(path: String, text: String)] {
        var generator = Xoshiro256StarStar(seed: seed)
        var files: [(String, String)] = [("bench/tags.yaml", vocabulary())]
        var made = 0
        var bankIndex = 0
        while made < questionCount {
            let count = min(shape.questionsPerFile, questionCount - made)
            files.append(("bench/bank-\(bankIndex).yaml", bank(index: bankIndex, count: count, using: &generator)))
            made += count
            bankIndex += 1
        }
        return files
    }

    private func vocabulary() -> String {
        var text = "tags:\n  technical: Generated technical questions\n"
        for topic in Self.topics { text += "  \(topic): Generated questions on \(topic)\n" }
        if shape == .sparse {
            for number in 0..<60 { text += "  t\(number): Generated tag \(number)\n" }
        }
        return text
    }

    private func bank(index: Int, count: Int, using generator: inout Xoshiro256StarStar) -> String {
        var text = "bank: generated-\(index)\ntitle: Generated bank \(index)\ntags: [technical]\nquestions:\n"
        text.reserveCapacity(count * 420)
        for number in 0..<count {
            switch shape {
            case .standard, .small: text += question(number, using: &generator)
            case .sparse: text += sparseQuestion(number, using: &generator)
            case .long: text += longQuestion(number, using: &generator)
            }
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

    private static let sparseVocabulary = [
        "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo", "lima",
        "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango", "uniform", "victor", "whiskey",
        "xray", "yankee", "zulu", "amber", "basalt", "cobalt", "dune",
    ]

    private func sentence(_ count: Int, using generator: inout Xoshiro256StarStar) -> String {
        (0..<count).map { _ in Self.sparseVocabulary[Int(generator.uniform(below: 30))] }.joined(separator: " ")
    }

    /// Issue #17's shape (see ``BankShape/sparse``).
    private func sparseQuestion(_ number: Int, using generator: inout Xoshiro256StarStar) -> String {
        let roll = generator.uniform(below: 10)
        let type = roll < 4 ? "flashcard" : roll < 6 ? "choice" : roll < 8 ? "short" : "open"
        var text = "  - id: q\(number)\n    type: \(type)\n"
        let tagCount = 1 + Int(generator.uniform(below: 3))
        let tags = Set((0..<tagCount).map { _ in "t\(generator.uniform(below: 60))" }).sorted()
        text += "    tags: [\(tags.joined(separator: ", "))]\n"
        text += "    prompt: \(sentence(10 + Int(generator.uniform(below: 8)), using: &generator))?\n"
        switch type {
        case "flashcard":
            text += "    answer: |\n"
            for _ in 0...generator.uniform(below: 4) { text += "      \(sentence(12, using: &generator))\n" }
        case "choice":
            text += "    choices:\n"
            let correct = Int(generator.uniform(below: 4))
            for index in 0..<4 {
                text += "      - text: \(sentence(6, using: &generator))\n"
                if index == correct { text += "        correct: true\n" }
            }
        case "short":
            text += "    accept: [\(sentence(2, using: &generator)), \(sentence(3, using: &generator))]\n"
        default:
            text += "    guidance: |\n"
            for _ in 0..<(2 + generator.uniform(below: 4)) { text += "      \(sentence(12, using: &generator))\n" }
        }
        if generator.uniform(below: 2) == 0 { text += "    explanation: \(sentence(14, using: &generator))\n" }
        return text
    }

    /// Long answers: three to six paragraphs, a fenced code block, a long explanation.
    private func longQuestion(_ number: Int, using generator: inout Xoshiro256StarStar) -> String {
        let topic = Self.topics[Int(generator.uniform(below: UInt64(Self.topics.count)))]
        var text = "  - id: q\(number)\n    type: flashcard\n    tags: [\(topic)]\n"
        text += "    prompt: \"Question \(number): \(words(14, using: &generator))?\"\n"
        text += "    answer: |\n"
        for paragraph in 0..<(3 + generator.uniform(below: 4)) {
            if paragraph > 0 { text += "\n" }
            for _ in 0..<(2 + generator.uniform(below: 3)) { text += "      \(words(15, using: &generator))\n" }
        }
        text += "\n      ```sql\n"
        for line in 0..<(3 + generator.uniform(below: 6)) {
            text += "      SELECT \(words(2, using: &generator).replacingSpaces()) FROM t\(line) WHERE id = \(line);\n"
        }
        text += "      ```\n"
        text += "    explanation: |\n"
        for _ in 0..<(2 + generator.uniform(below: 3)) { text += "      \(words(16, using: &generator))\n" }
        return text
    }
}

extension String {
    fileprivate func replacingSpaces() -> String { String(map { $0 == " " ? "_" : $0 }) }
}
