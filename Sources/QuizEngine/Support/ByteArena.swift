/// Append-only storage for small byte strings whose addresses never change: each copy is
/// placed in a 64 KiB chunk (a long one gets a block of its own), freed with the arena.
final class ByteArena: @unchecked Sendable {
    // @unchecked: bytes already handed out are never written again; `copy` is called by one
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

    /// A copy of `bytes` that lives as long as the arena.
    func copy(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        guard !bytes.isEmpty else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        if bytes.count > Self.chunkSize / 4 {
            let block = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 1)
            block.copyMemory(from: bytes)
            blocks.append(block)
            return UnsafeRawBufferPointer(block)
        }
        if current.count - used < bytes.count {
            current = .allocate(byteCount: Self.chunkSize, alignment: 1)
            blocks.append(current)
            used = 0
        }
        let target = UnsafeMutableRawBufferPointer(rebasing: current[used..<used + bytes.count])
        target.copyMemory(from: bytes)
        used += bytes.count
        return UnsafeRawBufferPointer(target)
    }
}
