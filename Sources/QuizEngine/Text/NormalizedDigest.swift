/// Where ``AnswerNormalizer`` puts the bytes of a normalised text.
protocol NormalizedByteSink {
    mutating func append(_ byte: UInt8)
}

extension [UInt8]: NormalizedByteSink {}

/// Two 64-bit hashes of a byte stream, fed a byte at a time and mixed eight bytes at a time,
/// so a text can be hashed as it is normalised instead of normalised into an array first.
///
/// Each full word goes through two different multiply-rotate steps (each a bijection of the
/// state for a given word), the length is mixed in last, and each half is finished with
/// MurmurHash3's 64-bit finaliser.
struct NormalizedDigest: NormalizedByteSink {
    private var first: UInt64 = 0x243F_6A88_85A3_08D3
    private var second: UInt64 = 0x1319_8A2E_0370_7344
    private var word: UInt64 = 0
    private var count = 0

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        word |= UInt64(byte) << (8 * UInt64(count & 7))
        count += 1
        if count & 7 == 0 {
            mix(word)
            word = 0
        }
    }

    @inline(__always)
    private mutating func mix(_ value: UInt64) {
        first = ((first ^ value) &* 0x9E37_79B9_7F4A_7C15).rotated(by: 29)
        second = ((second &+ value) &* 0xC2B2_AE3D_27D4_EB4F).rotated(by: 31) ^ value
    }

    /// The two hashes of every byte appended.
    mutating func finalize() -> (UInt64, UInt64) {
        if count & 7 != 0 { mix(word) }
        mix(UInt64(count))
        return (Self.avalanche(first), Self.avalanche(second))
    }

    private static func avalanche(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x &*= 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x &*= 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }
}

extension UInt64 {
    @inline(__always)
    fileprivate func rotated(by bits: UInt64) -> UInt64 { self << bits | self >> (64 - bits) }
}
