/// A growable little-endian byte buffer for writing binary formats.
struct ByteBuffer {
    private(set) var bytes: [UInt8] = []

    var count: Int { bytes.count }

    mutating func reserve(_ n: Int) { bytes.reserveCapacity(n) }

    mutating func u8(_ v: UInt8) { bytes.append(v) }

    mutating func u16(_ v: UInt16) {
        bytes.append(UInt8(truncatingIfNeeded: v))
        bytes.append(UInt8(truncatingIfNeeded: v >> 8))
    }

    mutating func u32(_ v: UInt32) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func u64(_ v: UInt64) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func i64(_ v: Int64) { u64(UInt64(bitPattern: v)) }

    mutating func append(_ raw: [UInt8]) { bytes += raw }

    mutating func zeros(_ n: Int) { bytes += repeatElement(0, count: n) }

    /// Pads with zeros to a multiple of `alignment`.
    mutating func align(to alignment: Int) {
        let rem = bytes.count % alignment
        if rem != 0 { zeros(alignment - rem) }
    }

    /// Appends a zeroed record of `size` bytes and returns its offset, so its fields are set
    /// by name (``QuestionField``, ``TagField``, …) rather than by the order of appends.
    mutating func appendRecord(_ size: Int) -> Int {
        let start = bytes.count
        zeros(size)
        return start
    }

    /// Overwrites one byte at `offset`.
    mutating func setU8(_ v: UInt8, at offset: Int) { bytes[offset] = v }

    /// Overwrites two bytes at `offset`.
    mutating func setU16(_ v: UInt16, at offset: Int) {
        bytes[offset] = UInt8(truncatingIfNeeded: v)
        bytes[offset + 1] = UInt8(truncatingIfNeeded: v >> 8)
    }

    /// Overwrites eight bytes at `offset` with a signed value.
    mutating func setI64(_ v: Int64, at offset: Int) { setU64(UInt64(bitPattern: v), at: offset) }

    /// Overwrites four bytes at `offset`.
    mutating func setU32(_ v: UInt32, at offset: Int) {
        for k in 0..<4 { bytes[offset + k] = UInt8(truncatingIfNeeded: v >> (UInt32(k) * 8)) }
    }

    /// Overwrites eight bytes at `offset`.
    mutating func setU64(_ v: UInt64, at offset: Int) {
        for k in 0..<8 { bytes[offset + k] = UInt8(truncatingIfNeeded: v >> (UInt64(k) * 8)) }
    }
}

extension UnsafeRawPointer {
    @inline(__always) func u8(_ offset: Int) -> UInt8 { load(fromByteOffset: offset, as: UInt8.self) }
    @inline(__always) func u16(_ offset: Int) -> UInt16 {
        UInt16(littleEndian: loadUnaligned(fromByteOffset: offset, as: UInt16.self))
    }
    @inline(__always) func u32(_ offset: Int) -> UInt32 {
        UInt32(littleEndian: loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }
    @inline(__always) func u64(_ offset: Int) -> UInt64 {
        UInt64(littleEndian: loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }
    @inline(__always) func i64(_ offset: Int) -> Int64 { Int64(bitPattern: u64(offset)) }
}
