import BankCompiler
import Foundation
import QuizEngine
import TestSupport
import Testing

/// `quiz compile DIR` reads each file on the worker that checks it; what it records must not
/// depend on that.
@Suite("Compiling from disk")
struct DiskCompileTests {
    /// Compiling from disk reads and hashes each file on its worker; the digest it records must
    /// be the one `Compiler.digest(of:)` gives for the same files (what `quiz` compares to
    /// decide an index is stale), and it must change with any byte and with any path.
    @Test func diskCompileRecordsTheSourcesDigest() throws {
        let folder = try TemporaryFolder(prefix: "quiz-digest")
        defer { folder.remove() }
        let sources =
            [SourceFile(path: "Banks/tags.yaml", text: testVocabulary)]
            + (0..<7).map { index in
                SourceFile(
                    path: "Banks/b\(index).yaml",
                    text: ParallelCompileTests.bank("b\(index)", count: 3 + 40 * index, uniquePrompts: true))
            }
        try FileManager.default.createDirectory(atPath: folder.file("Banks/sub"), withIntermediateDirectories: true)
        for (index, source) in sources.enumerated() {
            let name = source.path.replacingOccurrences(of: "Banks/", with: index % 3 == 0 ? "Banks/sub/" : "Banks/")
            try Data(source.bytes).write(to: URL(fileURLWithPath: folder.file(name)))
        }
        let banks = folder.file("Banks")
        let compiled = try Compiler().compile(paths: [banks])
        let set = try #require(compiled.questionSet)
        let loaded = try SourceLoader.load([banks], maxFileBytes: 1 << 20).map(\.file)
        #expect(set.sourceDigest == Compiler.digest(of: loaded))
        #expect(set.sourceDigest.count == 32)

        var changedByte = loaded
        changedByte[1].bytes[changedByte[1].bytes.count - 2] ^= 1
        #expect(Compiler.digest(of: changedByte) != set.sourceDigest)
        var renamed = loaded
        renamed[1].path += "x"
        #expect(Compiler.digest(of: renamed) != set.sourceDigest)
        #expect(Compiler.digest(of: loaded.reversed()) == set.sourceDigest)
    }
}
