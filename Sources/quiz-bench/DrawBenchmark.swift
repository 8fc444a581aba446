import QuizEngine
import SeededRandom
import SortingCourse

/// Issue 4's draw benchmark: the in-process time of drawing 10 questions from generated
/// indexes of 10k, 100k and 1M questions, for expressions from fixed-size selective to
/// broad, so the table shows which draws stay flat as banks grow and which grow with them.
/// The last column is the time to bind the expression to the index, once per process: it
/// checks the payload of each term's postings (sorted, in range, adding up), O(postings).
///
/// Each index is built in memory as a `QuestionSet` (skipping YAML), encoded by
/// `IndexWriter` and opened with `QuestionIndex(bytes:)`. Tags: `technical` on every
/// question, one or two of eight topics per question (about 23% each), and `spotlight` on
/// exactly 200 questions whatever the size.
struct DrawBenchmark {
    let sizes: [Int]
    let runs: Int
    /// Draws per timed batch (each with its own seed); times are per draw.
    let batch = 200
    let count = 10

    static let expressions: [(label: String, tags: String)] = [
        ("selective, fixed size", "spotlight & !security"),
        ("selective, 3% of n", "security & concurrency"),
        ("broad, 77% of n", "technical & !caching"),
        ("broad union, no pivot", "security | concurrency | !technical"),
    ]

    func run() -> Bool {
        print("draw: \(count) questions per draw, median of \(runs) batches of \(batch) seeded draws")
        print(
            "  n          expression                            matches    draw 10     evaluate all  bind (checks postings)"
        )
        var rows: [[Double]] = []
        for n in sizes {
            let index: QuestionIndex
            do {
                let bytes = try IndexWriter(compilerVersion: "bench", schemaVersion: "1").encode(Self.questionSet(n))
                index = try QuestionIndex(bytes: bytes)
            } catch {
                print("draw: cannot build the index of \(n) questions: \(error)")
                return false
            }
            var row: [Double] = []
            for (label, tags) in Self.expressions {
                let query = try! QuestionQuery(index: index, tags: [tags])
                var matches = 0
                var checksum = 0
                let times = Measure.interleaved(
                    runs: runs,
                    [
                        {
                            for seed in 0..<batch {
                                checksum &+= query.draw(count: count, seed: UInt64(seed)).reduce(0, &+)
                            }
                        },
                        { matches = query.matches().count },
                        { _ = try! QuestionQuery(index: index, tags: [tags]) },
                    ])
                // Verify afterwards, outside the timed region.
                let sample = query.draw(count: count, seed: 1)
                precondition(sample.count == min(count, matches) && sample.allSatisfy(query.matches))
                precondition(checksum != 0 || matches == 0)
                let perDraw = times[0] / Double(batch)
                row.append(perDraw)
                let name = "\(label) '\(tags)'"
                print(
                    "  \(pad(String(n), 10)) \(pad(name, 37)) \(pad(String(matches), 10)) \(pad(Measure.format(perDraw), 11)) \(pad(Measure.format(times[1]), 13)) \(Measure.format(times[2]))"
                )
            }
            rows.append(row)
        }
        if rows.count > 1 {
            print(
                "  growth of a draw from n = \(sizes[0]) to n = \(sizes[sizes.count - 1]) (\(sizes.last! / sizes[0])x questions):"
            )
            for (e, expression) in Self.expressions.enumerated() {
                print("    \(pad(expression.label, 24)) \(String(format3: rows[rows.count - 1][e] / rows[0][e]))x")
            }
        }
        return true
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    /// `n` minimal questions in banks of 2,000, tagged as described above.
    static func questionSet(_ n: Int) -> QuestionSet {
        var generator = Xoshiro256StarStar(seed: 4)
        let topics = BankGenerator.topics
        let location = SourceLocation(file: "bench.yaml", line: 1, column: 1)
        // 200 distinct ordinals spread over the whole range.
        var spotlight = Set<Int>()
        while spotlight.count < min(200, n) { spotlight.insert(Int(generator.uniform(below: UInt64(n)))) }
        var questions: [Question] = []
        questions.reserveCapacity(n)
        for i in 0..<n {
            let first = topics[Int(generator.uniform(below: UInt64(topics.count)))]
            let second = topics[Int(generator.uniform(below: UInt64(topics.count)))]
            var tags = Set([first, second, "technical"])
            if spotlight.contains(i) { tags.insert("spotlight") }
            questions.append(
                Question(
                    bank: "generated-\(i / 2_000)", id: "q\(i)", type: .flashcard, prompt: "Question \(i)?",
                    answer: "Answer \(i).", tags: tags.sorted(),
                    difficulty: [Difficulty.easy, .medium, .hard][Int(generator.uniform(below: 3))],
                    location: location))
        }
        let banks = (0..<(n + 1_999) / 2_000).map {
            BankInfo(id: "generated-\($0)", title: "Bank \($0)", location: location)
        }
        let tags = (topics + ["spotlight", "technical"]).sorted().map { TagInfo(name: $0, description: $0) }
        return QuestionSet(tags: tags, banks: banks, questions: questions)
    }
}
