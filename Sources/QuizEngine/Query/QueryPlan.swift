import Spelling
/// A tag expression bound to an index's posting lists, normalised for evaluation: nested
/// `&` and `|` flattened, and each `&` split into positive terms and negated ones, so
/// `a & !b` runs as the difference a − b rather than as a ∩ (universe − b).
indirect enum QueryPlan: Sendable {
    /// Every question (no tag expression).
    case all
    /// The questions of one tag, read in place.
    case tag(PostingList)
    /// The questions of one difficulty, for a name that is a difficulty but no tag
    /// (`sorting & !easy`): checked per question, so inside an `&` with a tag it filters the
    /// tag's matches instead of scanning the index.
    case difficulty(Difficulty, QuestionIndex)
    /// A complement against every question: only for a bare negation (`!a`) or an `|`
    /// operand that is a negation (`a | !b`), where nothing smaller can bound it.
    case not(QueryPlan)
    /// The intersection of `positives` minus the union of `negatives`; at least one of them
    /// is non-empty. With no positives it starts from every question.
    case and(positives: [QueryPlan], negatives: [QueryPlan])
    case or([QueryPlan])

    /// Binds `expression` (parsed from `text`) to `index`.
    ///
    /// - Throws: ``QueryError``: `.expression` with ``TagExpressionError`` `.unknownTag`, the
    ///   tag's column and the nearest known tag as a suggestion; `.index` when the index's
    ///   postings or records turn out damaged.
    static func bind(
        _ expression: TagExpression, text: String, index: QuestionIndex
    ) throws(QueryError) -> QueryPlan {
        switch expression {
        case .tag(let name, let column):
            let id: Int?
            do { id = try index.tagID(named: name) } catch { throw .index(error) }
            guard let id else {
                if let difficulty = Difficulty(rawValue: name) {
                    do { try index.verifyQuestionRecords() } catch { throw .index(error) }
                    return .difficulty(difficulty, index)
                }
                let names: [String]
                do { names = try index.tags.map(\.name) } catch { throw .index(error) }
                let suggestion = Spelling.nearest(to: name, in: names)
                let hint = suggestion.map { "did you mean '\($0)'?" } ?? "`quiz tags` lists the tags"
                throw .expression(
                    TagExpressionError(
                        code: .unknownTag, message: "unknown tag '\(name)'; \(hint)", expression: text,
                        column: column, length: name.count))
            }
            do { return .tag(try index.postings(forTag: id)) } catch { throw .index(error) }
        case .not(let operand):
            return .not(try bind(operand, text: text, index: index))
        case .and(let operands):
            var plans: [QueryPlan] = []
            for operand in operands { plans.append(try bind(operand, text: text, index: index)) }
            return conjunction(plans)
        case .or(let operands):
            var plans: [QueryPlan] = []
            for operand in operands { plans.append(try bind(operand, text: text, index: index)) }
            return .or(plans)
        }
    }

    /// The `&` of `plans`, with negations moved to the negative side and nested `&`s
    /// flattened.
    static func conjunction(_ plans: [QueryPlan]) -> QueryPlan {
        var positives: [QueryPlan] = []
        var negatives: [QueryPlan] = []
        for plan in plans {
            switch plan {
            case .not(let inner): negatives.append(inner)
            case .and(let p, let n):
                positives += p
                negatives += n
            case .all: break
            default: positives.append(plan)
            }
        }
        if positives.isEmpty && negatives.isEmpty { return .all }
        if positives.count == 1 && negatives.isEmpty { return positives[0] }
        return .and(positives: positives, negatives: negatives)
    }

    /// Whether the term is checked question by question rather than read from postings.
    var isPerQuestion: Bool {
        if case .difficulty = self { return true }
        return false
    }

    /// An upper bound on the number of matches, used to order `&` terms cheapest first.
    func upperBound(universe n: Int) -> Int {
        switch self {
        case .all, .not, .difficulty: n
        case .tag(let list): list.count
        case .and(let positives, _): positives.map { $0.upperBound(universe: n) }.min() ?? n
        case .or(let operands): min(n, operands.reduce(0) { $0 + $1.upperBound(universe: n) })
        }
    }

    /// Whether the question at `ordinal` matches.
    ///
    /// - Complexity: O(t · (log c + log 4096)) for t terms of c containers each.
    func matches(_ ordinal: Int) -> Bool {
        switch self {
        case .all: true
        case .tag(let list): list.contains(ordinal)
        case .difficulty(let difficulty, let index): index.verifiedDifficulty(at: ordinal) == difficulty
        case .not(let inner): !inner.matches(ordinal)
        case .and(let positives, let negatives):
            positives.allSatisfy { $0.matches(ordinal) } && !negatives.contains { $0.matches(ordinal) }
        case .or(let operands): operands.contains { $0.matches(ordinal) }
        }
    }

    /// The matching questions.
    ///
    /// `&` starts from its smallest positive term and intersects the others in increasing
    /// order of size, stopping as soon as the result is empty, then subtracts the negated
    /// terms; tags are combined straight from the index's containers, never copied first.
    ///
    /// - Complexity: O(p) for p postings of the terms involved (plus O(n / 64) for a
    ///   complement against all n questions, which only `.all` and `.not` need).
    func evaluate(universe n: Int) -> OrdinalSet {
        operand(universe: n).set
    }

    private func operand(universe n: Int) -> Operand {
        switch self {
        case .all:
            return .set(.universe(count: n))
        case .tag(let list):
            return .postings(list)
        case .difficulty:
            return .set(OrdinalSet.universe(count: n).filter(matches))
        case .not(let inner):
            return .set(Operand.combine(.set(.universe(count: n)), inner.operand(universe: n), Difference.self))
        case .and(let allPositives, let allNegatives):
            // Per-question checks filter what the set terms leave, rather than being
            // evaluated over every question.
            let positives = allPositives.filter { !$0.isPerQuestion }
            let negatives = allNegatives.filter { !$0.isPerQuestion }
            let checks = allPositives.filter(\.isPerQuestion)
            let negatedChecks = allNegatives.filter(\.isPerQuestion)
            let ordered = positives.enumerated()
                .map { (bound: $0.element.upperBound(universe: n), position: $0.offset, plan: $0.element) }
                .sorted { ($0.bound, $0.position) < ($1.bound, $1.position) }
            var result = ordered.first.map { $0.plan.operand(universe: n) } ?? .set(.universe(count: n))
            for term in ordered.dropFirst() where !result.isEmpty {
                result = .set(Operand.combine(result, term.plan.operand(universe: n), Intersection.self))
            }
            for term in negatives where !result.isEmpty {
                result = .set(Operand.combine(result, term.operand(universe: n), Difference.self))
            }
            if !checks.isEmpty || !negatedChecks.isEmpty {
                result = .set(
                    result.set.filter { q in
                        checks.allSatisfy { $0.matches(q) } && !negatedChecks.contains { $0.matches(q) }
                    })
            }
            return result
        case .or(let operands):
            var result = operands[0].operand(universe: n)
            for term in operands.dropFirst() {
                result = .set(Operand.combine(result, term.operand(universe: n), Union.self))
            }
            return result
        }
    }
}

/// An intermediate result: a tag's postings still in the index, or a computed set.
private enum Operand {
    case postings(PostingList)
    case set(OrdinalSet)

    var isEmpty: Bool {
        switch self {
        case .postings(let list): list.isEmpty
        case .set(let set): set.isEmpty
        }
    }

    var set: OrdinalSet {
        switch self {
        case .postings(let list): OrdinalSet(list)
        case .set(let set): set
        }
    }

    /// Applies `operation` to whichever representations the operands have.
    static func combine<Op: SetOperation>(_ a: Operand, _ b: Operand, _ operation: Op.Type) -> OrdinalSet {
        switch (a, b) {
        case (.postings(let x), .postings(let y)): Op.apply(x, y)
        case (.postings(let x), .set(let y)): Op.apply(x, y)
        case (.set(let x), .postings(let y)): Op.apply(x, y)
        case (.set(let x), .set(let y)): Op.apply(x, y)
        }
    }
}

/// A binary set operation, generic over both container sources.
private protocol SetOperation {
    static func apply<A: ContainerSequence, B: ContainerSequence>(_ a: A, _ b: B) -> OrdinalSet
}

private enum Intersection: SetOperation {
    static func apply<A: ContainerSequence, B: ContainerSequence>(_ a: A, _ b: B) -> OrdinalSet {
        OrdinalSet.intersection(a, b)
    }
}

private enum Union: SetOperation {
    static func apply<A: ContainerSequence, B: ContainerSequence>(_ a: A, _ b: B) -> OrdinalSet {
        OrdinalSet.union(a, b)
    }
}

private enum Difference: SetOperation {
    static func apply<A: ContainerSequence, B: ContainerSequence>(_ a: A, _ b: B) -> OrdinalSet {
        OrdinalSet.difference(a, b)
    }
}
