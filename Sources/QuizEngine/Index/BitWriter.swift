/// Packs codes most significant bit first into bytes.
struct BitWriter {
    private var accumulator: UInt64 = 0
    private var pending = 0

    @inline(__always)
    mutating func put(_ code: UInt32, _ length: UInt8, into out: inout [UInt8]) {
        accumulator = (accumulator &<< UInt64(length)) | UInt64(code)
        pending += Int(length)
        while pending >= 8 {
            pending -= 8
            out.append(UInt8(truncatingIfNeeded: accumulator >> UInt64(pending)))
        }
    }

    /// Writes the last partial byte, zero padded.
    mutating func flush(into out: inout [UInt8]) {
        if pending > 0 { out.append(UInt8(truncatingIfNeeded: accumulator << UInt64(8 - pending))) }
        accumulator = 0
        pending = 0
    }
}
