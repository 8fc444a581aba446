/// Formats a count with thousands separators, as in "1,234".
func groupedDigits<T: BinaryInteger>(_ n: T) -> String {
    let digits = Array(String(n.magnitude).utf8)
    var out: [UInt8] = n < 0 ? [UInt8(ascii: "-")] : []
    for (i, d) in digits.enumerated() {
        if i > 0 && (digits.count - i) % 3 == 0 { out.append(UInt8(ascii: ",")) }
        out.append(d)
    }
    return String(decoding: out, as: UTF8.self)
}
