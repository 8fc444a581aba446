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
        var order = (0..<UInt32(bankIDs.count)).map { $0 }
        let duplicate: String? = pool.bytes.withUnsafeBytes { bytes in
            let offsets = pool.offsets
            func text(_ id: UInt32) -> UnsafeRawBufferPointer {
                UnsafeRawBufferPointer(rebasing: bytes[offsets[Int(id)]..<offsets[Int(id) + 1]])
            }
            func key(_ ordinal: UInt32) -> ByteRope {
                ByteRope(text(bankIDs[Int(ordinal)]), slash: true, text(questionIDs[Int(ordinal)]))
            }
            order.sort { a, b in
                let c = key(a).compare(key(b))
                return c < 0 || (c == 0 && a < b)
            }
            for i in order.indices.dropFirst() where key(order[i - 1]).compare(key(order[i])) == 0 {
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
