import Foundation
import TestSupport
import Testing

@testable import AnkiInterop

/// The one writer behind import and export: all files or none, the destination untouched on failure.
@Suite("Staged writes")
struct StagedWriteTests {
    struct BodyFailed: Error {}

    @Test func aFailingBodyLeavesTheDestinationAndNoTemporaryFile() throws {
        let folder = try TemporaryFolder(prefix: "staged-write")
        defer { folder.remove() }
        let path = folder.file("out.csv")
        try "old\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: AnkiInteropError.self) {
            try StagedWrite.write(to: path) { temporary in
                try "half".write(toFile: temporary, atomically: false, encoding: .utf8)
                throw BodyFailed()
            }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.csv"])
    }

    @Test func aMissingFolderIsRefusedUnlessFoldersAreMade() throws {
        let folder = try TemporaryFolder(prefix: "staged-write")
        defer { folder.remove() }
        let error = try #require(throws: AnkiInteropError.self) {
            try StagedWrite.write(to: folder.file("missing/out.apkg")) { _ in }
        }
        #expect(error.problem.contains("does not exist; create it first"), "\(error)")

        var staged = StagedWrite(createsFolders: true)
        try staged.stage("a\n", at: folder.file("Banks/sub/a.yaml"))
        try staged.stage("b\n", at: folder.file("Banks/b.yaml"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("Banks/b.yaml")))
        try staged.commit()
        #expect(try String(contentsOfFile: folder.file("Banks/sub/a.yaml"), encoding: .utf8) == "a\n")
        #expect(try String(contentsOfFile: folder.file("Banks/b.yaml"), encoding: .utf8) == "b\n")
    }
}
