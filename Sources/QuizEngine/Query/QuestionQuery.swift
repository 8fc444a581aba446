import SeededRandom
import Spelling

/// A tag query and filter bound to an index: which questions match, and reproducible
/// random draws among them.
///
///     let query = try QuestionQuery(index: index, tags: ["sorting & !easy"])
///     for ordinal in query.draw(count: 5, seed: 7) {
///         print(try index.key(at: ordinal))
///     }
///
/// Several tag expressions are joined with `&`, as repeated `--tag` options are. Binding
/// checks every tag and bank name once, so running the query cannot fail.
public struct QuestionQuery: Sendable {
    public let index: QuestionIndex
    /// The expressions as written, joined with `&`.
    public let tags: [String]
    public let filter: QuestionFilter
    let plan: QueryPlan
    private let bankStrings: [UInt32]
    /// The string ids of the filter's module ids, resolved once.
    private let moduleStrings: [UInt32]

    /// How ``draw(count:seed:)`` picks; tests force one or the other.
    enum Strategy {
        /// Rejection sampling when `k` is far below the pivot's size, else enumeration.
        case automatic
        /// Evaluate the whole match set, then Floyd's sampling over it.
        case enumerate
        /// Rejection sampling (with the bounded fallback), whenever there is a pivot.
        case reject
    }

    /// Parses `tags` (see ``TagExpression``) and binds them and `filter` to `index`.
    ///
    /// - Throws: ``QueryError``: `.expression` for a malformed expression, a limit or an
    ///   unknown tag (with its column and a suggestion); `.unknownBank` for a bank not in the
    ///   index.
    public init(
        index: QuestionIndex, tags: [String], filter: QuestionFilter = QuestionFilter(),
        limits: TagExpression.Limits = .default
    ) throws(QueryError) {
        var plans: [QueryPlan] = []
        var terms = 0
        for text in tags {
            let expression: TagExpression
            do {
                expression = try TagExpression(parsing: text, limits: limits, termsBefore: terms)
            } catch {
                throw .expression(error)
            }
            terms += expression.termCount
            plans.append(try QueryPlan.bind(expression, text: text, index: index))
        }
        if !filter.isEmpty {
            do { try index.verifyQuestionRecords() } catch { throw .index(error) }
        }
        let bankStrings = try Self.stringIDs(
            of: filter.banks, known: { () throws(IndexError) in try index.banks.map(\.id) },
            stringID: index.bankNameString, unknown: QueryError.unknownBank)
        let moduleStrings = try Self.stringIDs(
            of: filter.modules, known: { () throws(IndexError) in try index.modules.map(\.id) },
            stringID: index.moduleIDString, unknown: QueryError.unknownModule)
        self.index = index
        self.tags = tags
        self.filter = filter
        self.bankStrings = bankStrings
        self.moduleStrings = moduleStrings
        plan = QueryPlan.conjunction(plans)
    }

    /// The string ids of the filter's bank or module `names`, each found among `known` (by
    /// position); an unknown name fails with a suggestion.
    private static func stringIDs(
        of names: [String], known: () throws(IndexError) -> [String], stringID: (Int) -> UInt32,
        unknown: (String, String?, [String]) -> QueryError
    ) throws(QueryError) -> [UInt32] {
        guard !names.isEmpty else { return [] }
        let ids: [String]
        do { ids = try known() } catch { throw .index(error) }
        var strings: [UInt32] = []
        for name in names {
            guard let position = ids.firstIndex(of: name) else {
                throw unknown(name, Spelling.nearest(to: name, in: ids), ids)
            }
            strings.append(stringID(position))
        }
        return strings
    }

    /// Whether the question at `ordinal` matches the tags and the filter.
    ///
    /// - Complexity: O(t · log c) for t tag terms of c containers.
    public func matches(_ ordinal: Int) -> Bool {
        passesFilter(ordinal) && plan.matches(ordinal)
    }

    /// Every matching question.
    ///
    /// - Complexity: O(p + m) for p postings of the terms and m matches when there are
    ///   positive tag terms; a query of negations only, or a filter without tags, also
    ///   scans all n questions (O(n / 64) words, plus n filter checks).
    public func matches() -> OrdinalSet {
        let set = plan.evaluate(universe: index.count)
        return filter.isEmpty ? set : set.filter(passesFilter)
    }

    /// `count` distinct matching questions, uniformly at random and in random order, from
    /// `Xoshiro256StarStar(seed: seed)`; every match (shuffled) when fewer match.
    ///
    /// The same index, query, count and seed always give the same ordinals, on every
    /// platform and Swift version: the generator and the sampling are our own.
    ///
    /// Two methods, chosen from sizes alone (so the choice is reproducible too):
    /// - **Rejection** when `count` is at most 1/16 of the *pivot*, the smallest positive tag
    ///   of a top-level `&` (or all questions for a negation or a filter alone): draw a
    ///   uniform member of the pivot and keep it if it matches and is new. Each kept pick is
    ///   uniform over the matches not yet drawn. After `16 · count + 64` attempts without
    ///   success (the query matches a small part of the pivot), fall back to:
    /// - **Enumeration**: evaluate the matches as an ``OrdinalSet``, choose `count` distinct
    ///   ranks by Robert Floyd's algorithm (Bentley, "Programming Pearls: A sample of
    ///   brilliance", CACM 1987), map the sorted ranks to ordinals through the containers'
    ///   cardinalities, and shuffle them (Fisher–Yates).
    ///
    /// - Complexity: rejection O(count · t log c) expected; enumeration O(p + c + count log count)
    ///   for p postings and c containers of the result.
    public func draw(count: Int, seed: UInt64) -> [Int] {
        draw(count: count, seed: seed, strategy: .automatic)
    }

    func draw(count k: Int, seed: UInt64, strategy: Strategy) -> [Int] {
        guard k > 0 else { return [] }
        var generator = Xoshiro256StarStar(seed: seed)
        if strategy != .enumerate, let pivot = QuestionSampler.Pivot(plan, universe: index.count),
            strategy == .reject || k <= pivot.count / 16
        {
            // k is at most the pivot's size here when automatic; the cap keeps a forced
            // rejection with a huge k from overflowing.
            let attempts = k > Int.max / 32 ? Int.max : 16 * k + 64
            if let picks = QuestionSampler.rejection(
                k, from: pivot, accepting: matches, attempts: attempts, using: &generator)
            {
                return picks
            }
        }
        return QuestionSampler.floyd(k, from: matches(), using: &generator)
    }

    private func passesFilter(_ ordinal: Int) -> Bool {
        if !filter.types.isEmpty && !filter.types.contains(index.verifiedType(at: ordinal)) { return false }
        if !filter.difficulties.isEmpty {
            guard let difficulty = index.verifiedDifficulty(at: ordinal), filter.difficulties.contains(difficulty)
            else {
                return false
            }
        }
        if !bankStrings.isEmpty && !bankStrings.contains(index.bankString(at: ordinal)) { return false }
        if !moduleStrings.isEmpty && !moduleStrings.contains(index.moduleString(at: ordinal)) { return false }
        return true
    }
}

extension QuestionIndex {
    /// The string id of the bank of the question at `ordinal`, compared instead of the
    /// decoded name so a bank filter costs no allocation per question (after
    /// ``verifyQuestionRecords()``).
    fileprivate func bankString(at ordinal: Int) -> UInt32 {
        verifiedRecord(ordinal).u32(QuestionField.bank)
    }

    /// The string id of the module of the question at `ordinal` (``IndexFormat/none`` for a
    /// question outside the course), after ``verifyQuestionRecords()``.
    fileprivate func moduleString(at ordinal: Int) -> UInt32 {
        verifiedRecord(ordinal).u32(QuestionField.module)
    }

    /// The string id of the id of module `position` (in ``modules`` order).
    fileprivate func moduleIDString(_ position: Int) -> UInt32 {
        reader.moduleRecord(position).u32(ModuleField.id)
    }

    /// The string id of the name of bank `position` (in ``banks`` order).
    fileprivate func bankNameString(_ position: Int) -> UInt32 {
        reader.bankRecord(position).u32(BankField.id)
    }
}
