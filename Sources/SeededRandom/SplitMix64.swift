/// Sebastiano Vigna's SplitMix64 generator, used to expand one 64-bit seed into the
/// state of ``Xoshiro256StarStar``.
///
/// Each call adds the golden-ratio increment `0x9E3779B97F4A7C15` to the state and
/// mixes it with the finaliser of MurmurHash3 (Stafford's "Mix13" variant), following
/// the reference implementation at prng.di.unimi.it/splitmix64.c.
///
///     var g = SplitMix64(seed: 1234567)
///     print(g.next())
///     // Prints "6457827717110365317"
///
/// - Complexity: O(1) per number.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    public var state: UInt64

    @inlinable
    public init(seed: UInt64) { state = seed }

    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
