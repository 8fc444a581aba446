import SortingCourse

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
            let distance = Suggestions.editDistance(target, scalars)
            if distance <= budget, best == nil || distance < best!.distance {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }
}
