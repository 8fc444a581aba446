/// An immutable block of bytes that a thread can hand to another to free: what the compiler's
/// workers make for data that outlives their file (packed questions, shingle tables).
///
/// Blocks of 16 KiB or more are mapped from the kernel (`mmap`) and unmapped when freed, so
/// their pages go back to the kernel whichever thread frees them; heap blocks would go back
/// to the arena of the worker thread that allocated them, out of reach of the thread that
/// runs the next phase, and keep the process's resident size up. Smaller blocks, which would
/// waste most of a page, come from the heap.
public final class MappedBlock: @unchecked Sendable {
    // @unchecked: the bytes are written once, in `init`, and only read after that.

    /// The block's bytes (16-byte aligned at least).
    public let bytes: UnsafeRawBufferPointer
    private let allocation: UnsafeMutableRawBufferPointer
    private let isMapped: Bool

    private static let mappingThreshold = 16 << 10

    /// A block holding a copy of `source`.
    public init(copying source: UnsafeRawBufferPointer) {
        let mapped = source.count >= Self.mappingThreshold ? CLibrary.mapMemory(source.count) : nil
        let storage = mapped ?? .allocate(byteCount: max(1, source.count), alignment: 16)
        if !source.isEmpty { storage.copyMemory(from: source) }
        bytes = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(storage)[0..<source.count])
        isMapped = mapped != nil
        allocation = storage
    }

    deinit {
        if isMapped { CLibrary.unmapMemory(allocation) } else { allocation.deallocate() }
    }

    /// The block's bytes as values of `Element` (it was filled with them; the block's
    /// alignment suits any integer).
    public func elements<Element: BitwiseCopyable>(_: Element.Type = Element.self) -> UnsafeBufferPointer<Element> {
        bytes.bindMemory(to: Element.self)
    }
}
