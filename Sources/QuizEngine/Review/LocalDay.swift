
/// A learner's day: from the rollover hour (default 4 am) in local time to the same hour the
/// next calendar day, whatever daylight-saving changes fall in between.
///
/// Local time follows the process's time zone (`TZ`), through the C library's `localtime_r`
/// and `mktime`, which know the zone's rules.
public struct LocalDay: Sendable, Hashable {
    /// The first instant of the day.
    public let start: Instant
    /// The first instant of the next day.
    public let end: Instant
    /// The calendar date the day is named after, as `YYYY-MM-DD`.
    public let date: String
    /// The local hour at which this day (and the next) begins.
    public let rolloverHour: Int
    /// Days from 1970-01-01 to ``date``: consecutive days differ by exactly 1, so the
    /// difference of two day numbers is the whole days between them, whatever the clock did.
    public let dayNumber: Int

    /// The day that contains `instant`.
    ///
    /// At 02:30 with a 4 am rollover, the day is still yesterday's.
    public static func containing(_ instant: Instant, rolloverHour: Int = 4) -> LocalDay {
        precondition((0...23).contains(rolloverHour), "the rollover hour is 0...23")
        var local = CLibrary.localTime(instant.microsecondsSinceEpoch.floorDivided(by: 1_000_000))
        if local.hour < rolloverHour {
            local.day -= 1
        }
        let start = moment(year: local.year, month: local.month, day: local.day, hour: rolloverHour)
        let end = moment(year: local.year, month: local.month, day: local.day + 1, hour: rolloverHour)
        let named = CLibrary.localTime(start.microsecondsSinceEpoch / 1_000_000)
        let date = "\(named.year)-\(twoDigits(named.month))-\(twoDigits(named.day))"
        return LocalDay(
            start: start, end: end, date: date, rolloverHour: rolloverHour,
            dayNumber: daysSince1970(year: named.year, month: named.month, day: named.day))
    }

    /// Howard Hinnant's days_from_civil: the proleptic Gregorian date's offset from 1970-01-01.
    private static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day after this one.
    public var next: LocalDay { LocalDay.containing(end, rolloverHour: rolloverHour) }

    /// Local midnight-independent construction: `mktime` normalises day overflow and picks
    /// the zone's offset for that moment.
    private static func moment(year: Int, month: Int, day: Int, hour: Int) -> Instant {
        var (seconds, normalisedDay) = CLibrary.seconds(year: year, month: month, day: day, hour: hour)
        if hour > 0 {
            // A rollover hour skipped by a spring-forward change: mktime moves it an hour on,
            // which is the first real instant of that hour anyway.
            if CLibrary.localTime(seconds).day != normalisedDay { seconds -= 3600 }
        }
        return Instant(microsecondsSinceEpoch: seconds * 1_000_000)
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// The local wall-clock time of an instant, as `HH:MM`, for messages.
    public static func clockTime(_ instant: Instant) -> String {
        let local = CLibrary.localTime(instant.microsecondsSinceEpoch.floorDivided(by: 1_000_000))
        return "\(twoDigits(local.hour)):\(twoDigits(local.minute))"
    }

    /// The local date of an instant, as `YYYY-MM-DD`.
    public static func calendarDate(_ instant: Instant) -> String {
        let local = CLibrary.localTime(instant.microsecondsSinceEpoch.floorDivided(by: 1_000_000))
        return "\(local.year)-\(twoDigits(local.month))-\(twoDigits(local.day))"
    }
}

extension Int64 {
    /// Division rounding toward negative infinity.
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
