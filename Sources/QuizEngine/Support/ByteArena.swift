/// Append-only storage for small byte strings whose addresses never change: each is placed
/// in a 64 KiB chunk behind its length (a long one gets a block of its own), freed with the
/// arena.
final class ByteArena: @unchecked Sendable {
    // @unchecked: bytes already handed out are never written again; `record` is called by one
    // thread at a time (the pool that owns the arena).

    private static let chunkSize = 64 << 10
    private var blocks: [UnsafeMutableRawBufferPointer] = []
    /// The chunk being filled, and how much of it is used.
    private var current = UnsafeMutableRawBufferPointer(start: nil, count: 0)
    private var used = 0

    init() {}

    deinit {
        for block in blocks { block.deallocate() }
    }

    /// A record of `bytes` that lives as long as the arena: their length as a little-endian
    /// `UInt32`, then the bytes; consecutive records are adjacent within a chunk.
    ///
    /// A pointer and a length prefix take 12 bytes a string where a buffer view takes 16, and
    /// adjacent records let a batch of them be described by one span.
    func record(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawPointer {
        precondition(bytes.count <= Int(UInt32.max), "a string of 4 GiB or more")
        let size = 4 + bytes.count
        let target: UnsafeMutableRawPointer
        if size > Self.chunkSize / 4 {
            let block = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 1)
            blocks.append(block)
            target = block.baseAddress!
        } else {
            if current.count - used < size {
                current = .allocate(byteCount: Self.chunkSize, alignment: 1)
                blocks.append(current)
                used = 0
            }
            target = current.baseAddress! + used
            used += size
        }
        target.storeBytes(of: UInt32(bytes.count).littleEndian, as: UInt32.self)
        if let source = bytes.baseAddress, !bytes.isEmpty { (target + 4).copyMemory(from: source, byteCount: bytes.count) }
        return UnsafeRawPointer(target)
    }

    /// The bytes of the record at `record`.
    static func bytes(of record: UnsafeRawPointer) -> UnsafeRawBufferPointer {
        let count = Int(UInt32(littleEndian: record.loadUnaligned(as: UInt32.self)))
        return UnsafeRawBufferPointer(start: record + 4, count: count)
    }

    /// The size of the record at `record`, prefix included.
    static func size(of record: UnsafeRawPointer) -> Int { 4 + bytes(of: record).count }
}
