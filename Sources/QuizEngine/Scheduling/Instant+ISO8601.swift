extension Instant {
    /// The instant as Python's `datetime.isoformat()` writes an aware UTC datetime:
    /// `2024-01-03T00:14:24+00:00`, with `.ffffff` only when the microseconds are not zero.
    ///
    /// This is the `due` format of the FSRS oracle and of `quiz fsrs replay`.
    public var iso8601: String {
        let days = PythonTimedelta.floorDivide(microsecondsSinceEpoch, Instant.microsecondsPerDay)
        var rest = microsecondsSinceEpoch - days * Instant.microsecondsPerDay
        let (year, month, day) = Instant.civilDate(daysSinceEpoch: days)
        let micros = rest % 1_000_000
        rest /= 1_000_000
        let second = rest % 60
        let minute = (rest / 60) % 60
        let hour = rest / 3600
        var text = Instant.pad(year, 4) + "-" + Instant.pad(month, 2) + "-" + Instant.pad(day, 2)
        text += "T" + Instant.pad(hour, 2) + ":" + Instant.pad(minute, 2) + ":" + Instant.pad(second, 2)
        if micros != 0 { text += "." + Instant.pad(micros, 6) }
        return text + "+00:00"
    }

    /// Parses an ISO 8601 date-time the way the oracle does (Python 3.11
    /// `datetime.fromisoformat`, a trailing `Z` meaning UTC, no offset meaning UTC).
    ///
    /// Accepted: `YYYY-MM-DD`, optionally followed by `T` or a space and `HH:MM`,
    /// `HH:MM:SS` or `HH:MM:SS.f…` (digits past the sixth are dropped), optionally
    /// followed by `Z`, `±HH`, `±HHMM` or `±HH:MM`. Returns `nil` for anything else.
    public init?(iso8601 text: String) {
        var scanner = ISO8601Scanner(Array(text.utf8))
        guard let instant = scanner.parse() else { return nil }
        self = instant
    }

    /// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's
    /// `civil_from_days`).
    static func civilDate(daysSinceEpoch: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's `days_from_civil`).
    static func daysSinceEpoch(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

/// A cursor over the UTF-8 bytes of an ISO 8601 date-time.
private struct ISO8601Scanner {
    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func parse() -> Instant? {
        guard let year = digits(4), take(UInt8(ascii: "-")), let month = digits(2),
            take(UInt8(ascii: "-")), let day = digits(2),
            (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var micros: Int64 = 0
        if position < bytes.count {
            guard take(UInt8(ascii: "T")) || take(UInt8(ascii: "t")) || take(UInt8(ascii: " ")),
                let clock = time(), clock >= 0
            else { return nil }
            micros = clock
            if position < bytes.count {
                guard let offset = offset() else { return nil }
                micros -= offset
            }
        }
        guard position == bytes.count else { return nil }
        let days = Instant.daysSinceEpoch(year: year, month: month, day: day)
        return Instant(microsecondsSinceEpoch: days * Instant.microsecondsPerDay + micros)
    }

    /// `HH:MM[:SS[.f…]]` in microseconds since midnight.
    private mutating func time() -> Int64? {
        guard let hour = digits(2), hour < 24, take(UInt8(ascii: ":")), let minute = digits(2), minute < 60
        else { return nil }
        var second: Int64 = 0
        var fraction: Int64 = 0
        if take(UInt8(ascii: ":")) {
            guard let s = digits(2), s < 60 else { return nil }
            second = s
            if take(UInt8(ascii: ".")) || take(UInt8(ascii: ",")) {
                var count = 0
                while position < bytes.count, let digit = digitValue(bytes[position]) {
                    if count < 6 { fraction = fraction * 10 + digit }
                    count += 1
                    position += 1
                }
                guard count > 0 else { return nil }
                for _ in min(count, 6)..<6 { fraction *= 10 }
            }
        }
        return ((hour * 60 + minute) * 60 + second) * 1_000_000 + fraction
    }

    /// `Z`, `±HH`, `±HHMM` or `±HH:MM`, in microseconds east of UTC.
    private mutating func offset() -> Int64? {
        if take(UInt8(ascii: "Z")) || take(UInt8(ascii: "z")) { return 0 }
        let sign: Int64
        if take(UInt8(ascii: "+")) {
            sign = 1
        } else if take(UInt8(ascii: "-")) {
            sign = -1
        } else {
            return nil
        }
        guard let hours = digits(2), hours < 24 else { return nil }
        var minutes: Int64 = 0
        if position < bytes.count {
            _ = take(UInt8(ascii: ":"))
            guard let m = digits(2), m < 60 else { return nil }
            minutes = m
        }
        return sign * (hours * 60 + minutes) * 60_000_000
    }

    private mutating func digits(_ count: Int) -> Int64? {
        guard position + count <= bytes.count else { return nil }
        var value: Int64 = 0
        for offset in 0..<count {
            guard let digit = digitValue(bytes[position + offset]) else { return nil }
            value = value * 10 + digit
        }
        position += count
        return value
    }

    private func digitValue(_ byte: UInt8) -> Int64? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int64(byte - UInt8(ascii: "0")) : nil
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
