import Foundation
import QuizEngine
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The learner's day: local time, a rollover hour, and daylight-saving changes.
///
/// Serialized because it sets the process's `TZ`; nothing else in the tests reads local time.
/// The zones come from the system's tz database (Debian: tzdata, on every image we build on);
/// without it the suite is skipped with the reason, except in CI, where it must run.
@Suite(
    "Local day boundaries", .serialized,
    .enabled(
        if: access("/usr/share/zoneinfo/America/New_York", R_OK) == 0
            || ProcessInfo.processInfo.environment["CI"] == "true",
        "the tz database is missing: install tzdata"))
struct LocalDayTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let id: String
        let zone: String
        let rollover: Int
        let at: String
        let start: String
        let end: String
        let date: String
        var testDescription: String { id }
    }

    static let cases = [
        Case(
            id: "UTC, just before the rollover", zone: "UTC", rollover: 4, at: "2026-11-29T03:59:59Z",
            start: "2026-11-28T04:00:00+00:00", end: "2026-11-29T04:00:00+00:00", date: "2026-11-28"),
        Case(
            id: "UTC, at the rollover", zone: "UTC", rollover: 4, at: "2026-11-29T04:00:00Z",
            start: "2026-11-29T04:00:00+00:00", end: "2026-11-30T04:00:00+00:00", date: "2026-11-29"),
        Case(
            id: "New York, the day spring forward ends", zone: "America/New_York", rollover: 4,
            at: "2026-03-08T12:00:00Z", start: "2026-03-08T08:00:00+00:00", end: "2026-03-09T08:00:00+00:00",
            date: "2026-03-08"),
        Case(
            id: "New York, spring forward: a 23-hour day", zone: "America/New_York", rollover: 4,
            at: "2026-03-08T07:30:00Z", start: "2026-03-07T09:00:00+00:00", end: "2026-03-08T08:00:00+00:00",
            date: "2026-03-07"),
        Case(
            id: "New York, fall back: a 25-hour day", zone: "America/New_York", rollover: 4,
            at: "2026-11-01T08:30:00Z", start: "2026-10-31T08:00:00+00:00", end: "2026-11-01T09:00:00+00:00",
            date: "2026-10-31"),
        Case(
            id: "New York, a rollover hour skipped by spring forward", zone: "America/New_York", rollover: 2,
            at: "2026-03-08T12:00:00Z", start: "2026-03-08T07:00:00+00:00", end: "2026-03-09T06:00:00+00:00",
            date: "2026-03-08"),
        Case(
            id: "Kolkata, a half-hour offset", zone: "Asia/Kolkata", rollover: 4, at: "2026-11-29T00:00:00Z",
            start: "2026-11-28T22:30:00+00:00", end: "2026-11-29T22:30:00+00:00", date: "2026-11-29"),
        Case(
            id: "Berlin, midnight rollover", zone: "Europe/Berlin", rollover: 0, at: "2026-11-29T23:30:00Z",
            start: "2026-11-29T23:00:00+00:00", end: "2026-11-30T23:00:00+00:00", date: "2026-11-30"),
    ]

    @Test(arguments: cases)
    func dayContaining(_ testCase: Case) throws {
        setenv("TZ", testCase.zone, 1)
        tzset()
        defer {
            unsetenv("TZ")
            tzset()
        }
        let instant = try #require(Instant(iso8601: testCase.at))
        let day = LocalDay.containing(instant, rolloverHour: testCase.rollover)
        #expect(day.start.iso8601 == testCase.start)
        #expect(day.end.iso8601 == testCase.end)
        #expect(day.date == testCase.date)
        #expect(day.start <= instant && instant < day.end)
    }

    @Test(arguments: ["UTC", "America/New_York", "Europe/Berlin", "Australia/Lord_Howe"])
    func daysTileTheYearWithoutGapsOrOverlaps(_ zone: String) throws {
        setenv("TZ", zone, 1)
        tzset()
        defer {
            unsetenv("TZ")
            tzset()
        }
        var day = LocalDay.containing(try #require(Instant(iso8601: "2026-01-01T12:00:00Z")))
        for _ in 0..<366 {
            let next = day.next
            #expect(
                next.start == day.end,
                "\(zone): \(day.date) ends at \(day.end.iso8601), next starts \(next.start.iso8601)")
            let hours = day.end.microseconds(since: day.start) / 3_600_000_000
            #expect((22...26).contains(hours), "\(zone): \(day.date) lasts \(hours) h")
            #expect(next.dayNumber == day.dayNumber + 1, "\(zone): \(next.date) is one day after \(day.date)")
            day = next
        }
    }

    @Test func dayNumbersCountDaysSince1970() throws {
        setenv("TZ", "UTC", 1)
        tzset()
        defer {
            unsetenv("TZ")
            tzset()
        }
        for (moment, expected) in [
            ("1970-01-01T12:00:00Z", 0), ("1970-01-01T03:00:00Z", -1), ("2024-03-10T12:00:00Z", 19_792),
            ("2026-12-03T12:00:00Z", 20_790),
        ] {
            #expect(LocalDay.containing(try #require(Instant(iso8601: moment))).dayNumber == expected, "\(moment)")
        }
    }
}
