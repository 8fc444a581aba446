/// "Did you mean …?": the one suggestion policy of the project, for unknown fields, tags,
/// keys, banks, modules, algorithms and trace asks alike.
///
///     Spelling.nearest(to: "anwser", in: ["answer", "accept"])   // "answer"
///     Spelling.suggestions(for: "bubblesort", among: ["bubble-sort", "merge-sort"])   // ["bubble-sort"]
public enum Spelling {
    /// Up to `limit` candidates close to `word`, closest first (ties in the given order).
    ///
    /// Close means an edit distance (``editDistance(_:_:)``, case ignored) of at most a third
    /// of the word's length (at least 1, at most 3), or, for a word of three or more
    /// characters, being a prefix of the candidate or contained in it; those rank after every
    /// edit match, shortest extension first. None is more than one edit further than the closest.
    ///
    /// - Complexity: O(c · m · n) for c candidates of length m and a word of length n.
    public static func suggestions<Candidates: Sequence>(
        for word: String, among candidates: Candidates, limit: Int = 3
    ) -> [String] where Candidates.Element == String {
        let target = Array(word.lowercased().unicodeScalars)
        let budget = max(1, min(3, target.count / 3))
        var scored: [(score: Int, order: Int, candidate: String)] = []
        for (order, candidate) in candidates.enumerated() where candidate != word {
            let scalars = Array(candidate.lowercased().unicodeScalars)
            if abs(scalars.count - target.count) <= budget {
                let distance = editDistance(target, scalars)
                if distance <= budget {
                    scored.append((distance, order, candidate))
                    continue
                }
            }
            if target.count >= 3, contains(scalars, target) {
                scored.append((budget + 1 + scalars.count - target.count, order, candidate))
            }
        }
        scored.sort { ($0.score, $0.order) < ($1.score, $1.order) }
        guard let best = scored.first?.score else { return [] }
        let cutoff = best <= budget ? best + 1 : Int.max
        return scored.prefix { $0.score <= cutoff }.prefix(limit).map(\.candidate)
    }

    /// The candidate nearest to `word`, if it is close enough to be a plausible typo.
    public static func nearest<Candidates: Sequence>(to word: String, in candidates: Candidates) -> String?
    where Candidates.Element == String {
        suggestions(for: word, among: candidates, limit: 1).first
    }

    /// The optimal-string-alignment (restricted Damerau–Levenshtein) distance: insertions,
    /// deletions, substitutions and swaps of two adjacent elements each cost one, so the
    /// commonest typo, `anwser` for `answer`, is one edit away. The one edit distance of the
    /// project: suggestions and the grading of typed answers use it.
    ///
    /// - Complexity: O(m · n) time, O(n) space.
    public static func editDistance<S: Equatable>(_ a: [S], _ b: [S]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = Swift.min(value, beforePrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }

    private static func contains(_ haystack: [Unicode.Scalar], _ needle: [Unicode.Scalar]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
