import BankCompiler
import Foundation
import TestSupport
import Testing

/// Keeps `Banks/bank.schema.json` and the compiler in agreement, using a real validator
/// (`check-jsonschema`, provisioned by ``JSONSchemaTool`` under `.build/`).
@Suite("JSON Schema agreement", .tags(.subprocess), .skippedInFastRuns)
struct JSONSchemaAgreementTests {
    static let packageRoot = TestPaths.packageRoot
    static let fixtures = packageRoot.appendingPathComponent("Tests/BankCompilerTests/Fixtures/schema-invalid")
    static let schema = packageRoot.appendingPathComponent("Banks/bank.schema.json").path

    /// Skipped only outside CI, and only when the validator cannot be provisioned.
    static let validatorRuns = JSONSchemaTool.isAvailable || JSONSchemaTool.isRequired
    static let validatorMissing: Comment =
        "check-jsonschema could not be provisioned under .build/test-tools (needs python3 -m venv and pip)"

    static func fixtureFiles() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }

    static func shippedBanks() -> [String] {
        let banks = packageRoot.appendingPathComponent("Banks")
        let enumerator = FileManager.default.enumerator(atPath: banks.path)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".yaml") { files.append(banks.appendingPathComponent(path).path) }
        }
        return files.sorted()
    }

    /// Runs check-jsonschema and returns the set of files it rejected.
    static func rejectedBySchema(_ files: [String]) throws -> Set<String> {
        let python = try JSONSchemaTool.python.get()
        let process = Process()
        process.executableURL = python
        process.arguments = ["-m", "check_jsonschema", "--schemafile", schema, "--output-format", "json"] + files
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let report = try #require(
            try JSONSerialization.jsonObject(with: data) as? [String: Any],
            "check-jsonschema printed no report")
        let errors = report["errors"] as? [[String: Any]] ?? []
        return Set(errors.compactMap { $0["filename"] as? String })
    }

    @Test(.enabled(if: validatorRuns, validatorMissing))
    func shippedBanksValidateAgainstTheSchema() throws {
        let banks = Self.shippedBanks()
        #expect(banks.count > 5)
        #expect(try Self.rejectedBySchema(banks).isEmpty)
    }

    @Test(.enabled(if: validatorRuns, validatorMissing))
    func schemaRejectsWhatTheCompilerRejects() throws {
        let files = Self.fixtureFiles().map { Self.fixtures.appendingPathComponent($0).path }
        #expect(files.count >= 20)
        let rejected = try Self.rejectedBySchema(files)
        for file in files {
            #expect(rejected.contains(file), "the schema accepts \(file), which the compiler rejects")
        }
    }

    @Test(arguments: fixtureFiles())
    func compilerRejectsFixture(_ name: String) throws {
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent(name), encoding: .utf8)
        let expected = try #require(text.split(separator: "\n").first?.split(separator: " ").last.map(String.init))
        let result = Compiler().compile([
            SourceFile(path: "Banks/tags.yaml", text: testVocabulary), SourceFile(path: "Banks/\(name)", text: text),
        ])
        #expect(result.diagnostics.map(\.code).contains(expected), "\(name): \(result.diagnostics.map(\.code))")
    }
}
