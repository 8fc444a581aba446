import CHardwareKernels

/// Verifies an index's sections block by block on first read, against the `BSUM` table.
///
/// Opening an index checks its header, section table and this table; the bulk of the file
/// (strings, records, postings) is checked here, one block of ``BlockChecksums/blockSize``
/// bytes at a time, just before anything in the block is first read. A lookup in a large
/// index thus costs what it reads, not the size of the file, and no byte is ever used
/// unverified. Each block is checked once; concurrent readers may both check a block, which
/// is harmless.
final class BlockVerifier: @unchecked Sendable {
    // @unchecked: `verified` is only touched through atomic bit operations, and everything
    // else is immutable after init.

    /// The span of one section in the file and where its blocks' checksums start.
    struct Span: Sendable {
        var offset: Int
        var length: Int
        /// Index of the section's first block in the checksum table and the bitmap.
        var firstBlock: Int
        var name: String
    }

    private let base: UnsafeRawPointer
    /// The first checksum in the `BSUM` section.
    private let checksums: UnsafeRawPointer
    private let blockShift: Int
    private let verified: UnsafeMutablePointer<UInt64>
    private let wordCount: Int

    init(base: UnsafeRawPointer, checksums: UnsafeRawPointer, blockSize: Int, blockCount: Int) {
        self.base = base
        self.checksums = checksums
        blockShift = blockSize.trailingZeroBitCount
        wordCount = (blockCount + 63) / 64
        verified = .allocate(capacity: max(wordCount, 1))
        verified.initialize(repeating: 0, count: max(wordCount, 1))
    }

    deinit { verified.deallocate() }

    /// Verifies the blocks of `span` that hold the bytes `offset ..< offset + count`
    /// (relative to the section), unless already verified.
    ///
    /// - Precondition: the range lies within the section.
    /// - Complexity: O(b) for b bytes of blocks not yet verified, else O(1) per block.
    @inline(__always)
    func verify(_ span: Span, _ offset: Int, _ count: Int) throws(IndexError) {
        guard count > 0 else { return }
        let first = offset >> blockShift
        let last = (offset + count - 1) >> blockShift
        for block in first...last where quiz_bitmap_test(verified, span.firstBlock + block) == 0 {
            try check(span, block)
        }
    }

    private func check(_ span: Span, _ block: Int) throws(IndexError) {
        let start = block << blockShift
        let end = min(start + (1 << blockShift), span.length)
        let bytes = UnsafeRawBufferPointer(start: base + span.offset + start, count: end - start)
        let expected = checksums.u32(4 * (span.firstBlock + block))
        guard CRC32C.checksum(bytes) == expected else {
            throw .checksum("block \(block) of section '\(span.name)' (bytes \(start)..<\(end))")
        }
        quiz_bitmap_set(verified, span.firstBlock + block)
    }
}
