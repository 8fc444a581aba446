import AnkiInterop
import CZstd
import Foundation
import GRDB
import QuizStore
import TestSupport
import Testing
import ZIPFoundation

/// Packages that are broken or built to hurt: each is refused with an error naming the file
/// and the problem, and nothing is written.
@Suite("Hostile packages")
struct HostilePackageTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var problem: String
        var build: @Sendable (TemporaryFolder) throws -> Data
        var testDescription: String { name }
    }

    static func zip(_ members: [(String, Data)], method: CompressionMethod = .deflate) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (name, data) in members {
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: method,
                provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        }
        return try #require(archive.data)
    }

    /// An SQLite database made by `sql`, as bytes.
    static func database(_ folder: TemporaryFolder, _ sql: String) throws -> Data {
        let path = folder.file("made-\(UUID().uuidString).sqlite")
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: sql) }
        try queue.close()
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    static func zstd(_ data: Data) -> Data {
        var output = [UInt8](repeating: 0, count: ZSTD_compressBound(data.count))
        let size = data.withUnsafeBytes { input in
            ZSTD_compress(&output, output.count, input.baseAddress, input.count, 3)
        }
        return Data(output[0..<size])
    }

    static let ankiTables = """
        CREATE TABLE col (id integer primary key, crt integer, mod integer, scm integer, ver integer, dty integer,
          usn integer, ls integer, conf text, models text, decks text, dconf text, tags text);
        CREATE TABLE notes (id integer primary key, guid text, mid integer, mod integer, usn integer, tags text,
          flds text, sfld integer, csum integer, flags integer, data text);
        CREATE TABLE cards (id integer primary key, nid integer, did integer, ord integer, mod integer, usn integer,
          type integer, queue integer, due integer, ivl integer, factor integer, reps integer, lapses integer,
          left integer, odue integer, odid integer, flags integer, data text);
        CREATE TABLE revlog (id integer primary key, cid integer, usn integer, ease integer, ivl integer,
          lastIvl integer, factor integer, time integer, type integer);
        INSERT INTO col VALUES (1, 0, 0, 0, 11, 0, 0, 0, '{}', '{}', '{}', '{}', '{}');
        """

    static let cases: [Case] = [
        Case(name: "not a zip", problem: "is not a zip archive") { _ in Data("hello, not a zip".utf8) },
        Case(name: "no collection", problem: "holds no collection") { _ in try zip([("media", Data("{}".utf8))]) },
        Case(name: "collection not SQLite", problem: "member 'collection.anki2' is not an SQLite database") { _ in
            try zip([("collection.anki2", Data(repeating: 7, count: 4096))])
        },
        Case(name: "unexpected table", problem: "member 'collection.anki21' has a table 'payload'") { folder in
            try zip([("collection.anki21", try database(folder, ankiTables + "CREATE TABLE payload (x);"))])
        },
        Case(name: "missing tables", problem: "has no 'col' table") { folder in
            try zip([("collection.anki2", try database(folder, "CREATE TABLE notes (id);"))])
        },
        Case(name: "broken col JSON", problem: "col.models is not a JSON object") { folder in
            try zip([("collection.anki2", try database(folder, ankiTables + "UPDATE col SET models = '[';"))])
        },
        Case(name: "deflate bomb", problem: "inflates more than 1000 to 1") { _ in
            try zip([("collection.anki2", Data(count: 64 << 20))])
        },
        Case(name: "zstd bomb", problem: "member 'collection.anki21b' inflates more than 1000 to 1") { _ in
            try zip([("collection.anki21b", zstd(Data(count: 64 << 20)))], method: .none)
        },
        Case(name: "not zstd", problem: "member 'collection.anki21b' is not valid zstd data") { _ in
            try zip([("collection.anki21b", Data("SQLite format 3\0".utf8))])
        },
        Case(name: "truncated zstd", problem: "member 'collection.anki21b' is a truncated zstd frame") { folder in
            let frame = zstd(try database(folder, ankiTables))
            return try zip([("collection.anki21b", frame.prefix(frame.count / 2))])
        },
        Case(name: "declared size absurd", problem: "member 'collection.anki2' declares that it inflates to more than")
        {
            folder in
            var bytes = [UInt8](try zip([("collection.anki2", try database(folder, ankiTables))], method: .none))
            // The central directory's uncompressed size (offset 24 of its header) says 4 GiB.
            let signature: [UInt8] = [0x50, 0x4b, 0x01, 0x02]
            let start = try #require((0..<(bytes.count - 4)).first { Array(bytes[$0..<$0 + 4]) == signature })
            bytes.replaceSubrange((start + 24)..<(start + 28), with: [0xf0, 0xff, 0xff, 0xff])
            return Data(bytes)
        },
    ]

    @Test(arguments: cases)
    func refusedWithTheFileAndTheProblem(_ hostile: Case) throws {
        let folder = try TemporaryFolder(prefix: "anki-hostile")
        defer { folder.remove() }
        let package = folder.file("deck.apkg")
        try hostile.build(folder).write(to: URL(fileURLWithPath: package))
        let options = ImportOptions(
            bank: "hostile", output: folder.file("Banks/hostile.yaml"), vocabulary: folder.file("Banks/tags.yaml"),
            store: nil, origin: "test")
        let error = try #require(throws: AnkiInteropError.self) {
            try AnkiImporter.importPackage(at: package, options: options)
        }
        #expect(error.file == package)
        #expect(error.problem.contains(hostile.problem), "\(error)")
        #expect(!FileManager.default.fileExists(atPath: folder.file("Banks")))
    }

    /// A review log with times no clock gives (ids near Int64's ends, which overflowed the day
    /// arithmetic and trapped) is imported without those reviews, each card saying how many.
    @Test(arguments: [Int64.max, 9_223_372_036_854_775, -9_223_372_036_854_775, -1])
    func reviewsAtImpossibleTimesAreLeftOut(_ time: Int64) throws {
        let folder = try TemporaryFolder(prefix: "anki-hostile")
        defer { folder.remove() }
        let collection = try Self.database(
            folder,
            Self.ankiTables + """
                UPDATE col SET decks = '{"1": {"name": "Default"}}', models = '{"1": {"name": "Basic", "type": 0,
                  "flds": [{"name": "Front"}, {"name": "Back"}], "tmpls": [{"qfmt": "{{Front}}", "afmt": "{{Back}}"}]}}';
                INSERT INTO notes VALUES (1, 'g1', 1, 0, 0, '', 'front' || char(31) || 'back', 0, 0, 0, '');
                INSERT INTO cards VALUES (1, 1, 1, 0, 0, 0, 2, 2, 0, 1, 2500, 1, 0, 0, 0, 0, 0, '');
                INSERT INTO revlog VALUES (1700000000000, 1, 0, 3, 1, 0, 2500, 1000, 0);
                INSERT INTO revlog VALUES (\(time), 1, 0, 3, 1, 0, 2500, 1000, 1);
                """)
        let package = folder.file("deck.apkg")
        try Self.zip([("collection.anki2", collection)]).write(to: URL(fileURLWithPath: package))
        let store = try ReviewStore(path: folder.file("store.sqlite"))
        let options = ImportOptions(
            bank: "times", output: folder.file("Banks/times.yaml"), vocabulary: folder.file("Banks/tags.yaml"),
            store: store, origin: "test")
        let result = try AnkiImporter.importPackage(at: package, options: options)
        #expect(result.reviewsImported == 1 && result.cardsWithHistory == 1)
        #expect(
            result.warnings.map(\.message) == [
                "1 review is not imported: dated outside the years 1970 to 9999, which no review can be"
            ])
    }
}
