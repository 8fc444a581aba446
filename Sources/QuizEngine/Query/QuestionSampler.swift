import SeededRandom

/// Seeded sampling without replacement, over an ``OrdinalSet`` or an index posting list.
enum QuestionSampler {
    /// What rejection sampling draws candidates from: a set of questions that contains every
    /// match, sampled uniformly in O(log c) expected time.
    struct Pivot {
        enum Source {
            /// Ordinals `0..<n`: rank and ordinal coincide.
            case all
            /// A tag's postings; `starts[i]` is the rank of container i's first member.
            case postings(PostingList, starts: [Int])
        }
        let source: Source
        let count: Int

        /// The pivot of `plan`: the smallest positive tag of its top-level `&` (or the tag
        /// itself), or every question for `.all`, `.not`, a difficulty, and an `&` with no
        /// positive tag term;
        /// `nil` for an `|` or an `&` with no tag among its positive terms.
        init?(_ plan: QueryPlan, universe n: Int) {
            switch plan {
            case .all, .not, .difficulty:
                self.init(all: n)
            case .tag(let list):
                self.init(list)
            case .and(let positives, _):
                if positives.allSatisfy(\.isPerQuestion) {
                    self.init(all: n)
                    return
                }
                var smallest: PostingList?
                for case .tag(let list) in positives where smallest == nil || list.count < smallest!.count {
                    smallest = list
                }
                guard let smallest else { return nil }
                self.init(smallest)
            case .or:
                return nil
            }
        }

        private init(all n: Int) {
            source = .all
            count = n
        }

        private init(_ list: PostingList) {
            var starts: [Int] = []
            starts.reserveCapacity(list.containers.count)
            var total = 0
            for container in list.containers {
                starts.append(total)
                total += container.count
            }
            source = .postings(list, starts: starts)
            count = list.count
        }

        /// A uniformly random member.
        ///
        /// A uniform rank picks the container (each with probability proportional to its
        /// size); in an array container the rank then names the member, in a bitset
        /// container a uniform 16-bit position is drawn until it hits a member. Bitsets
        /// hold more than 4,096 of 65,536 positions, so that takes fewer than 16 tries on
        /// average, each O(1), instead of counting bits up to a rank (up to 1,024
        /// popcounts). After 64 misses (only possible in a non-canonical container) the
        /// rank is selected by counting.
        ///
        /// - Complexity: O(log c) expected.
        func randomMember<G: RandomNumberGenerator>(using generator: inout G) -> Int {
            let rank = Int(generator.uniform(below: UInt64(count)))
            switch source {
            case .all:
                return rank
            case .postings(let list, let starts):
                var lo = 0
                var hi = starts.count
                while hi - lo > 1 {
                    let mid = (lo + hi) / 2
                    if starts[mid] <= rank { lo = mid } else { hi = mid }
                }
                let container = list.containers[lo]
                let local = rank - starts[lo]
                guard container.isBitset else { return container.key << 16 + Int(container.value(at: local)) }
                for _ in 0..<64 {
                    let low = UInt16(truncatingIfNeeded: generator.uniform(below: 65_536))
                    if container.has(low) { return container.key << 16 + Int(low) }
                }
                var cursor = BitsetCursor()
                return container.key << 16 + cursor.select(local, in: container)
            }
        }
    }

    /// `k` distinct members of `pivot` that satisfy `accept`, in draw order, or `nil` when
    /// `attempts` candidates were not enough.
    ///
    /// Every candidate is uniform over the pivot, so every kept one is uniform over the
    /// accepted members not drawn yet: the result is a uniform random k-subset in uniform
    /// random order.
    ///
    /// - Complexity: O(attempts · cost of `accept`) at most.
    static func rejection<G: RandomNumberGenerator>(
        _ k: Int, from pivot: Pivot, accepting accept: (Int) -> Bool, attempts: Int, using generator: inout G
    ) -> [Int]? {
        guard pivot.count > 0 else { return nil }
        var picks: [Int] = []
        picks.reserveCapacity(min(k, pivot.count))
        var seen = Set<Int>(minimumCapacity: min(k, pivot.count))
        for _ in 0..<attempts {
            let ordinal = pivot.randomMember(using: &generator)
            guard !seen.contains(ordinal), accept(ordinal) else { continue }
            seen.insert(ordinal)
            picks.append(ordinal)
            if picks.count == k { return picks }
        }
        return nil
    }

    /// `k` distinct members of `set`, uniformly at random and shuffled; all of them,
    /// shuffled, when `k >= set.count`.
    ///
    /// Floyd's algorithm picks k distinct ranks in `0..<n` with exactly k random numbers:
    /// for j from n − k to n − 1, take t uniform in `0...j`, and add t, or j if t was
    /// already taken. The ranks are then sorted and mapped to ordinals in one pass over the
    /// containers, and the result is shuffled (Floyd's insertion order is not uniform).
    ///
    /// - Complexity: O(k log k + c) for c containers, plus the bitset selections; O(n) only
    ///   when every member is returned.
    static func floyd<G: RandomNumberGenerator>(_ k: Int, from set: OrdinalSet, using generator: inout G) -> [Int] {
        let n = set.count
        if k >= n {
            var all = Array(set)
            all.fisherYatesShuffle(using: &generator)
            return all
        }
        var chosen = Set<Int>(minimumCapacity: k)
        for j in (n - k)..<n {
            let t = Int(generator.uniform(below: UInt64(j + 1)))
            if !chosen.insert(t).inserted { chosen.insert(j) }
        }
        // Sorting removes any dependence on the Set's (per-process) iteration order.
        var picks = set.ordinals(atSortedRanks: chosen.sorted())
        picks.fisherYatesShuffle(using: &generator)
        return picks
    }
}
