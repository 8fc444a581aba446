/// The questions' keys (`bank/id`) as pairs of string ids, sorted into the index's key
/// table without building the key strings.
struct KeyTable {
    private var bankIDs: [UInt32] = []
    private var questionIDs: [UInt32] = []

    init(expectedCount: Int) {
        bankIDs.reserveCapacity(expectedCount)
        questionIDs.reserveCapacity(expectedCount)
    }

    /// Records the key of the next question, by the string ids of its bank and id.
    mutating func append(bank: UInt32, id: UInt32) {
        bankIDs.append(bank)
        questionIDs.append(id)
    }

    /// The ordinals in ascending order of their keys' UTF-8 bytes.
    ///
    /// Each key sorts as (its bank's rank, the first eight bytes of its id, the rest of the
    /// id): banks are few, so ranking them by `bank/` costs little, and most comparisons of
    /// the sort are then of integers. That order is the keys' byte order as long as no bank
    /// id holds a `/` (one bank's `b/` could then be a prefix of another's); otherwise the
    /// keys are compared whole.
    ///
    /// - Throws: `.invalidInput` naming the first key that appears twice.
    /// - Complexity: O(n log n) integer comparisons, plus O(k) for the k bytes of ids that
    ///   share their first eight.
    func sortedOrdinals(pool: StringPool) throws(IndexError) -> [UInt32] {
        // The pool's strings never move, so keys compare where the pool holds them.
        func text(_ id: UInt32) -> UnsafeRawBufferPointer { pool.text(Int(id)) }
        func key(_ ordinal: UInt32) -> ByteRope {
            ByteRope(text(bankIDs[Int(ordinal)]), slash: true, text(questionIDs[Int(ordinal)]))
        }
        var banks: [UInt32] = []
        var seenBanks: Set<UInt32> = []
        for id in bankIDs where seenBanks.insert(id).inserted { banks.append(id) }
        let order: [UInt32]
        if banks.contains(where: { text($0).contains(UInt8(ascii: "/")) }) {
            order = (0..<UInt32(bankIDs.count)).sorted { a, b in
                let c = key(a).compare(key(b))
                return c < 0 || (c == 0 && a < b)
            }
        } else {
            order = sortedByRank(banks: banks, text: text)
        }
        for i in order.indices.dropFirst() where key(order[i - 1]).compare(key(order[i])) == 0 {
            let ordinal = Int(order[i])
            let bank = String(decoding: text(bankIDs[ordinal]), as: UTF8.self)
            throw .invalidInput("duplicate key '\(bank)/\(String(decoding: text(questionIDs[ordinal]), as: UTF8.self))'")
        }
        return order
    }

    /// One key as the fast sort compares it.
    private struct SortKey {
        var bankRank: UInt32
        var ordinal: UInt32
        /// The id's first eight bytes, big-endian, zero-padded.
        var idPrefix: UInt64
    }

    /// The ordinals sorted by (bank rank, id bytes, ordinal), for banks without a `/`.
    private func sortedByRank(banks: [UInt32], text: (UInt32) -> UnsafeRawBufferPointer) -> [UInt32] {
        let ranked = banks.sorted { ByteRope(text($0), slash: true).compare(ByteRope(text($1), slash: true)) < 0 }
        var rank: [UInt32: UInt32] = [:]
        for (position, bank) in ranked.enumerated() { rank[bank] = UInt32(position) }
        var keys: [SortKey] = []
        keys.reserveCapacity(bankIDs.count)
        for ordinal in bankIDs.indices {
            var prefix: UInt64 = 0
            let id = text(questionIDs[ordinal])
            for i in 0..<8 { prefix = prefix << 8 | UInt64(i < id.count ? id[i] : 0) }
            keys.append(SortKey(bankRank: rank[bankIDs[ordinal]]!, ordinal: UInt32(ordinal), idPrefix: prefix))
        }
        keys.sort { a, b in
            if a.bankRank != b.bankRank { return a.bankRank < b.bankRank }
            if a.idPrefix != b.idPrefix { return a.idPrefix < b.idPrefix }
            let c = ByteRope(text(questionIDs[Int(a.ordinal)])).compare(ByteRope(text(questionIDs[Int(b.ordinal)])))
            return c < 0 || (c == 0 && a.ordinal < b.ordinal)
        }
        return keys.map(\.ordinal)
    }
}
