import Foundation
import GRDB
import TestSupport
import Testing

@testable import QuizStore

@Suite struct StoreOpeningTests {
    struct LocationCase: Sendable, CustomTestStringConvertible {
        let id: String
        let environment: [String: String]
        let expected: String?
        var testDescription: String { id }
    }

    static let locations: [LocationCase] = [
        .init(
            id: "QUIZ_STORE wins", environment: ["QUIZ_STORE": "/s/p.db", "XDG_DATA_HOME": "/x", "HOME": "/h"],
            expected: "/s/p.db"),
        .init(
            id: "XDG_DATA_HOME next", environment: ["XDG_DATA_HOME": "/x/", "HOME": "/h"],
            expected: "/x/quiz/progress.sqlite"),
        .init(
            id: "relative XDG_DATA_HOME ignored", environment: ["XDG_DATA_HOME": "x", "HOME": "/h"],
            expected: "/h/.local/share/quiz/progress.sqlite"),
        .init(
            id: "empty QUIZ_STORE ignored", environment: ["QUIZ_STORE": "", "HOME": "/h"],
            expected: "/h/.local/share/quiz/progress.sqlite"),
        .init(id: "nothing set", environment: [:], expected: nil),
    ]

    @Test(arguments: locations)
    func defaultLocation(_ test: LocationCase) throws {
        if let expected = test.expected {
            #expect(try ReviewStore.defaultPath(environment: test.environment) == expected)
        } else {
            #expect(throws: StoreError(.noDefaultLocation, path: "")) {
                try ReviewStore.defaultPath(environment: test.environment)
            }
        }
    }

    @Test func createsDirectoriesAndSetsPragmas() throws {
        let directory = try TemporaryFolder()
        defer { directory.remove() }
        let path = directory.file("a/b/progress.sqlite")
        let store = try ReviewStore(path: path)
        #expect(FileManager.default.fileExists(atPath: path))
        let (journal, synchronous, timeout) = try store.pool.write { db in
            (
                try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                try Int.fetchOne(db, sql: "PRAGMA synchronous"),
                try Int.fetchOne(db, sql: "PRAGMA busy_timeout")
            )
        }
        #expect(journal == "wal")
        #expect(synchronous == 2)  // FULL
        #expect(timeout == 5_000)
        #expect(try inspect(path, "PRAGMA application_id", as: Int32.self) == StoreSchema.applicationID)
        #expect(try inspect(path, "PRAGMA user_version", as: Int.self) == StoreSchema.version)
        #expect(try store.integrityProblems().isEmpty)
        // Opening again migrates nothing and keeps the data.
        try store.record(review("b/q", at: epoch))
        let again = try ReviewStore(path: path)
        #expect(try again.totalReviews == 1)
    }

    enum Foreign: String, CaseIterable, Sendable {
        case otherApplication, unmarkedWithTables, textFile, newerQuizStore
    }

    @Test(arguments: Foreign.allCases)
    func rejectsForeignFileUntouched(_ kind: Foreign) throws {
        let directory = try TemporaryFolder()
        defer { directory.remove() }
        let path = directory.file("other.sqlite")
        let expected: StoreError.Kind
        switch kind {
        case .otherApplication, .unmarkedWithTables, .newerQuizStore:
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(sql: "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine')")
                switch kind {
                case .otherApplication: try db.execute(sql: "PRAGMA application_id = 1234")
                case .newerQuizStore:
                    try db.execute(
                        sql: "PRAGMA application_id = \(StoreSchema.applicationID); PRAGMA user_version = 99")
                default: break
                }
            }
            try queue.close()
            switch kind {
            case .otherApplication: expected = .foreignFile(applicationID: 1234)
            case .newerQuizStore: expected = .newerSchema(found: 99, supported: StoreSchema.version)
            default: expected = .foreignFile(applicationID: 0)
            }
        case .textFile:
            try Data(String(repeating: "not a database\n", count: 100).utf8).write(to: URL(fileURLWithPath: path))
            expected = .notADatabase(detail: "file is not a database")
        }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let error = #expect(throws: StoreError.self) { try ReviewStore(path: path) }
        #expect(error?.kind == expected)
        #expect(error?.description.contains("left untouched") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func foreignFileMessageReadsLikeADiagnostic() {
        let error = StoreError(.foreignFile(applicationID: 1234), path: "/tmp/x.sqlite")
        #expect(
            error.description
                == "'/tmp/x.sqlite' is not a quiz progress store (SQLite file with application_id 0x000004d2, "
                + "expected 0x5155495a); it was left untouched. Pass --store PATH or set $QUIZ_STORE to a quiz "
                + "store, or move the file away.")
    }

    @Test func emptyFileBecomesAStore() throws {
        let directory = try TemporaryFolder()
        defer { directory.remove() }
        let path = directory.file("empty.sqlite")
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let store = try ReviewStore(path: path)
        #expect(try store.totalReviews == 0)
    }
}
