import AlgorithmTraces
import Presentation
import QuizEngine

/// What `quiz course list` shows after the sorting modules: the algorithms beyond sorting
/// that `quiz course run` traces, and the banks whose questions teach each one (those tagged
/// `algorithms` and the algorithm's topic).
struct TracedAlgorithmTeaching {
    var entry: TracedAlgorithm
    /// (bank, number of questions on the topic), in index order of first appearance.
    var banks: [(bank: String, questions: Int)]

    /// - Throws: ``IndexError`` for a damaged index (reported, never shown as fewer questions).
    static func all(in index: QuestionIndex) throws -> [TracedAlgorithmTeaching] {
        try TracedAlgorithmCatalog.all.map { entry in
            var banks: [(bank: String, questions: Int)] = []
            // An index without the topic's tag teaches nothing about it: no banks, not an error.
            if let query = try? QuestionQuery(index: index, tags: ["algorithms & \(entry.topic)"]) {
                for ordinal in query.matches() {
                    let bank = try index.bank(at: ordinal)
                    if let at = banks.firstIndex(where: { $0.bank == bank }) {
                        banks[at].questions += 1
                    } else {
                        banks.append((bank, 1))
                    }
                }
            }
            return TracedAlgorithmTeaching(entry: entry, banks: banks)
        }
    }

    var json: JSON {
        .object([
            ("name", .string(entry.name)), ("title", .string(entry.title)), ("topic", .string(entry.topic)),
            (
                "banks",
                .array(banks.map { .object([("bank", .string($0.bank)), ("questions", .int($0.questions))]) })
            ),
        ])
    }

    /// `binary-search   Binary search  (tag binary-search: algorithms-techniques 12, …)`.
    func line(nameWidth: Int, color: Bool) -> String {
        let name = entry.name + String(repeating: " ", count: nameWidth - entry.name.count)
        let taught =
            banks.isEmpty
            ? "no questions in this index" : banks.map { "\($0.bank) \($0.questions)" }.joined(separator: ", ")
        return "    \(Terminal.paint(name, .cyan, enabled: color))  \(entry.title)  "
            + Terminal.paint("(tag \(entry.topic): \(taught))", .dim, enabled: color)
    }
}
