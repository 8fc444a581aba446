import Foundation
import TestSupport
import Testing

/// Runs the built `quiz` binary as a child process, the way a user or a script would.
enum QuizProcess {
    typealias Output = ChildProcess.Output

    static let packageRoot = TestPaths.packageRoot

    static func fixture(_ name: String) -> URL {
        packageRoot.appendingPathComponent("Tests/QuizCLITests/Fixtures").appendingPathComponent(name)
    }

    /// Runs `quiz` with `arguments`, feeding `input` on stdin. NO_COLOR is set and HOME,
    /// QUIZ_STORE and XDG_DATA_HOME point into `directory` so nothing leaks from the machine.
    static func run(
        _ arguments: [String], input: String = "", in directory: URL? = nil, environment: [String: String] = [:]
    ) throws -> Output {
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.removeValue(forKey: "QUIZ_INDEX")
        if let directory {
            env["HOME"] = directory.path
            env["XDG_DATA_HOME"] = directory.appendingPathComponent("data").path
            env["QUIZ_STORE"] = directory.appendingPathComponent("store.sqlite").path
        }
        for (key, value) in environment { env[key] = value }
        return try ChildProcess.run(TestPaths.quiz, arguments, input: input, environment: env, directory: directory)
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
