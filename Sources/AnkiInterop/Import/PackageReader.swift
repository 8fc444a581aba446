import Foundation
import ZIPFoundation

/// Opens an `.apkg` (a zip) and reads the collection inside: `collection.anki21b` (zstd,
/// schema 18) when present, else `collection.anki21` (legacy export), else
/// `collection.anki2` (genanki and older Anki), with every member's declared and actual size
/// checked against ``SizeLimits``.
enum PackageReader {
    /// The collection members in order of preference, and whether each is zstd-compressed.
    static let collectionMembers: [(name: String, compressed: Bool)] = [
        ("collection.anki21b", true), ("collection.anki21", false), ("collection.anki2", false),
    ]

    /// The collection in the package at `path`.
    ///
    /// - Throws: ``AnkiInteropError`` naming `path` and the problem: not a zip, no collection,
    ///   a member too large (declared or actual), not zstd, not SQLite, not Anki's tables.
    static func read(_ path: String, limits: SizeLimits) throws(AnkiInteropError) -> AnkiCollection {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw AnkiInteropError(file: path, problem: "is not a zip archive, so not an Anki package (.apkg)")
        }
        let entries = Array(archive)
        for entry in entries {
            if let problem = limits.problem(
                uncompressed: Int64(clamping: entry.uncompressedSize), compressed: Int64(clamping: entry.compressedSize)
            ) {
                throw AnkiInteropError(
                    file: path, problem: "member '\(entry.path)' declares that it \(problem); refusing it")
            }
        }
        guard
            let (entry, compressed) = collectionMembers.lazy.compactMap({ member in
                entries.first { $0.path == member.name }.map { ($0, member.compressed) }
            }).first
        else {
            throw AnkiInteropError(
                file: path, problem: "holds no collection (collection.anki21b, collection.anki21 or collection.anki2)")
        }
        var data = try extract(entry, from: archive, file: path, limits: limits)
        if compressed {
            do {
                data = try ZstdDecoder.decompress(data, limits: limits)
            } catch {
                throw AnkiInteropError(file: path, problem: "member '\(entry.path)' \(error.message)")
            }
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "quiz-import-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("collection.sqlite")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try data.write(to: database)
        } catch {
            throw AnkiInteropError(
                file: path, problem: "could not unpack '\(entry.path)' to a temporary file: \(error)")
        }
        return try CollectionReader.read(database, file: path, member: entry.path)
    }

    /// The bytes of `entry`, stopping as soon as they pass the limits (the declared size may lie).
    private static func extract(
        _ entry: Entry, from archive: Archive, file: String, limits: SizeLimits
    )
        throws(AnkiInteropError) -> Data
    {
        var data = Data()
        var problem: String?
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                problem = limits.problem(
                    uncompressed: Int64(data.count), compressed: Int64(clamping: entry.compressedSize))
                if problem != nil { throw CocoaError(.fileReadTooLarge) }
            }
        } catch {
            if let problem {
                throw AnkiInteropError(file: file, problem: "member '\(entry.path)' \(problem); refusing it")
            }
            throw AnkiInteropError(file: file, problem: "member '\(entry.path)' could not be unpacked: \(error)")
        }
        return data
    }
}
