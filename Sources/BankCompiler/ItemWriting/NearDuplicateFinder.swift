import QuizEngine

/// Finds pairs of questions that say nearly the same thing: the Jaccard similarity of their
/// word 3-shingles (prompt plus answer: the keys, accepted forms, answer or items) is at
/// least ``threshold``.
///
/// Each file's shingles are hashed where the file is lowered (on every core). Candidates come
/// from a sorted index of the shingles; shingles shared by more than ``commonShingleLimit``
/// questions ("what is the") propose none. Counting the uncommon shingles a pair shares
/// bounds its similarity, so a pair well below the threshold is dropped before the exact
/// similarity is computed. (Sampling half the shingles halved this work but missed one
/// near-duplicate in ninety among short prompts, so every shingle is indexed.) Trace questions (templates whose
/// answers are computed) are skipped, like exact duplicates.
enum NearDuplicateFinder {
    static let threshold = 0.5
    static let commonShingleLimit = 8
    /// The similarity over uncommon shingles below which a pair is not compared in full.
    static let candidateEstimate = 0.3
    /// Texts with fewer shingles are too short to call near-duplicates.
    static let minimumShingles = 4
    /// The bytes of each answer part that are shingled (the prompt is shingled whole).
    static let answerPrefixBytes = 120

    /// The shingle hashes of `question` in text order (none for a trace question).
    static func shingles(of question: Question) -> [UInt64] {
        guard question.type != .trace else { return [] }
        // The prompt says what a question asks; the start of each answer part tells apart
        // prompts that differ only in their answer. A long flashcard answer would add cost
        // without telling near-duplicates apart any better.
        var builder = ShingleBuilder()
        builder.add(question.prompt, prefix: Int.max)
        for choice in question.choices where choice.isCorrect { builder.add(choice.text, prefix: answerPrefixBytes) }
        for form in question.accept { builder.add(form, prefix: answerPrefixBytes) }
        for item in question.items { builder.add(item, prefix: answerPrefixBytes) }
        if let answer = question.answer { builder.add(answer, prefix: answerPrefixBytes) }
        return builder.shingles
    }

    /// Pairs `(earlier, later, similarity)` of question indices, one per later question that
    /// has an earlier near-duplicate (the earliest), ordered by the later one.
    ///
    /// Banks of 2^24 questions or more are not searched (the packed index has 24 bits for them).
    ///
    /// - Complexity: O(s) for s shingles and O(p) for the p pairs that share an uncommon one
    ///   (radix sorts), plus O(k log k) per candidate pair of k shingles.
    static func pairs(_ shingles: [[UInt64]]) -> [(Int, Int, Double)] {
        guard shingles.count < 1 << 24 else { return [] }
        let counts = shingles.map { $0.count >= minimumShingles ? $0.count : 0 }
        // Shingles of one half of the hash space (its top bit) never match those of the other,
        // so each half's index is built, sorted and scanned on a core of its own.
        let halves = FileWorkers.map(count: 2, cost: { _ in 1 }) { half in
            candidatePairs(shingles, topBit: UInt64(half))
        }
        var pairKeys = halves[0] + halves[1]
        RadixSort.sort(&pairKeys)
        var result: [(Int, Int, Double)] = []
        // Each candidate's distinct shingles, sorted the first time it is compared.
        var distinct = [[UInt64]?](repeating: nil, count: shingles.count)
        func sortedDistinct(_ question: Int) -> [UInt64] {
            if let cached = distinct[question] { return cached }
            let values = Self.sortedDistinct(shingles[question])
            distinct[question] = values
            return values
        }
        var lastReported = -1
        var index = 0
        while index < pairKeys.count {
            var end = index + 1
            while end < pairKeys.count, pairKeys[end] == pairKeys[index] { end += 1 }
            let later = Int(pairKeys[index] >> 32)
            let earlier = Int(pairKeys[index] & 0xFFFF_FFFF)
            // Shared uncommon shingles estimate the similarity (common ones are not counted); a
            // pair under ``candidateEstimate``, well below the threshold, is dropped before the
            // exact test. Pairs come ordered by the
            // later question, then the earlier, so the first hit is the earliest.
            let shared = end - index
            let estimate = Double(shared) / Double(counts[later] + counts[earlier] - shared)
            if later != lastReported, estimate >= candidateEstimate {
                let similarity = jaccard(sortedDistinct(later), sortedDistinct(earlier))
                if similarity >= threshold {
                    result.append((earlier, later, similarity))
                    lastReported = later
                }
            }
            index = end
        }
        return result
    }

    /// Each pair of questions sharing an uncommon shingle whose top bit is `topBit`, packed
    /// later << 32 | earlier, once per shingle they share (unsorted).
    ///
    /// Every shingle with its question is packed as 40 bits of the shingle over 24 of the
    /// question and sorted, so that each shingle's questions are adjacent. Equal 40-bit
    /// prefixes of different shingles only add candidates, which the exact test drops.
    ///
    /// - Complexity: O(s) for the s shingles of the half, plus O(p) for the p pairs.
    private static func candidatePairs(_ shingles: [[UInt64]], topBit: UInt64) -> [UInt64] {
        var entries: [UInt64] = []
        for (index, set) in shingles.enumerated() where set.count >= minimumShingles {
            for shingle in set where shingle >> 63 == topBit {
                entries.append(shingle & ~0xFF_FFFF | UInt64(index))
            }
        }
        // Entries were appended in question order, so their low three bytes already ascend.
        RadixSort.sort(&entries, sortedLowBytes: 3)
        func question(_ entry: UInt64) -> UInt64 { entry & 0xFF_FFFF }
        var pairKeys: [UInt64] = []
        var start = 0
        while start < entries.count {
            var end = start + 1
            while end < entries.count, entries[end] >> 24 == entries[start] >> 24 { end += 1 }
            if end - start > 1, end - start <= commonShingleLimit {
                for later in (start + 1)..<end {
                    for earlier in start..<later where question(entries[earlier]) != question(entries[later]) {
                        pairKeys.append(question(entries[later]) << 32 | question(entries[earlier]))
                    }
                }
            }
            start = end
        }
        return pairKeys
    }

    /// `values` sorted, without repeats.
    static func sortedDistinct(_ values: [UInt64]) -> [UInt64] {
        var result = values.sorted()
        var unique = 0
        for value in result where unique == 0 || result[unique - 1] != value {
            result[unique] = value
            unique += 1
        }
        result.removeLast(result.count - unique)
        return result
    }

    /// |a ∩ b| / |a ∪ b| of two sorted arrays of distinct values.
    static func jaccard(_ a: [UInt64], _ b: [UInt64]) -> Double {
        var i = 0
        var j = 0
        var shared = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                shared += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return Double(shared) / Double(a.count + b.count - shared)
    }
}

/// Shingles of a text read in parts: FNV-1a hashes of its words (lowercased ASCII letters,
/// digits and any non-ASCII byte make words; everything else separates them), each run of
/// three mixed into one value as the third word ends.
///
/// It keeps only the last two word hashes, so a question's shingles cost one array. Shingles
/// stay in text order, repeats kept: sorting every question's would cost more than the rest
/// of the check, and only candidate pairs need it, sorted once each.
private struct ShingleBuilder {
    private(set) var shingles: [UInt64] = []
    private var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    private var inWord = false
    private var previous: UInt64 = 0
    private var beforePrevious: UInt64 = 0
    private var words = 0

    /// Adds the first `prefix` bytes of `text` as one more part; a word never runs from one
    /// part into the next.
    mutating func add(_ text: String, prefix: Int) {
        var text = text
        text.withUTF8 { buffer in
            for byte in buffer.prefix(prefix) {
                let lower = (byte >= 0x41 && byte <= 0x5A) ? byte + 0x20 : byte
                if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) || lower >= 0x80 {
                    hash = (hash ^ UInt64(lower)) &* 0x0000_0100_0000_01B3
                    inWord = true
                } else {
                    endWord()
                }
            }
        }
        endWord()
    }

    private mutating func endWord() {
        guard inWord else { return }
        if words >= 2 {
            // Mix the three word hashes in order (a rotate keeps "a b c" apart from "b a c").
            var mixed = beforePrevious
            mixed = (mixed << 21 | mixed >> 43) ^ previous
            mixed = (mixed << 21 | mixed >> 43) ^ hash
            mixed ^= mixed >> 33
            mixed &*= 0xff51_afd7_ed55_8ccd
            mixed ^= mixed >> 33
            shingles.append(mixed)
        }
        beforePrevious = previous
        previous = hash
        words += 1
        hash = 0xcbf2_9ce4_8422_2325
        inWord = false
    }
}
