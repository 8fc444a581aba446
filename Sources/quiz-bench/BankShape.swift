/// The kinds of bank the benchmarks generate, so targets hold on banks shaped unlike ours.
enum BankShape: String, CaseIterable {
    /// Our own mix: flow and block tag lists, literal and quoted prompts, choice questions with
    /// three to five options, folded answers, 26 words of vocabulary; files of 2,000.
    case standard
    /// Issue #17's: files of 5,000; sentences from a 30-word vocabulary drawn at random (few
    /// repeated strings); 40% flashcards with 1-4 line block answers, 20% choice with 4
    /// options, 20% short with 2 accepted answers, 20% open with 2-5 line block guidance;
    /// 1-3 tags each from 60; half with a one-line explanation.
    case sparse
    /// Long multi-paragraph answers and explanations with fenced code blocks; files of 1,000.
    case long
    /// Many small files of 50 questions each.
    case small

    var questionsPerFile: Int {
        switch self {
        case .standard: 2_000
        case .sparse: 5_000
        case .long: 1_000
        case .small: 50
        }
    }

    /// A tag expression that matches some questions of the shape (for `quiz draw`).
    var drawExpression: String {
        switch self {
        case .standard, .long, .small: "caching & !cloud"
        case .sparse: "t1 | t2 & !t3"
        }
    }
}
