/// The `BSUM` section (format 1.1): a CRC-32C for every block of every other section, so a
/// reader can verify just the blocks it reads, the first time it reads them.
///
/// Layout: `u32` block size (a power of two from 4 KiB to 16 MiB), `u32` reserved (0), then
/// for each other section in section-table order, `ceil(length / block size)` `u32`
/// checksums, block by block (the last block of a section may be short).
enum BlockChecksums {
    /// The block size this writer uses: small enough that a lookup in a large index verifies
    /// little more than it reads, large enough that the table stays small (4 bytes a block).
    static let blockSize = 16_384
    static let minimumBlockSize = 4_096
    static let maximumBlockSize = 1 << 24
    static let headerSize = 8

    /// The number of blocks of a section of `length` bytes.
    static func blockCount(length: Int, blockSize: Int) -> Int {
        (length + blockSize - 1) / blockSize
    }

    /// The section's bytes for `sections`, given in section-table order, each in parts whose
    /// concatenation is the section (a block may span parts).
    ///
    /// - Complexity: O(n) in the total size of the sections.
    static func encode(_ sections: [[[UInt8]]]) -> [UInt8] {
        var out = ByteBuffer()
        out.u32(UInt32(blockSize))
        out.u32(0)
        for parts in sections {
            var checksum = CRC32C()
            var filled = 0
            for part in parts {
                part.withUnsafeBytes { buffer in
                    var start = 0
                    while start < buffer.count {
                        let end = min(start + blockSize - filled, buffer.count)
                        checksum.update(UnsafeRawBufferPointer(rebasing: buffer[start..<end]))
                        filled += end - start
                        start = end
                        if filled == blockSize {
                            out.u32(checksum.value)
                            checksum = CRC32C()
                            filled = 0
                        }
                    }
                }
            }
            if filled > 0 { out.u32(checksum.value) }
        }
        return out.bytes
    }
}
