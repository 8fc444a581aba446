import Testing

@testable import QuizEngine

/// Time arithmetic as Python's `datetime`/`timedelta` does it (values printed by CPython 3.11).
@Suite("FSRS time arithmetic")
struct FSRSTimeTests {
    @Test(
        "timedelta(days:) in microseconds",
        arguments: [
            (0.01, 864_000_000), (2.01, 173_664_000_000), (13.01, 1_124_064_000_000),
            (60.333333, 5_212_799_971_200), (-0.5, -43_200_000_000), (-1.000001, -86_400_086_400), (1e-11, 1),
            (0.5 / 86400e6, 0), (1.5 / 86400e6, 2), (2.5 / 86400e6, 2), (123.456789123, 10_666_666_580_227),
        ] as [(Double, Int64)])
    func days(_ days: Double, microseconds: Int64) {
        #expect(PythonTimedelta.microseconds(days, unit: Instant.microsecondsPerDay) == microseconds)
    }

    @Test(
        "timedelta(seconds:) in microseconds",
        arguments: [
            (59.9999995, 60_000_000), (600.0000005, 600_000_001), (0.0000025, 2), (0.0000015, 2),
            (90.5000015, 90_500_001), (1e-7, 0), (5e-7, 0),
        ] as [(Double, Int64)])
    func seconds(_ seconds: Double, microseconds: Int64) {
        #expect(PythonTimedelta.microseconds(seconds, unit: 1_000_000) == microseconds)
    }

    @Test(
        "divide_nearest rounds ties to even",
        arguments: [(15, 2, 8), (21, 2, 10), (3, 2, 2), (5, 2, 2), (-5, 2, -2), (-7, 2, -4), (7, 3, 2), (8, 3, 3)]
            as [(Int64, Int64, Int64)])
    func divideNearest(_ numerator: Int64, _ denominator: Int64, _ quotient: Int64) {
        #expect(PythonTimedelta.divideNearest(numerator, denominator) == quotient)
    }

    @Test(
        "ISO 8601 round trip in Python's isoformat()",
        arguments: [
            ("2024-01-01T00:00:00+00:00", "2024-01-01T00:00:00+00:00"),
            ("2024-03-01T08:00:00Z", "2024-03-01T08:00:00+00:00"),
            ("2024-03-01 08:00", "2024-03-01T08:00:00+00:00"),
            ("2024-03-01", "2024-03-01T00:00:00+00:00"),
            ("2024-02-29T23:59:59.5+01:00", "2024-02-29T22:59:59.500000+00:00"),
            ("2024-01-01T00:30:00-0130", "2024-01-01T02:00:00+00:00"),
            ("1969-12-31T23:59:59.999999Z", "1969-12-31T23:59:59.999999+00:00"),
            ("2000-01-01T00:00:00.1234567Z", "2000-01-01T00:00:00.123456+00:00"),
            ("9999-12-31T23:59:59Z", "9999-12-31T23:59:59+00:00"),
            ("0001-01-01T00:00:00Z", "0001-01-01T00:00:00+00:00"),
        ])
    func iso8601(_ text: String, _ formatted: String) throws {
        #expect(try #require(Instant(iso8601: text)).iso8601 == formatted)
    }

    @Test(
        "malformed ISO 8601 is rejected",
        arguments: [
            "", "2024", "2024-13-01", "2023-02-29", "2024-01-01T24:00", "2024-01-01T10", "2024-01-01T10:00:00+25:00",
            "2024-01-01T10:00:00 junk", "2024-01-01T10:00:00.", "24-01-01",
        ])
    func malformed(_ text: String) {
        #expect(Instant(iso8601: text) == nil)
    }

    @Test("the epoch and whole-day floors")
    func epoch() {
        #expect(Instant(iso8601: "1970-01-01T00:00:00Z")?.microsecondsSinceEpoch == 0)
        #expect(Instant(iso8601: "2024-01-01T00:00:00Z")?.microsecondsSinceEpoch == 1_704_067_200_000_000)
        let a = Instant(microsecondsSinceEpoch: 0)
        #expect(Instant(microsecondsSinceEpoch: -1).wholeDays(since: a) == -1)
        #expect(Instant(microsecondsSinceEpoch: 86_400_000_000).wholeDays(since: a) == 1)
        // 1.0000005 is 1.00000050000000006988… as a double, so it rounds up, as in Python.
        #expect(Instant(secondsSinceEpoch: 1.0000005).microsecondsSinceEpoch == 1_000_001)
        #expect(Instant(secondsSinceEpoch: -0.0000025).microsecondsSinceEpoch == -2)
    }
}
