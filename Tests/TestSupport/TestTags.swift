import Foundation
import Testing

extension Tag {
    /// The test runs a child process (the built `quiz`, `store-torture`, a validator).
    @Tag public static var subprocess: Self
    /// The test takes seconds, not milliseconds (kills, fuzzing, large inputs).
    @Tag public static var slow: Self
}

/// How this test run was asked for.
public enum TestRun {
    /// `QUIZ_FAST=1`: the inner loop, without the `.subprocess` and `.slow` suites.
    public static let isFast = ProcessInfo.processInfo.environment["QUIZ_FAST"] == "1"
}

extension Trait where Self == ConditionTrait {
    /// Skips the suite when `QUIZ_FAST=1` (never in CI, which does not set it); put it beside
    /// the `.subprocess` and `.slow` tags, which `swift test` cannot filter by on its own.
    public static var skippedInFastRuns: Self {
        .disabled(if: TestRun.isFast, "QUIZ_FAST=1 skips suites that run child processes or take seconds")
    }
}
