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
    /// The shingle index is built and scanned in this many parts (by the shingles' top bits),
    /// two at a time, so that only two parts' entries exist at once.
    static let partCount = 16

    /// Pairs `(earlier, later, similarity)` of question numbers (counted across `tables` in
    /// order), one per later question that has an earlier near-duplicate (the earliest),
    /// ordered by the later one.
    ///
    /// Banks of 2^24 questions or more are not searched (the packed index has 24 bits for them).
    ///
    /// - Complexity: O(s) for s shingles and O(p) for the p pairs that share an uncommon one
    ///   (radix sorts, and a merge of ``partCount`` sorted runs), plus O(k log k) per
    ///   candidate pair of k shingles.
    static func pairs(_ tables: [ShingleTable]) -> [(Int, Int, Double)] {
        let questions = ShingleTables(tables)
        guard questions.count < 1 << 24 else { return [] }
        let counts = (0..<questions.count).map { questions.shingleCount($0) }
        // A shingle of one part never matches one of another, so each part's index is built,
        // sorted and scanned alone, on one core or the other; each part's pairs come back sorted.
        let parts = FileWorkers.map(count: partCount, cost: { _ in 1 }) { part in
            candidatePairs(questions, part: UInt32(part))
        }
        var result: [(Int, Int, Double)] = []
        // Each candidate's distinct shingles, sorted the first time it is compared.
        var distinct = [[UInt32]?](repeating: nil, count: questions.count)
        func sortedDistinct(_ question: Int) -> [UInt32] {
            if let cached = distinct[question] { return cached }
            let values = Self.sortedDistinct(questions.shingles(of: question))
            distinct[question] = values
            return values
        }
        var lastReported = -1
        var merge = SortedMerge(parts)
        while let (pairKey, shared) = merge.next() {
            let later = Int(pairKey >> 32)
            let earlier = Int(pairKey & 0xFFFF_FFFF)
            // Shared uncommon shingles estimate the similarity (common ones are not counted); a
            // pair under ``candidateEstimate``, well below the threshold, is dropped before the
            // exact test. Pairs come ordered by the later question, then the earlier, so the
            // first hit is the earliest.
            let estimate = Double(shared) / Double(counts[later] + counts[earlier] - shared)
            if later != lastReported, estimate >= candidateEstimate {
                let similarity = jaccard(sortedDistinct(later), sortedDistinct(earlier))
                if similarity >= threshold {
                    result.append((earlier, later, similarity))
                    lastReported = later
                }
            }
        }
        return result
    }

    /// Each pair of questions sharing an uncommon shingle of `part`, packed
    /// later << 32 | earlier, once per shingle they share, sorted.
    ///
    /// Every shingle of the part with its question is packed as the 32-bit shingle over 24
    /// bits of the question and sorted, so that each shingle's questions are adjacent.
    ///
    /// - Complexity: O(s) to select the part's shingles from all s, plus O(p) for its p pairs.
    private static func candidatePairs(_ questions: ShingleTables, part: UInt32) -> [UInt64] {
        let shift = UInt32(32 - partCount.trailingZeroBitCount)
        var entries: [UInt64] = []
        questions.forEachShingle { question, shingle in
            if shingle >> shift == part { entries.append(UInt64(shingle) << 24 | UInt64(question)) }
        }
        // Entries were appended in question order, so their low three bytes already ascend.
        RadixSort.sort(&entries, sortedLowBytes: 3)
        func question(_ entry: UInt64) -> UInt64 { entry & 0xFF_FFFF }
        // Groups of one shingle's entries that propose pairs: shared by 2 to the limit.
        func forEachGroup(_ body: (Range<Int>) -> Void) {
            var start = 0
            while start < entries.count {
                var end = start + 1
                while end < entries.count, entries[end] >> 24 == entries[start] >> 24 { end += 1 }
                if end - start > 1, end - start <= commonShingleLimit { body(start..<end) }
                start = end
            }
        }
        // Counted first, so the pairs take exactly their room.
        var pairCount = 0
        forEachGroup { group in pairCount += group.count * (group.count - 1) / 2 }
        var pairKeys: [UInt64] = []
        pairKeys.reserveCapacity(pairCount)
        forEachGroup { group in
            for later in (group.lowerBound + 1)..<group.upperBound {
                for earlier in group.lowerBound..<later where question(entries[earlier]) != question(entries[later]) {
                    pairKeys.append(question(entries[later]) << 32 | question(entries[earlier]))
                }
            }
        }
        entries = []
        RadixSort.sort(&pairKeys)
        return pairKeys
    }

    /// `values` sorted, without repeats.
    static func sortedDistinct(_ values: [UInt32]) -> [UInt32] {
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
    static func jaccard(_ a: [UInt32], _ b: [UInt32]) -> Double {
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

/// Sorted runs of keys read as one sorted sequence, each distinct key once with the number of
/// times it occurs across the runs.
struct SortedMerge {
    private let runs: [[UInt64]]
    private var positions: [Int]

    init(_ runs: [[UInt64]]) {
        self.runs = runs.filter { !$0.isEmpty }
        positions = Array(repeating: 0, count: self.runs.count)
    }

    /// The next smallest key and its number of occurrences, or nil when every run is read.
    ///
    /// - Complexity: O(r + k) for r runs and k occurrences of the key.
    mutating func next() -> (key: UInt64, count: Int)? {
        var smallest: UInt64?
        for (run, position) in zip(runs, positions) where position < run.count {
            if smallest.map({ run[position] < $0 }) ?? true { smallest = run[position] }
        }
        guard let key = smallest else { return nil }
        var count = 0
        for index in runs.indices {
            let run = runs[index]
            var position = positions[index]
            while position < run.count, run[position] == key {
                position += 1
                count += 1
            }
            positions[index] = position
        }
        return (key, count)
    }
}

/// Every file's shingle table, with the questions numbered across them in order.
private struct ShingleTables {
    let tables: [ShingleTable]
    private let numbering: RunNumbering

    init(_ tables: [ShingleTable]) {
        self.tables = tables
        var numbering = RunNumbering()
        for table in tables { numbering.append(count: table.count) }
        self.numbering = numbering
    }

    /// The number of questions.
    var count: Int { numbering.total }

    /// The number of shingles of `question`, or zero below ``NearDuplicateFinder/minimumShingles``.
    func shingleCount(_ question: Int) -> Int {
        let (table, position) = numbering.locate(question)
        let count = tables[table].shingleCount(of: position)
        return count >= NearDuplicateFinder.minimumShingles ? count : 0
    }

    func shingles(of question: Int) -> [UInt32] {
        let (table, position) = numbering.locate(question)
        return tables[table].shingles(of: position)
    }

    /// Calls `body` with each shingle of every question that has enough, and its number.
    func forEachShingle(_ body: (Int, UInt32) -> Void) {
        for (table, first) in zip(tables, numbering.firsts) {
            table.forEachShingle(minimumCount: NearDuplicateFinder.minimumShingles) { body(first + $0, $1) }
        }
    }
}

/// The near-duplicate shingles of one file's questions, flat: each question's 32-bit shingle
/// hashes in text order, one question after another (repeats kept: sorting every question's
/// would cost more than the rest of the check, and only candidate pairs need it).
///
/// The shingles are hashed where the file is lowered, on its worker. Trace questions (templates
/// whose answers are computed) have none, and so are never near-duplicates.
struct ShingleTable: Sendable {
    /// While the file is lowered: each question's shingles, one question after another, and
    /// where each question's end.
    private var values: [UInt32] = []
    private var ends: [UInt32] = []
    /// Once ``seal()``ed: the same two arrays in blocks of their exact size, which the linker's
    /// thread can free without leaving them in the worker's heap arena.
    private var sealed: (values: MappedBlock, ends: MappedBlock)?

    init() {}

    /// The number of questions.
    private(set) var count = 0

    /// Adds the shingles of `question`: its prompt and the start of each answer part (the
    /// keys, accepted forms, answer or items).
    mutating func append(_ question: Question) {
        precondition(sealed == nil, "a sealed table takes no more questions")
        if question.type != .trace {
            // The prompt says what a question asks; the start of each answer part tells apart
            // prompts that differ only in their answer. A long flashcard answer would add cost
            // without telling near-duplicates apart any better.
            var builder = ShingleBuilder()
            let prefix = NearDuplicateFinder.answerPrefixBytes
            builder.add(question.prompt, prefix: Int.max, into: &values)
            for choice in question.choices where choice.isCorrect { builder.add(choice.text, prefix: prefix, into: &values) }
            for form in question.accept { builder.add(form, prefix: prefix, into: &values) }
            for item in question.items { builder.add(item, prefix: prefix, into: &values) }
            if let answer = question.answer { builder.add(answer, prefix: prefix, into: &values) }
        }
        ends.append(UInt32(values.count))
        count += 1
    }

    /// Moves the shingles into blocks of their size, once the file is lowered.
    mutating func seal() {
        guard sealed == nil else { return }
        sealed = (
            values.withUnsafeBytes { MappedBlock(copying: $0) }, ends.withUnsafeBytes { MappedBlock(copying: $0) }
        )
        values = []
        ends = []
    }

    private func withStorage<R>(_ body: (UnsafeBufferPointer<UInt32>, UnsafeBufferPointer<UInt32>) -> R) -> R {
        if let sealed { return body(sealed.values.elements(), sealed.ends.elements()) }
        return values.withUnsafeBufferPointer { values in ends.withUnsafeBufferPointer { body(values, $0) } }
    }

    /// The shingles of the question at `position`, in text order.
    func shingles(of position: Int) -> [UInt32] {
        withStorage { values, ends in
            Array(values[(position == 0 ? 0 : Int(ends[position - 1]))..<Int(ends[position])])
        }
    }

    /// The number of shingles of the question at `position`.
    func shingleCount(of position: Int) -> Int {
        withStorage { _, ends in Int(ends[position]) - (position == 0 ? 0 : Int(ends[position - 1])) }
    }

    /// Calls `body` with each shingle of every question that has at least `minimumCount`, and
    /// the question's position.
    func forEachShingle(minimumCount: Int, _ body: (Int, UInt32) -> Void) {
        withStorage { values, ends in
            var start = 0
            for (position, end) in ends.enumerated() {
                let end = Int(end)
                if end - start >= minimumCount {
                    for index in start..<end { body(position, values[index]) }
                }
                start = end
            }
        }
    }
}

/// Shingles of a text read in parts: FNV-1a hashes of its words (lowercased ASCII letters,
/// digits and any non-ASCII byte make words; everything else separates them), each run of
/// three mixed into one value as the third word ends, of which the top 32 bits are kept.
///
/// It keeps only the last two word hashes and appends each shingle to the caller's table.
private struct ShingleBuilder {
    private var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    private var inWord = false
    private var previous: UInt64 = 0
    private var beforePrevious: UInt64 = 0
    private var words = 0

    /// Adds the first `prefix` bytes of `text` as one more part to `shingles`; a word never
    /// runs from one part into the next.
    mutating func add(_ text: String, prefix: Int, into shingles: inout [UInt32]) {
        var text = text
        text.withUTF8 { buffer in
            for byte in buffer.prefix(prefix) {
                let lower = (byte >= 0x41 && byte <= 0x5A) ? byte + 0x20 : byte
                if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) || lower >= 0x80 {
                    hash = (hash ^ UInt64(lower)) &* 0x0000_0100_0000_01B3
                    inWord = true
                } else {
                    endWord(into: &shingles)
                }
            }
        }
        endWord(into: &shingles)
    }

    private mutating func endWord(into shingles: inout [UInt32]) {
        guard inWord else { return }
        if words >= 2 {
            // Mix the three word hashes in order (a rotate keeps "a b c" apart from "b a c").
            var mixed = beforePrevious
            mixed = (mixed << 21 | mixed >> 43) ^ previous
            mixed = (mixed << 21 | mixed >> 43) ^ hash
            mixed ^= mixed >> 33
            mixed &*= 0xff51_afd7_ed55_8ccd
            mixed ^= mixed >> 33
            shingles.append(UInt32(truncatingIfNeeded: mixed >> 32))
        }
        beforePrevious = previous
        previous = hash
        words += 1
        hash = 0xcbf2_9ce4_8422_2325
        inWord = false
    }
}
