/// "Did you mean" candidates by Levenshtein distance, as argument-parser suggests options.
public enum Suggestions {
    /// The candidates within a small edit distance of `word` (at most 2, or a third of
    /// its length if longer), plus those that contain `word` when it has 3 or more
    /// characters; closest first, ties in the given order, and none more than one edit
    /// further than the closest. Case is ignored.
    public static func closest(to word: String, among candidates: [String], limit: Int = 3) -> [String] {
        let needle = Array(word.lowercased())
        let allowed = Swift.max(2, needle.count / 3)
        var scored: [(distance: Int, order: Int, name: String)] = []
        for (order, candidate) in candidates.enumerated() {
            let hay = candidate.lowercased()
            let d = editDistance(needle, Array(hay))
            if d <= allowed {
                scored.append((d, order, candidate))
            } else if needle.count >= 3, hay.contains(String(needle)) {
                scored.append((allowed + 1, order, candidate))
            }
        }
        scored.sort { ($0.distance, $0.order) < ($1.distance, $1.order) }
        guard let best = scored.first?.distance else { return [] }
        return scored.prefix { $0.distance <= best + 1 }.prefix(limit).map(\.name)
    }

    /// The optimal-string-alignment (restricted Damerau–Levenshtein) distance: insertions,
    /// deletions, substitutions and swaps of two adjacent characters each cost one, so the
    /// commonest typo, `anwser` for `answer`, is one edit away.
    ///
    /// The one edit distance of the project: the compiler's and the CLI's suggestions use it
    /// too (through `QuizEngine.Suggestion`).
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
}
