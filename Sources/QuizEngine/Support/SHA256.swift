import CHardwareKernels

/// SHA-256 (FIPS 180-4), the digest of the bank sources recorded in the index.
///
/// No Foundation. On a CPU with the SHA extensions (SHA-NI) whole blocks go through the C
/// kernel, several times faster; elsewhere through the plain Swift rounds below. Both give
/// the same digests (tested).
///
///     var h = SHA256()
///     h.update(Array("abc".utf8))
///     print(SHA256.hex(h.finalize()).prefix(8))
///     // Prints "ba7816bf"
public struct SHA256: Sendable {
    private var h: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a,
        0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
    )
    private var buffer = [UInt8](repeating: 0, count: 64)
    private var buffered = 0
    private var length: UInt64 = 0
    /// Whether whole blocks go through the SHA-NI kernel.
    private var usesHardware = SHA256.hardwareAvailable

    public init() {}

    /// A hasher that uses the SHA-NI kernel only when `hardware` is true and the CPU has it
    /// (tests and `quiz-bench digest` compare the two paths).
    public init(hardware: Bool) {
        usesHardware = hardware && Self.hardwareAvailable
    }

    /// Whether the running CPU has the SHA extensions the C kernel uses (probed once).
    static let hardwareAvailable = quiz_sha256_available() != 0

    /// Feeds bytes.
    ///
    /// - Complexity: O(n), where n is the number of bytes.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty else { return }
        length &+= UInt64(bytes.count)
        var i = 0
        if buffered > 0 {
            let take = min(64 - buffered, bytes.count)
            for j in 0..<take { buffer[buffered + j] = bytes[j] }
            buffered += take
            i = take
            if buffered == 64 {
                buffer.withUnsafeBytes { compress($0.baseAddress!, blocks: 1) }
                buffered = 0
            }
        }
        let blocks = (bytes.count - i) / 64
        if blocks > 0 {
            compress(bytes.baseAddress! + i, blocks: blocks)
            i += blocks * 64
        }
        while i < bytes.count {
            buffer[buffered] = bytes[i]
            buffered += 1
            i += 1
        }
    }

    /// Feeds bytes.
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Feeds the UTF-8 bytes of a string.
    public mutating func update(_ string: String) {
        var s = string
        s.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }

    /// Feeds an integer as 8 little-endian bytes (for length-prefixing fields).
    public mutating func update(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { update($0) }
    }

    /// Pads, processes the last block and returns the 32-byte digest.
    public func finalize() -> [UInt8] {
        var copy = self
        return copy.finish()
    }

    private mutating func finish() -> [UInt8] {
        let bitLength = length &* 8
        var tail: [UInt8] = [0x80]
        let padZeros = (64 + 56 - (buffered + 1) % 64) % 64
        tail += [UInt8](repeating: 0, count: padZeros)
        for k in (0..<8).reversed() { tail.append(UInt8(truncatingIfNeeded: bitLength >> (UInt64(k) * 8))) }
        let savedLength = length
        tail.withUnsafeBytes { update($0) }
        length = savedLength
        precondition(buffered == 0)
        var out: [UInt8] = []
        out.reserveCapacity(32)
        for word in [h.0, h.1, h.2, h.3, h.4, h.5, h.6, h.7] {
            out += [UInt8(word >> 24), UInt8((word >> 16) & 0xFF), UInt8((word >> 8) & 0xFF), UInt8(word & 0xFF)]
        }
        return out
    }

    /// The digest of `bytes`.
    public static func hash(_ bytes: [UInt8]) -> [UInt8] {
        var s = SHA256()
        s.update(bytes)
        return s.finalize()
    }

    /// Lowercase hexadecimal, two digits a byte.
    public static func hex(_ digest: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(digest.count * 2)
        for b in digest {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `count` consecutive 64-byte blocks.
    private mutating func compress(_ start: UnsafeRawPointer, blocks count: Int) {
        if usesHardware {
            withUnsafeMutablePointer(to: &h) { state in
                state.withMemoryRebound(to: UInt32.self, capacity: 8) { words in
                    quiz_sha256_compress(words, start.assumingMemoryBound(to: UInt8.self), count)
                }
            }
        } else {
            for block in 0..<count { compress(start + block * 64) }
        }
    }

    /// One 64-byte block, in software.
    private mutating func compress(_ block: UnsafeRawPointer) {
        @inline(__always) func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            compress(block, w)
        }
    }

    private mutating func compress(_ block: UnsafeRawPointer, _ w: UnsafeMutableBufferPointer<UInt32>) {
        @inline(__always) func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
        for t in 0..<16 { w[t] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: t * 4, as: UInt32.self)) }
        for t in 16..<64 {
            let s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3)
            let s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10)
            w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
        }
        var (a, b, c, d, e, f, g, hh) = h
        let k = quiz_sha256_round_constants()!  // FIPS 180-4 K, shared with the C kernel
        for t in 0..<64 {
            let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
            let ch = (e & f) ^ (~e & g)
            let t1 = hh &+ s1 &+ ch &+ k[t] &+ w[t]
            let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
            let maj = (a & b) ^ (a & c) ^ (b & c)
            let t2 = s0 &+ maj
            hh = g; g = f; f = e; e = d &+ t1
            d = c; c = b; b = a; a = t1 &+ t2
        }
        h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e, h.5 &+ f, h.6 &+ g, h.7 &+ hh)
    }
}
