import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process driven like a user at a terminal: lines written to its stdin, its stdout
/// read until a prompt shows, Ctrl-C sent while it waits (the interrupt tests of practice,
/// review and interview).
public final class InteractiveChild {
    private let process = Process()
    private let stdin = Pipe()
    private let stdout = Pipe()
    private var seen = Data()

    /// Starts `executable` with `arguments`; `environment` is added to this process's, with
    /// NO_COLOR set and QUIZ_INDEX removed.
    public init(_ executable: URL, _ arguments: [String], environment: [String: String] = [:]) throws {
        process.executableURL = executable
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        merged["NO_COLOR"] = "1"
        merged.removeValue(forKey: "QUIZ_INDEX")
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// Writes `text` to the child's stdin.
    public func write(_ text: String) {
        stdin.fileHandleForWriting.write(Data(text.utf8))
    }

    /// Reads the child's stdout until it contains `marker` (or ends).
    public func read(until marker: String) {
        while !String(decoding: seen, as: UTF8.self).contains(marker) {
            let chunk = stdout.fileHandleForReading.availableData
            if chunk.isEmpty { return }
            seen.append(chunk)
        }
    }

    /// Sends SIGINT, as Ctrl-C does.
    public func interrupt() {
        kill(process.processIdentifier, SIGINT)
    }

    /// Reads the rest, waits for the exit, and returns the status and everything printed.
    public func finish() -> (status: Int32, output: String) {
        let rest = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: seen + rest, as: UTF8.self))
    }
}
