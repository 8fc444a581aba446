import Foundation
import Testing

/// Runs the built `quiz` binary as a child process, the way a user or a script would.
struct QuizProcess {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The package root, derived from this file's path (symlinks resolved).
    static let packageRoot = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `quiz` binary next to the test bundle (the same build), else the package's debug build.
    static let binary: URL = {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("quiz")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return packageRoot.appendingPathComponent(".build/debug/quiz")
    }()

    static func fixture(_ name: String) -> URL {
        packageRoot.appendingPathComponent("Tests/QuizCLITests/Fixtures").appendingPathComponent(name)
    }

    /// Runs `quiz` with `arguments`, feeding `input` on stdin. NO_COLOR is set and HOME,
    /// QUIZ_STORE and XDG_DATA_HOME point into `directory` so nothing leaks from the machine.
    static func run(
        _ arguments: [String], input: String = "", in directory: URL? = nil, environment: [String: String] = [:]
    ) throws -> Output {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.removeValue(forKey: "QUIZ_INDEX")
        if let directory {
            process.currentDirectoryURL = directory
            env["HOME"] = directory.path
            env["XDG_DATA_HOME"] = directory.appendingPathComponent("data").path
            env["QUIZ_STORE"] = directory.appendingPathComponent("store.sqlite").path
        }
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Both pipes drain at once: reading stdout to its end first would deadlock once the
        // child filled stderr's pipe buffer (64 KiB) and blocked writing to it.
        let errorOutput = PipeDrain(stderr.fileHandleForReading)
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = errorOutput.wait()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }

    /// A fresh temporary directory, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("quiz-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Reads a pipe to its end on a thread of its own.
final class PipeDrain: @unchecked Sendable {
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

/// Golden files for CLI output, re-recorded with `RECORD_GOLDEN=1 swift test`.
enum Golden {
    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = QuizProcess.packageRoot.appendingPathComponent("Tests/QuizCLITests/Golden/\(name)")
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(
            actual == expected, "golden \(name) differs; re-record with RECORD_GOLDEN=1", sourceLocation: sourceLocation
        )
    }
}
