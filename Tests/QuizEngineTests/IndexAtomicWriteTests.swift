import Foundation
import TestSupport
import Testing

@testable import QuizEngine

@Suite("Index files")
struct IndexFileTests {
    @Test("writing over an index replaces it whole and leaves no temporary file")
    func replace() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let dir = folder.path
        let path = "\(dir)/banks.qbx"
        let old = IndexFixtures.small
        let new = IndexFixtures.randomSet(seed: 9, questions: 30)
        try indexTestWriter.write(old, to: path)
        let mapped = try QuestionIndex(contentsOf: path)
        try indexTestWriter.write(new, to: path)
        // The old mapping still reads the old file (rename never touches its inode).
        #expect(try mapped.questionSet() == old)
        #expect(try QuestionIndex(contentsOf: path).questionSet() == new)
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == indexTestWriter.encode(new))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["banks.qbx"])
    }

    @Test("I/O failures are typed and name the file")
    func ioErrors() throws {
        do {
            _ = try QuestionIndex(contentsOf: "/nonexistent/banks.qbx")
            Issue.record("opened a missing file")
        } catch {
            #expect(error.code == .io)
            #expect(error.description.hasPrefix("/nonexistent/banks.qbx: cannot open index"))
        }
        #expect(throws: IndexError.self) {
            try indexTestWriter.write(IndexFixtures.small, to: "/nonexistent/dir/banks.qbx")
        }
        do {
            _ = try QuestionIndex(contentsOf: "/tmp")
            Issue.record("opened a directory")
        } catch {
            #expect(error.code == .io)
        }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let dir = folder.path
        try AtomicFile.write([], to: "\(dir)/empty.qbx")
        do {
            _ = try QuestionIndex(contentsOf: "\(dir)/empty.qbx")
            Issue.record("opened an empty file")
        } catch {
            #expect(error.code == .truncated)
            #expect(error.path == "\(dir)/empty.qbx")
        }
    }

    @Test("the embedded form (base64) opens")
    func embedded() throws {
        let index = try QuestionIndex(bytes: Base64.decode(Data(indexTestWriter.encode(IndexFixtures.small)).base64EncodedString())!)
        #expect(try index.questionSet() == IndexFixtures.small)
    }
}
