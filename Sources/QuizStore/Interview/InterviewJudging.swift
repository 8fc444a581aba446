import QuizEngine

/// How an interview question is answered and judged, and the judgement of one reply: the
/// rules both front ends (terminal and jsonl) share.
public enum InterviewJudging: Sendable, Hashable {
    /// Graded by the engine from a typed answer (choice, multi, short, order, trace).
    case graded
    /// An open question checked against its rubric items, one flag per item.
    case rubric([String])
    /// Self-graded 1-4 (flashcards, open questions without a rubric).
    case selfGraded

    /// How `question` is judged.
    public init(_ question: Question) {
        if question.type == .open && !question.rubric.isEmpty {
            self = .rubric(question.rubric)
        } else {
            self = Grader.isSelfGraded(question.type) ? .selfGraded : .graded
        }
    }

    /// A reply that cannot judge the question, with what to send instead.
    public struct Refusal: Error, Sendable, Hashable, CustomStringConvertible {
        public var description: String

        public init(_ description: String) { self.description = description }
    }

    /// A reply judged: the judgement, whether a wrong graded answer may be overruled, and
    /// the grader's verdict of a graded answer (for its feedback).
    public typealias Judged = (judgement: InterviewAnswer.Judgement, overridable: Bool, verdict: Grader.Verdict?)

    /// The judgement of a reply (one of `answer`, `grade`, `rubric`, as the question needs).
    ///
    /// - Throws: ``Refusal`` naming the reply the question needs, or the grader's reason
    ///   an answer cannot be read.
    public func judge(
        answer: String?, grade: Int?, rubric met: [Bool]?, for presented: PresentedQuestion
    ) throws(Refusal) -> Judged {
        let key = presented.question.key
        switch self {
        case .rubric(let items):
            guard let met, met.count == items.count else {
                throw Refusal(
                    "'\(key)' is checked against its rubric: send {\"rubric\":[…]} with \(items.count) true or false values, one per item"
                )
            }
            return (.rubric(met), false, nil)
        case .selfGraded:
            guard let grade, let rating = Rating(rawValue: grade) else {
                throw Refusal("'\(key)' is self-graded: send {\"grade\":1-4}")
            }
            return (.selfGraded(rating), false, nil)
        case .graded:
            guard let answer else { throw Refusal("'\(key)' is graded: send {\"answer\":\"...\"}") }
            let verdict: Grader.Verdict
            do {
                verdict = try Grader.grade(answer, for: presented)
            } catch {
                throw Refusal(error.description)
            }
            return (
                .graded(response: answer, correct: verdict.isCorrect, overridden: false),
                !verdict.isCorrect && verdict.isOverridable, verdict
            )
        }
    }

    /// The judgement of a line typed on a terminal: the answer of a graded question, the
    /// numbers of the rubric items met (``rubricItems(_:count:)``), or a self-grade 1-4.
    ///
    /// - Throws: ``Refusal`` saying what to type instead.
    public func judge(typed text: String, for presented: PresentedQuestion) throws(Refusal) -> Judged {
        switch self {
        case .graded:
            return try judge(answer: text, grade: nil, rubric: nil, for: presented)
        case .rubric(let items):
            guard let met = Self.rubricItems(text, count: items.count) else {
                throw Refusal("type item numbers from 1 to \(items.count), a, or Enter for none")
            }
            return (.rubric(met), false, nil)
        case .selfGraded:
            guard let rating = Grader.rating(text) else {
                throw Refusal("answer 1, 2, 3 or 4 (or again, hard, good, easy)")
            }
            return (.selfGraded(rating), false, nil)
        }
    }

    /// The rubric items met, from `1 3` (or `1,3`), `a` for all, or nothing for none; nil
    /// for anything else.
    public static func rubricItems(_ text: String, count: Int) -> [Bool]? {
        if text == "a" || text == "all" { return Array(repeating: true, count: count) }
        var met = Array(repeating: false, count: count)
        for part in text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }) {
            guard let number = Int(part), number >= 1, number <= count else { return nil }
            met[number - 1] = true
        }
        return met
    }
}
