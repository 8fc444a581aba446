#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

    /// The day that contains `instant`.
    ///
    /// At 02:30 with a 4 am rollover, the day is still yesterday's.
    public static func containing(_ instant: Instant, rolloverHour: Int = 4) -> LocalDay {
        precondition((0...23).contains(rolloverHour), "the rollover hour is 0...23")
        var seconds = time_t(instant.microsecondsSinceEpoch.floorDivided(by: 1_000_000))
        var local = tm()
        localtime_r(&seconds, &local)
        if Int(local.tm_hour) < rolloverHour {
            local.tm_mday -= 1
        }
        let start = moment(year: local.tm_year, month: local.tm_mon, day: local.tm_mday, hour: rolloverHour)
        let end = moment(year: local.tm_year, month: local.tm_mon, day: local.tm_mday + 1, hour: rolloverHour)
        var named = tm()
        var startSeconds = time_t(start.microsecondsSinceEpoch / 1_000_000)
        localtime_r(&startSeconds, &named)
        let date =
            "\(named.tm_year + 1900)-\(twoDigits(Int(named.tm_mon) + 1))-\(twoDigits(Int(named.tm_mday)))"
        return LocalDay(start: start, end: end, date: date, rolloverHour: rolloverHour)
    }

    /// The day after this one.
    public var next: LocalDay { LocalDay.containing(end, rolloverHour: rolloverHour) }

    /// Local midnight-independent construction: `mktime` normalises day overflow and picks
    /// the zone's offset for that moment (`tm_isdst = -1`).
    private static func moment(year: Int32, month: Int32, day: Int32, hour: Int) -> Instant {
        var parts = tm()
        parts.tm_year = year
        parts.tm_mon = month
        parts.tm_mday = day
        parts.tm_hour = Int32(hour)
        parts.tm_isdst = -1
        var seconds = mktime(&parts)
        if hour > 0 {
            // A rollover hour skipped by a spring-forward change: mktime moves it an hour on,
            // which is the first real instant of that hour anyway.
            var check = tm()
            localtime_r(&seconds, &check)
            if check.tm_mday != parts.tm_mday { seconds -= 3600 }
        }
        return Instant(microsecondsSinceEpoch: Int64(seconds) * 1_000_000)
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// The local wall-clock time of an instant, as `HH:MM`, for messages.
    public static func clockTime(_ instant: Instant) -> String {
        var seconds = time_t(instant.microsecondsSinceEpoch.floorDivided(by: 1_000_000))
        var local = tm()
        localtime_r(&seconds, &local)
        return "\(twoDigits(Int(local.tm_hour))):\(twoDigits(Int(local.tm_min)))"
    }

    /// The local date of an instant, as `YYYY-MM-DD`.
    public static func calendarDate(_ instant: Instant) -> String {
        var seconds = time_t(instant.microsecondsSinceEpoch.floorDivided(by: 1_000_000))
        var local = tm()
        localtime_r(&seconds, &local)
        return "\(local.tm_year + 1900)-\(twoDigits(Int(local.tm_mon) + 1))-\(twoDigits(Int(local.tm_mday)))"
    }
}

extension Int64 {
    /// Division rounding toward negative infinity.
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
