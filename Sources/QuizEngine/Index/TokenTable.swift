/// The distinct tokens of a string pool being compressed: their bytes back to back, where
/// each one ends and how often it occurs, numbered in order of first occurrence.
///
/// First-occurrence order is deterministic because the pool's strings are visited in id
/// order; the hash table below decides only where a token is looked up, never its number.
/// Only distinct tokens are copied (the vocabulary, a small fraction of the pool), so the
/// cost per token is one hash and one `memcmp`.
struct TokenTable {
    /// Every distinct token's bytes, in id order.
    private(set) var bytes: [UInt8] = []
    /// `offsets[i] ..< offsets[i + 1]` are token `i`'s bytes.
    private(set) var offsets: [Int] = [0]
    /// How many times each token occurs (after ``add(_:)``), by id.
    private(set) var counts: [UInt32] = []
    private var slots: ProbeSlots

    init(expectedCount: Int) {
        slots = ProbeSlots(expectedCount: expectedCount)
    }

    /// The number of distinct tokens.
    var count: Int { offsets.count - 1 }

    /// The bytes of token `id`.
    func token(_ id: Int) -> ArraySlice<UInt8> { bytes[offsets[id]..<offsets[id + 1]] }

    /// Counts one occurrence of `token`, adding it if it is new; returns its id.
    ///
    /// - Complexity: O(n) expected in the token's length.
    @discardableResult
    mutating func add(_ token: UnsafeRawBufferPointer) -> Int {
        let (slot, found) = find(token)
        if let found {
            counts[found] &+= 1
            return found
        }
        let id = count
        bytes.append(contentsOf: token)
        offsets.append(bytes.count)
        counts.append(1)
        bytes.withUnsafeBytes { all in
            slots.insert(id, at: slot, count: count) { Self.hash(UnsafeRawBufferPointer(rebasing: all[offsets[$0]..<offsets[$0 + 1]])) }
        }
        return id
    }

    /// Counts the tokens of `text` (``StringTokens``).
    ///
    /// - Complexity: O(n) expected in the text's length.
    mutating func addTokens(of text: UnsafeRawBufferPointer) {
        var start = 0
        while start < text.count {
            let end = StringTokens.runEnd(text, from: start)
            if !StringTokens.isImpliedSpace(text, start, end) { add(UnsafeRawBufferPointer(rebasing: text[start..<end])) }
            start = end
        }
    }

    /// Adds the tokens and counts of `other`, a table of the strings that follow this one's:
    /// its new tokens get ids after this table's, in `other`'s order, which is the order one
    /// table filled with both would give.
    ///
    /// - Complexity: O(b) expected in the bytes of `other`'s tokens.
    mutating func merge(_ other: TokenTable) {
        other.bytes.withUnsafeBytes { all in
            for t in 0..<other.count {
                let token = UnsafeRawBufferPointer(rebasing: all[other.offsets[t]..<other.offsets[t + 1]])
                let id = add(token)
                counts[id] &+= other.counts[t] &- 1
            }
        }
    }

    /// The id of `token`, which ``add(_:)`` has seen.
    func id(of token: UnsafeRawBufferPointer) -> Int {
        let (_, found) = find(token)
        return found!
    }

    /// The slot where `token` is or would go, and its id if it is there.
    @inline(__always)
    private func find(_ token: UnsafeRawBufferPointer) -> (slot: Int, id: Int?) {
        var slot = slots.start(Self.hash(token))
        while let id = slots[slot] {
            if equals(id, token) { return (slot, id) }
            slot = slots.next(slot)
        }
        return (slot, nil)
    }

    @inline(__always)
    private func equals(_ id: Int, _ token: UnsafeRawBufferPointer) -> Bool {
        let start = offsets[id]
        guard offsets[id + 1] - start == token.count else { return false }
        return bytes.withUnsafeBytes { all in
            let own = UnsafeRawBufferPointer(rebasing: all[start..<(start + token.count)])
            // Most tokens are a few bytes: two overlapping loads beat a loop or memcmp.
            if token.count <= 16 && token.count >= 4 { return Self.shortWords(own) == Self.shortWords(token) }
            if token.count < 4 {
                for i in 0..<token.count where own[i] != token[i] { return false }
                return true
            }
            return CLibrary.compareBytes(own.baseAddress!, token.baseAddress!, count: token.count) == 0
        }
    }

    /// The first and the last eight bytes of 8 to 16 bytes, or the first and last four of 4 to
    /// 7, read without going past either end (they overlap when shorter). With the length
    /// known, they hold every byte: equal words mean equal bytes.
    @inline(__always)
    private static func shortWords(_ text: UnsafeRawBufferPointer) -> (UInt64, UInt64) {
        let n = text.count
        if n >= 8 {
            return (
                text.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
                text.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            )
        }
        return (
            UInt64(text.loadUnaligned(fromByteOffset: 0, as: UInt32.self)),
            UInt64(text.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self))
        )
    }

    /// A fast 64-bit hash of bytes, eight at a time (multiply-xorshift mixing); not
    /// cryptographic, and never part of the output.
    static func hash(_ text: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(text.count)
        var i = 0
        while i + 8 <= text.count {
            h = (h ^ text.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        // The last bytes in at most two loads that stay inside the text: the last eight
        // (overlapping bytes already mixed) when the text has eight, else two overlapping
        // halves. With the length mixed in first, that still tells texts apart.
        var tail: UInt64 = 0
        let left = text.count - i
        if left > 0 {
            if text.count >= 8 {
                tail = text.loadUnaligned(fromByteOffset: text.count - 8, as: UInt64.self)
            } else if left >= 4 {
                tail = UInt64(text.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
                    | UInt64(text.loadUnaligned(fromByteOffset: text.count - 4, as: UInt32.self)) << 32
            } else {
                tail = UInt64(text[0]) | UInt64(text[left / 2]) << 8 | UInt64(text[left - 1]) << 16
            }
        }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 29)
    }
}
