import Foundation

/// A Python tool the tests need (an oracle or a validator), provisioned once into a virtual
/// environment under `.build/test-tools/NAME`, so those tests run on a machine that has only
/// what the README's set-up installs.
///
/// Where the environment cannot be made (no `python3 -m venv`, no package index) the tests
/// that need it are skipped with the reason, except in CI (`CI=true`), where they must run.
public struct PythonEnvironment: Sendable {
    /// The folder name under `.build/test-tools`.
    public var name: String
    /// The pip requirements, such as `fsrs-rs-python==0.9.3`.
    public var requirements: [String]
    /// Arguments to the environment's python that succeed once the tool works.
    public var probe: [String]

    public init(name: String, requirements: [String], probe: [String]) {
        self.name = name
        self.requirements = requirements
        self.probe = probe
    }

    public struct ProvisioningError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Whether tests must run even without the tool: in CI a skip would hide a regression.
    public static var isRequired: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// The environment's folder; a sibling of the build products, ignored by git like them.
    public var folder: URL { TestPaths.packageRoot.appendingPathComponent(".build/test-tools/\(name)") }

    /// The environment's python, made on first use, or why it could not be made.
    public func provision() -> Result<URL, ProvisioningError> {
        let python = folder.appendingPathComponent("bin/python3")
        if Self.runs(python.path, probe) { return .success(python) }
        // Built in a scratch folder and renamed into place, so an interrupted set-up never
        // leaves a half-made environment that looks finished.
        let scratch = folder.deletingLastPathComponent()
            .appendingPathComponent("\(name).\(ProcessInfo.processInfo.processIdentifier).tmp")
        try? FileManager.default.removeItem(at: scratch)
        try? FileManager.default.createDirectory(
            at: scratch.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard Self.runs("/usr/bin/env", ["python3", "-m", "venv", scratch.path]) else {
            return .failure(ProvisioningError(description: "python3 -m venv failed; install python3-venv"))
        }
        let pip = scratch.appendingPathComponent("bin/python3").path
        guard Self.runs(pip, ["-m", "pip", "install", "--quiet", "--disable-pip-version-check"] + requirements) else {
            try? FileManager.default.removeItem(at: scratch)
            return .failure(
                ProvisioningError(description: "pip could not install \(requirements.joined(separator: " ")) (offline?)"))
        }
        try? FileManager.default.removeItem(at: folder)
        do {
            try FileManager.default.moveItem(at: scratch, to: folder)
        } catch {
            return .failure(ProvisioningError(description: "could not move the environment into place: \(error)"))
        }
        // A venv records its own path in its scripts; `python3 -m` and `-c` work after a move.
        guard Self.runs(python.path, probe) else {
            return .failure(ProvisioningError(description: "\(name) does not run after installing"))
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
