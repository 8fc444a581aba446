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
    /// - Throws: `.invalidInput` naming the first key that appears twice.
    /// - Complexity: O(n log n · k), where k is the length of the common key prefixes.
    func sortedOrdinals(pool: StringPool) throws(IndexError) -> [UInt32] {
        // The bytes of the strings the keys use (ids and banks: a small part of the pool),
        // copied once so that the sort compares with memcmp.
        var arena: [UInt8] = []
        // Where each string the keys use starts and ends in the arena, by string id (-1: unused).
        var starts = [Int](repeating: -1, count: pool.count)
        var ends = [Int](repeating: -1, count: pool.count)
        for ids in [bankIDs, questionIDs] {
            for id in ids where starts[Int(id)] < 0 {
                starts[Int(id)] = arena.count
                pool.withBytes(Int(id)) { arena.append(contentsOf: $0) }
                ends[Int(id)] = arena.count
            }
        }
        var order = (0..<UInt32(bankIDs.count)).map { $0 }
        let duplicate: String? = arena.withUnsafeBytes { bytes in
            func text(_ id: UInt32) -> UnsafeRawBufferPointer {
                UnsafeRawBufferPointer(rebasing: bytes[starts[Int(id)]..<ends[Int(id)]])
            }
            // Keys of one bank share its string id, so most comparisons are one memcmp of ids.
            func compare(_ a: UInt32, _ b: UInt32) -> Int {
                let bankA = bankIDs[Int(a)]
                let bankB = bankIDs[Int(b)]
                if bankA == bankB {
                    return ByteRope(text(questionIDs[Int(a)])).compare(ByteRope(text(questionIDs[Int(b)])))
                }
                return ByteRope(text(bankA), slash: true, text(questionIDs[Int(a)])).compare(
                    ByteRope(text(bankB), slash: true, text(questionIDs[Int(b)])))
            }
            order.sort { a, b in
                let c = compare(a, b)
                return c < 0 || (c == 0 && a < b)
            }
            for i in order.indices.dropFirst() where compare(order[i - 1], order[i]) == 0 {
                let ordinal = Int(order[i])
                let bank = String(decoding: text(bankIDs[ordinal]), as: UTF8.self)
                return bank + "/" + String(decoding: text(questionIDs[ordinal]), as: UTF8.self)
            }
            return nil
        }
        if let duplicate { throw .invalidInput("duplicate key '\(duplicate)'") }
        return order
    }
}
