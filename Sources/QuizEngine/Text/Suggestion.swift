/// "Did you mean …?" suggestions by edit distance, for unknown fields, tags, keys and names.
public enum Suggestion {
    /// The candidate nearest to `word`, if it is close enough to be a plausible typo.
    ///
    /// Close enough means an edit distance of at most a third of the word's length (at least 1,
    /// at most 3), or `word` being a prefix of the candidate. Ties go to the first candidate in
    /// the order given, so results are deterministic.
    ///
    /// - Complexity: O(c · m · n) for c candidates of length m and a word of length n.
    public static func nearest<S: Sequence>(to word: String, in candidates: S) -> String? where S.Element == String {
        let target = Array(word.lowercased().unicodeScalars)
        let budget = max(1, min(3, target.count / 3))
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let scalars = Array(candidate.lowercased().unicodeScalars)
            if target.count >= 3, scalars.starts(with: target) {
                let distance = scalars.count - target.count
                if best == nil || distance < best!.distance { best = (candidate, min(distance, budget)) }
                continue
            }
            guard abs(scalars.count - target.count) <= budget else { continue }
            let distance = editDistance(target, scalars)
            if distance <= budget, best == nil || distance < best!.distance {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// The Damerau–Levenshtein (optimal string alignment) distance: insertions, deletions,
    /// substitutions and swaps of adjacent characters each cost one.
    ///
    /// - Complexity: O(m · n) time, O(n) space.
    public static func editDistance<C: Collection>(_ a: C, _ b: C) -> Int where C.Element: Equatable {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
