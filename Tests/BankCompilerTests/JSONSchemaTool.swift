import Foundation
import TestSupport

/// `check-jsonschema`, provisioned once into a virtual environment under `.build/`, so the
/// schema tests run on a machine that has only what the README's set-up installs.
///
/// On a machine that cannot make the environment (no `python3 -m venv`, no package index),
/// the tests are skipped with the reason, except in CI (`CI=true`), where they must run.
enum JSONSchemaTool {
    static let packageRoot = TestPaths.packageRoot

    /// The environment's folder; a sibling of the build products, ignored by git like them.
    static let environment = packageRoot.appendingPathComponent(".build/test-tools/check-jsonschema")

    /// The validator's python, or the reason it could not be provisioned.
    static let python: Result<URL, ProvisioningError> = provision()

    static var isAvailable: Bool { (try? python.get()) != nil }

    /// Whether the tests must run even without the validator: in CI a skip would hide a regression.
    static var isRequired: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    struct ProvisioningError: Error, CustomStringConvertible {
        var description: String
    }

    private static func provision() -> Result<URL, ProvisioningError> {
        let python = environment.appendingPathComponent("bin/python3")
        if runs(python.path, ["-m", "check_jsonschema", "--version"]) { return .success(python) }
        // Build in a scratch folder and rename it into place, so an interrupted set-up
        // never leaves a half-made environment that looks finished.
        let scratch = environment.deletingLastPathComponent()
            .appendingPathComponent("check-jsonschema.\(ProcessInfo.processInfo.processIdentifier).tmp")
        try? FileManager.default.removeItem(at: scratch)
        try? FileManager.default.createDirectory(
            at: scratch.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard runs("/usr/bin/env", ["python3", "-m", "venv", scratch.path]) else {
            return .failure(ProvisioningError(description: "python3 -m venv failed; install python3-venv"))
        }
        let pip = scratch.appendingPathComponent("bin/python3").path
        guard
            runs(pip, ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "check-jsonschema"])
        else {
            try? FileManager.default.removeItem(at: scratch)
            return .failure(ProvisioningError(description: "pip could not install check-jsonschema (offline?)"))
        }
        try? FileManager.default.removeItem(at: environment)
        do {
            try FileManager.default.moveItem(at: scratch, to: environment)
        } catch {
            return .failure(ProvisioningError(description: "could not move the environment into place: \(error)"))
        }
        // A venv records its own path in its scripts; `python3 -m` works after a move.
        guard runs(python.path, ["-m", "check_jsonschema", "--version"]) else {
            return .failure(ProvisioningError(description: "check-jsonschema does not run after installing"))
        }
        return .success(python)
    }

    private static func runs(_ executable: String, _ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        process.waitUntilExit()
        return process.terminationReason == .exit && process.terminationStatus == 0
    }
}
