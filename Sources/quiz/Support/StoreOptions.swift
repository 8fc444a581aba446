import ArgumentParser
import QuizEngine
import QuizStore

#if canImport(Glibc)
import Glibc
#endif

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

    func validate() throws {
        guard (0...23).contains(rollover) else { throw ValidationError("--rollover takes an hour from 0 to 23") }
        if let now, Self.parseInstant(now) == nil {
            throw ValidationError("--now '\(now)' is not a timestamp; write 2026-11-29T09:30:00Z or seconds since 1970")
        }
    }

    /// The moment of this run: `--now`, else the system clock.
    var instant: Instant {
        if let now, let parsed = Self.parseInstant(now) { return parsed }
        return Self.clock()
    }

    /// The system clock's current moment.
    static func clock() -> Instant {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Instant(microsecondsSinceEpoch: Int64(time.tv_sec) * 1_000_000 + Int64(time.tv_nsec) / 1_000)
    }

    static func parseInstant(_ text: String) -> Instant? {
        if let seconds = Double(text), seconds.isFinite { return Instant(secondsSinceEpoch: seconds) }
        return Instant(iso8601: text)
    }

    /// Opens the store, printing a clear error and exiting 2 when it cannot.
    func open() throws -> ReviewStore {
        do {
            let path = try store ?? ReviewStore.defaultPath(environment: Self.environment())
            return try ReviewStore(path: path)
        } catch {
            StandardError.write("quiz: error: \(error)\n")
            throw ExitCode(2)
        }
    }

    private static func environment() -> [String: String] {
        var environment: [String: String] = [:]
        for name in ["QUIZ_STORE", "XDG_DATA_HOME", "HOME"] {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        return environment
    }
}
