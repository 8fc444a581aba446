import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program to completion the way a user or a script would, reading stdout and stderr
/// concurrently (reading one to its end first deadlocks once the other fills its pipe).
public enum ChildProcess {
    public struct Output: Sendable, CustomStringConvertible {
        public var status: Int32
        /// Ended by a signal (a Swift runtime trap is SIGILL or SIGTRAP), not by exit.
        public var signalled: Bool
        /// Killed after running past the time limit.
        public var timedOut: Bool
        public var stdout: String
        public var stderr: String

        public var description: String {
            "status \(status)\(signalled ? " (signal)" : "")\(timedOut ? " (timed out)" : "")\nstdout: \(stdout.prefix(2_000))\nstderr: \(stderr.prefix(2_000))"
        }
    }

    /// Runs `executable` with `arguments`, feeding `input` on stdin (nil: stdin is /dev/null).
    ///
    /// - Parameters:
    ///   - environment: the child's whole environment (nil: this process's).
    ///   - timeLimit: after this the child is killed with SIGKILL and `timedOut` is set.
    public static func run(
        _ executable: URL, _ arguments: [String], input: String? = nil, environment: [String: String]? = nil,
        directory: URL? = nil, timeLimit: Duration = .seconds(600)
    ) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = directory }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let output = PipeReader(stdout.fileHandleForReading)
        let errors = PipeReader(stderr.fileHandleForReading)
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        let finished = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            process.waitUntilExit()
            finished.signal()
        }
        let seconds = Double(timeLimit.components.seconds) + Double(timeLimit.components.attoseconds) / 1e18
        var timedOut = false
        if finished.wait(timeout: .now() + seconds) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
        }
        return Output(
            status: process.terminationStatus,
            signalled: !timedOut && process.terminationReason == .uncaughtSignal, timedOut: timedOut,
            stdout: String(decoding: output.wait(), as: UTF8.self),
            stderr: String(decoding: errors.wait(), as: UTF8.self))
    }
}

/// Reads a pipe to its end on a thread of its own.
final class PipeReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    /// Everything the pipe carried, once its writer closed it.
    func wait() -> Data {
        done.wait()
        return data
    }
}
