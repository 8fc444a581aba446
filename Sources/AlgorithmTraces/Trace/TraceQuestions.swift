import SortingCourse
import Spelling

/// Every trace question, whichever catalog its algorithm comes from: the sorting course's
/// (``SortingCourse/TraceQuestion``) or ``TracedAlgorithmCatalog`` (``StructureQuestion``).
///
/// The bank compiler validates templates and the quiz engine draws instances through here,
/// so a name unknown to both catalogs gets suggestions from both.
public enum TraceQuestions {
    /// Every catalog name a trace question may run: the sorts, then the others.
    public static var algorithmNames: [String] { AlgorithmCatalog.names + TracedAlgorithmCatalog.names }

    /// Every problem of a template's parameters as written (nil: not written).
    public static func validate(
        algorithm: String, ask: String, pass: Int?, k: Int?, size: Int?, min: Int?, max: Int?
    ) -> [TraceQuestionError] {
        if TracedAlgorithmCatalog.entry(named: algorithm) != nil {
            return StructureQuestion.validate(
                algorithm: algorithm, ask: ask, pass: pass, k: k, size: size, min: min, max: max)
        }
        var problems = TraceQuestion.validate(
            algorithm: algorithm, ask: ask, pass: pass, k: k, size: size, min: min, max: max)
        if let index = problems.firstIndex(where: { $0.code == .unknownAlgorithm }) {
            problems[index] = .unknownTraceAlgorithm(algorithm)
        }
        let sortIsKnown = AlgorithmCatalog.entry(named: algorithm) != nil
        if let index = problems.firstIndex(where: { $0.code == .unknownAsk }),
            let structureAsk = StructureAsk.parse(ask)
        {
            // An ask of the other catalog: wrong for this sort, or left to the unknown algorithm's error.
            if sortIsKnown {
                let owners = TracedAlgorithmCatalog.all.filter { $0.ask == structureAsk }.map(\.name)
                problems[index] = TraceQuestionError(
                    code: .askNotValid, field: "ask",
                    message: "ask '\(ask)' is not valid for '\(algorithm)'; it is valid for "
                        + TraceQuestionError.quoted(owners))
            } else {
                problems.remove(at: index)
            }
        } else if let index = problems.firstIndex(where: { $0.code == .unknownAsk }) {
            let suggestions = Spelling.suggestions(for: ask, among: StructureAsk.allNames)
            problems[index].suggestions = suggestions
            problems[index].message =
                "unknown ask '\(ask)'"
                + (suggestions.isEmpty
                    ? "; asks are " + TraceQuestionError.quoted(StructureAsk.allNames)
                    : TraceQuestionError.didYouMean(suggestions))
        }
        return problems
    }

    /// The instance of a template for `seed`, its input drawn and its answer computed.
    ///
    /// - Throws: `TraceQuestionError` for an unknown algorithm or ask, invalid parameters, or
    ///   (sorts only) a pass no drawn input reaches.
    public static func instance(
        algorithm: String, ask: String, pass: Int?, k: Int?, size: Int, min: Int, max: Int, seed: UInt64
    ) throws(TraceQuestionError) -> TraceInstance {
        if TracedAlgorithmCatalog.entry(named: algorithm) != nil {
            return try StructureQuestion.instance(
                algorithm: algorithm, ask: ask, pass: pass, k: k, size: size, min: min, max: max, seed: seed)
        }
        if AlgorithmCatalog.entry(named: algorithm) == nil { throw .unknownTraceAlgorithm(algorithm) }
        return try TraceQuestion.instance(
            algorithm: algorithm, ask: try TraceAsk.parse(ask), pass: pass, k: k, size: size, min: min, max: max,
            seed: seed)
    }
}
