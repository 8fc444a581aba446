/// A point in time, in whole microseconds since the Unix epoch (UTC).
///
/// The scheduler keeps time exactly as py-fsrs does: Python's `datetime` resolves
/// microseconds, so a due time is an integer number of microseconds and two
/// schedules compare exactly, with no floating-point drift across reviews.
///
///     let start = Instant(microsecondsSinceEpoch: 1_704_067_200_000_000)
///     print(start.advanced(byDays: 0.01).iso8601)
///     // Prints "2024-01-01T00:14:24+00:00"
public struct Instant: Hashable, Comparable, Sendable {
    /// Microseconds since 1970-01-01T00:00:00Z; negative before it.
    public var microsecondsSinceEpoch: Int64

    /// Microseconds in one 24-hour day.
    public static let microsecondsPerDay: Int64 = 86_400_000_000

    public init(microsecondsSinceEpoch: Int64) {
        self.microsecondsSinceEpoch = microsecondsSinceEpoch
    }

    /// The instant `seconds` after the epoch, rounded to the nearest microsecond
    /// (half to even, as Python's `timedelta(seconds:)` rounds).
    public init(secondsSinceEpoch seconds: Double) {
        microsecondsSinceEpoch = PythonTimedelta.microseconds(seconds, unit: 1_000_000)
    }

    /// Seconds since the epoch, as a `Double` (exact to the microsecond for any date
    /// within about 285 years of 1970).
    public var secondsSinceEpoch: Double { Double(microsecondsSinceEpoch) / 1_000_000 }

    /// The instant `microseconds` later (earlier when negative).
    public func advanced(byMicroseconds microseconds: Int64) -> Instant {
        Instant(microsecondsSinceEpoch: microsecondsSinceEpoch + microseconds)
    }

    /// The instant `days` 24-hour days later, converted to microseconds exactly as
    /// Python's `datetime + timedelta(days: days)` does (see ``PythonTimedelta``).
    public func advanced(byDays days: Double) -> Instant {
        advanced(byMicroseconds: PythonTimedelta.microseconds(days, unit: Instant.microsecondsPerDay))
    }

    /// Microseconds from `other` to `self` (positive when `self` is later).
    public func microseconds(since other: Instant) -> Int64 {
        microsecondsSinceEpoch - other.microsecondsSinceEpoch
    }

    /// Whole 24-hour periods from `other` to `self`, rounded toward −∞ like Python's
    /// `timedelta.days`; this is py-fsrs's elapsed-day count.
    public func wholeDays(since other: Instant) -> Int64 {
        PythonTimedelta.floorDivide(microseconds(since: other), Instant.microsecondsPerDay)
    }

    public static func < (lhs: Instant, rhs: Instant) -> Bool {
        lhs.microsecondsSinceEpoch < rhs.microsecondsSinceEpoch
    }
}
