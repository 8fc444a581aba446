#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The C library's vectorised byte search, for scans of long text that look for one byte.
enum ByteSearch {
    /// The offset of the first `byte` in `text[range]`, or `range.upperBound` when there is none.
    ///
    /// - Complexity: O(n) in the length of the range, many bytes per instruction.
    static func first(_ byte: UInt8, in text: UnsafeRawBufferPointer, range: Range<Int>) -> Int {
        guard !range.isEmpty, let base = text.baseAddress else { return range.upperBound }
        guard let found = memchr(base + range.lowerBound, Int32(byte), range.count) else { return range.upperBound }
        return UnsafeRawPointer(found) - base
    }
}
