import ArgumentParser
import QuizEngine
import QuizStore

/// `--store PATH` (else `$QUIZ_STORE`, `$XDG_DATA_HOME/quiz/progress.sqlite`,
/// `~/.local/share/quiz/progress.sqlite`) and `--now` for the commands that use review history.
struct StoreOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The review history database (default: $QUIZ_STORE, else the XDG data folder).", valueName: "path"))
    var store: String?

    @Option(
        help: ArgumentHelp(
            "The moment to act at, as ISO 8601 (2026-11-29T09:30:00Z) or seconds since 1970; for simulations and tests.",
            valueName: "timestamp"))
    var now: String?

    @Option(help: ArgumentHelp("The local hour at which a new review day starts.", valueName: "hour"))
    var rollover = 4

    /// The moments `--now` accepts: 1970-01-01T00:00:00Z through 9999-12-31T23:59:59Z, so every
    /// date the scheduler computes from them (at most a century later) stays representable.
    static let supportedSeconds: ClosedRange<Double> = 0...253_402_300_799

    func validate() throws {
        guard (0...23).contains(rollover) else {
            throw ValidationError("--rollover takes an hour from 0 to 23, got \(rollover)")
        }
        if let now, Self.parseInstant(now) == nil {
            throw ValidationError(
                "--now '\(CommandLineText.excerpt(now))' is not a supported moment; write an ISO 8601 time such as "
                    + "2026-11-29T09:30:00Z or seconds since 1970, from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z")
        }
    }

    /// The moment of this run: `--now`, else the system clock.
    var instant: Instant {
        if let now, let parsed = Self.parseInstant(now) { return parsed }
        return Self.clock()
    }

    /// The system clock's current moment.
    static func clock() -> Instant {
        Instant(microsecondsSinceEpoch: SystemClock.microsecondsSinceEpoch)
    }

    /// `text` as a moment within ``supportedSeconds``, or nil.
    static func parseInstant(_ text: String) -> Instant? {
        if let seconds = Double(text) {
            guard supportedSeconds.contains(seconds) else { return nil }
            return Instant(secondsSinceEpoch: seconds)
        }
        guard let instant = Instant(iso8601: text),
            supportedSeconds.contains(Double(instant.microsecondsSinceEpoch / 1_000_000))
        else { return nil }
        return instant
    }

    /// Opens the store, printing a clear error and exiting 2 when it cannot.
    func open() throws -> ReviewStore {
        do {
            let path = try store ?? ReviewStore.defaultPath(environment: Self.environment())
            return try ReviewStore(path: path)
        } catch {
            throw CommandFailure("\(error)")
        }
    }

    private static func environment() -> [String: String] {
        var environment: [String: String] = [:]
        for name in ["QUIZ_STORE", "XDG_DATA_HOME", "HOME"] {
            if let value = Environment.value(name) { environment[name] = value }
        }
        return environment
    }
}
