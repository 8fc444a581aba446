/// The deduplicated strings of an index being written: their UTF-8 bytes back to back and
/// where each one ends, numbered in order of first use.
///
/// First-use order is deterministic because the writer visits the set in its canonical
/// order; the hash table below decides only where a string is looked up, never its number.
/// Interning reads a native `String`'s bytes in place and copies them only when new, so
/// the writer's cost per string is one hash and one `memcmp`.
struct StringPool {
    /// Every distinct string's bytes, in id order (the `SDAT` section).
    private(set) var bytes: [UInt8] = []
    /// `offsets[i] ..< offsets[i + 1]` are string `i`'s bytes (the `SOFF` section).
    private(set) var offsets: [Int] = [0]
    /// Open addressing with linear probing: string id + 1, or 0 for an empty slot.
    private var slots: [UInt32]
    private var mask: Int

    init(expectedCount: Int) {
        var capacity = 1024
        while capacity < expectedCount * 2 { capacity *= 2 }
        slots = [UInt32](repeating: 0, count: capacity)
        mask = capacity - 1
        bytes.reserveCapacity(expectedCount * 32)
        offsets.reserveCapacity(expectedCount + 1)
    }

    /// The number of distinct strings.
    var count: Int { offsets.count - 1 }

    /// The id of `string`, adding it if it is new.
    ///
    /// - Complexity: O(n) expected in the string's length.
    mutating func intern(_ string: String) -> UInt32 {
        var string = string
        return string.withUTF8 { intern(UnsafeRawBufferPointer($0)) }
    }

    /// The id of the UTF-8 `text`, adding it if it is new.
    mutating func intern(_ text: UnsafeRawBufferPointer) -> UInt32 {
        var slot = Int(truncatingIfNeeded: Self.hash(text)) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            let id = Int(entry - 1)
            if equals(id, text) { return UInt32(id) }
            slot = (slot + 1) & mask
        }
        let id = UInt32(count)
        bytes.append(contentsOf: text)
        offsets.append(bytes.count)
        slots[slot] = id + 1
        if count * 2 > slots.count { grow() }
        return id
    }

    private func equals(_ id: Int, _ text: UnsafeRawBufferPointer) -> Bool {
        let start = offsets[id]
        guard offsets[id + 1] - start == text.count else { return false }
        guard let address = text.baseAddress else { return true }
        return bytes.withUnsafeBytes { CLibrary.compareBytes($0.baseAddress! + start, address, count: text.count) == 0 }
    }

    private mutating func grow() {
        var larger = [UInt32](repeating: 0, count: slots.count * 2)
        let largerMask = larger.count - 1
        bytes.withUnsafeBytes { pool in
            for id in 0..<count {
                let text = UnsafeRawBufferPointer(rebasing: pool[offsets[id]..<offsets[id + 1]])
                var slot = Int(truncatingIfNeeded: Self.hash(text)) & largerMask
                while larger[slot] != 0 { slot = (slot + 1) & largerMask }
                larger[slot] = UInt32(id + 1)
            }
        }
        slots = larger
        mask = largerMask
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
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < text.count {
            tail |= UInt64(text[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 29)
    }
}
