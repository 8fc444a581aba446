import Foundation
import TestSupport
import Testing

/// Anki's own library (`anki` 26.9.3 from PyPI: its Python code over its Rust backend), run
/// headless as the judge of what quiz writes and the author of what quiz reads. Provisioned
/// once under `.build/test-tools/anki`; in CI (`CI=true`) the tests fail rather than skip
/// when it cannot be made.
enum AnkiOracle {
    static let environment = PythonEnvironment(
        name: "anki", requirements: ["anki==26.9.3"], probe: ["-c", "import anki.collection"])
    static let python = environment.provision()
    static let runs = (try? python.get()) != nil || PythonEnvironment.isRequired
    static let missing: Comment = "the anki library could not be provisioned under .build/test-tools (needs python3 -m venv and pip)"

    /// Runs `script` with Anki's python, `arguments` as `sys.argv[1:]`, and returns its stdout
    /// parsed as JSON. A failing script fails the test with its stderr.
    static func run(_ script: String, _ arguments: [String] = [], directory: URL) throws -> Any {
        let process = Process()
        process.executableURL = try python.get()
        process.arguments = ["-c", script] + arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = directory.path  // Anki writes nothing outside the test's folder
        process.environment = environment
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw OracleFailure(description: String(decoding: errors, as: UTF8.self))
        }
        return try JSONSerialization.jsonObject(with: output, options: [.fragmentsAllowed])
    }

    struct OracleFailure: Error, CustomStringConvertible {
        var description: String
    }
}
