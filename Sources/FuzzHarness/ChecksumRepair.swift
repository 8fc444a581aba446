/// Rewrites an index's declared length and CRC32C checksums to match its bytes, so a fuzzer's
/// mutations reach the structural checks that run after the checksums.
///
/// Knows just enough of the QBX layout (FORMAT.md): the header is 128 bytes with the header
/// CRC at 12, the section count at 20 and the file length at 40; section entries of 32 bytes
/// follow, with type at 0, offset at 8, length at 16 and CRC at 28; the `BSUM` section holds
/// a block size, 4 reserved bytes and a CRC per block of every other section, in table order.
public enum ChecksumRepair {
    public static func repaired(_ input: [UInt8]) -> [UInt8] {
        var bytes = input
        guard bytes.count >= 128 else { return bytes }
        store64(UInt64(bytes.count), at: 40, in: &bytes)
        let sections = Int(load32(20, bytes))
        let tableEnd = 128 + min(sections, 64) * 32
        guard sections <= 64, bytes.count >= tableEnd else { return bytes }
        repairBlockChecksums(&bytes, sections: sections)
        for i in 0..<sections {
            let entry = 128 + 32 * i
            let offset = load64(entry + 8, bytes)
            let length = load64(entry + 16, bytes)
            guard offset <= UInt64(bytes.count), length <= UInt64(bytes.count) - offset else { continue }
            store32(crc32c(bytes[Int(offset)..<Int(offset + length)]), at: entry + 28, in: &bytes)
        }
        store32(crc32c(bytes[8..<12] + bytes[16..<tableEnd]), at: 12, in: &bytes)
        return bytes
    }

    /// Recomputes the `BSUM` entries that fit, for the sections whose bounds are sane.
    private static func repairBlockChecksums(_ bytes: inout [UInt8], sections: Int) {
        let entries = (0..<sections).map { 128 + 32 * $0 }
        func extent(_ entry: Int) -> Range<Int>? {
            let offset = load64(entry + 8, bytes)
            let length = load64(entry + 16, bytes)
            guard offset <= UInt64(bytes.count), length <= UInt64(bytes.count) - offset else { return nil }
            return Int(offset)..<Int(offset + length)
        }
        guard let sums = entries.first(where: { load32($0, bytes) == 0x4D55_5342 }), let table = extent(sums),
            table.count >= 8
        else { return }
        let blockSize = Int(load32(table.lowerBound, bytes))
        guard blockSize >= 4096, blockSize <= 1 << 24, blockSize.nonzeroBitCount == 1 else { return }
        var slot = table.lowerBound + 8
        for entry in entries where entry != sums {
            guard let section = extent(entry) else { return }
            var start = section.lowerBound
            while start < section.upperBound {
                guard slot + 4 <= table.upperBound else { return }
                let end = min(start + blockSize, section.upperBound)
                store32(crc32c(bytes[start..<end]), at: slot, in: &bytes)
                slot += 4
                start = end
            }
        }
    }

    /// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), bit by bit: slow and obviously
    /// right, which is what an oracle should be.
    static func crc32c<C: Collection<UInt8>>(_ data: C) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
        }
        return ~crc
    }

    private static func load32(_ at: Int, _ b: [UInt8]) -> UInt32 {
        (0..<4).reduce(0) { $0 | UInt32(b[at + $1]) << (8 * $1) }
    }

    private static func load64(_ at: Int, _ b: [UInt8]) -> UInt64 {
        (0..<8).reduce(0) { $0 | UInt64(b[at + $1]) << (8 * $1) }
    }

    private static func store32(_ v: UInt32, at: Int, in b: inout [UInt8]) {
        for k in 0..<4 { b[at + k] = UInt8(truncatingIfNeeded: v >> (8 * k)) }
    }

    private static func store64(_ v: UInt64, at: Int, in b: inout [UInt8]) {
        for k in 0..<8 { b[at + k] = UInt8(truncatingIfNeeded: v >> (8 * k)) }
    }
}
