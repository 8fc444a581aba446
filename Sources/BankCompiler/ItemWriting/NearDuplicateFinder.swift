import QuizEngine

/// Finds pairs of questions that say nearly the same thing: the Jaccard similarity of their
/// word 3-shingles (prompt plus answer: the keys, accepted forms, answer or items) is at
/// least ``threshold``.
///
/// Candidates come from an inverted index of shingles; shingles shared by more than
/// ``commonShingleLimit`` questions ("what is the") propose no candidates, so the cost
/// stays near linear on large banks. Trace questions (templates whose answers are computed)
/// are skipped, like exact duplicates.
struct NearDuplicateFinder {
    static let threshold = 0.5
    static let commonShingleLimit = 32
    /// Texts with fewer shingles are too short to call near-duplicates.
    static let minimumShingles = 4

    /// Pairs `(earlier, later)` of question indices, ordered by the later one.
    ///
    /// - Complexity: O(s + c·k) for s shingles in all, c candidate pairs and k shingles per question.
    static func pairs(in questions: [Question]) -> [(Int, Int, Double)] {
        let shingles = questions.map { question -> Set<UInt64> in
            question.type == .trace ? [] : shingleSet(of: text(of: question))
        }
        var postings: [UInt64: [Int]] = [:]
        for (index, set) in shingles.enumerated() where set.count >= minimumShingles {
            for shingle in set { postings[shingle, default: []].append(index) }
        }
        var result: [(Int, Int, Double)] = []
        for (index, set) in shingles.enumerated() where set.count >= minimumShingles {
            var candidates = Set<Int>()
            for shingle in set {
                guard let list = postings[shingle], list.count <= commonShingleLimit else { continue }
                for other in list where other < index { candidates.insert(other) }
            }
            // The earliest similar question is the one to name, so sort the candidates.
            for other in candidates.sorted() {
                let shared = set.intersection(shingles[other]).count
                let similarity = Double(shared) / Double(set.count + shingles[other].count - shared)
                if similarity >= threshold {
                    result.append((other, index, similarity))
                    break
                }
            }
        }
        return result
    }

    static func text(of question: Question) -> String {
        var parts = [question.prompt]
        parts += question.choices.filter(\.isCorrect).map(\.text)
        parts += question.accept
        parts += question.items
        if let answer = question.answer { parts.append(answer) }
        return parts.joined(separator: " ")
    }

    /// FNV-1a hashes of each run of three consecutive words (lowercased, letters and digits).
    static func shingleSet(of text: String) -> Set<UInt64> {
        var words: [[UInt8]] = []
        var current: [UInt8] = []
        for byte in text.utf8 {
            let lower = (byte >= 0x41 && byte <= 0x5A) ? byte + 0x20 : byte
            if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) || lower >= 0x80 {
                current.append(lower)
            } else if !current.isEmpty {
                words.append(current)
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { words.append(current) }
        guard words.count >= 3 else { return [] }
        var result = Set<UInt64>()
        for start in 0...(words.count - 3) {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for word in words[start..<(start + 3)] {
                for byte in word {
                    hash ^= UInt64(byte)
                    hash &*= 0x0000_0100_0000_01B3
                }
                hash ^= 0x20
                hash &*= 0x0000_0100_0000_01B3
            }
            result.insert(hash)
        }
        return result
    }
}
