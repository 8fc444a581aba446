/// The sizes a package member may have before it is refused as a zip bomb.
///
/// Real Anki packages compress a collection about 5-25 to 1 and media hardly at all; a
/// member that claims or inflates past these bounds is hostile or broken, and refusing it
/// before it fills the disk is the only safe answer.
public struct SizeLimits: Sendable, Hashable {
    /// The largest uncompressed member, declared or actual, in bytes.
    public var maximumMemberBytes: Int64
    /// The largest ratio of uncompressed to compressed size.
    public var maximumRatio: Int64

    public init(maximumMemberBytes: Int64, maximumRatio: Int64) {
        self.maximumMemberBytes = maximumMemberBytes
        self.maximumRatio = maximumRatio
    }

    /// 1 GiB and 1000:1.
    public static let standard = SizeLimits(maximumMemberBytes: 1 << 30, maximumRatio: 1000)

    /// Why `uncompressed` bytes from `compressed` are too many, or nil when they are fine.
    /// Ratios are judged only past 1 MiB, where a tiny member's natural ratio cannot trip them.
    func problem(uncompressed: Int64, compressed: Int64) -> String? {
        if uncompressed > maximumMemberBytes {
            return "inflates to more than \(maximumMemberBytes) bytes"
        }
        if uncompressed > 1 << 20, uncompressed / max(compressed, 1) > maximumRatio {
            return "inflates more than \(maximumRatio) to 1 (\(uncompressed) bytes from \(compressed))"
        }
        return nil
    }
}
