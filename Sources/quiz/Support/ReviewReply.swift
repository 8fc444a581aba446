import Foundation

/// One line a front end sends in `quiz review --format jsonl`: a grade, an answer, or one of
/// the controls. Fields of the wrong type make the line unreadable rather than ignored.
struct ReviewReply: Decodable, Equatable {
    var grade: Int?
    var answer: String?
    var undo: Bool?
    var quit: Bool?
    var override: Bool?
    /// The rubric items met, one flag per item (`quiz interview`).
    var rubric: [Bool]?

    /// The reply on `line`, or nil when it is not a JSON object of these fields.
    init?(line: String) {
        guard let reply = try? JSONDecoder().decode(ReviewReply.self, from: Data(line.utf8)) else { return nil }
        self = reply
    }

    private enum CodingKeys: String, CodingKey {
        case grade, answer, undo, quit, override, rubric
    }
}
