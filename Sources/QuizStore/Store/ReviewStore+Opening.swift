import Foundation
import GRDB

/// Opening a store when several `quiz` processes may start at the same moment.
///
/// A new store is built whole (WAL mode, schema, `application_id`) in a hidden file beside
/// it and given its name with `link(2)`, which fails when the name exists: another process
/// sees either no store or a finished one, never one half-made (GRDB's migration table
/// already there but no `application_id` yet, which the foreign-file check would reject).
/// Opening the pool and migrating can still meet an immediate `SQLITE_BUSY`, where SQLite
/// returns at once instead of calling the busy handler (two connections upgrading locks on
/// a file that is changing journal mode, or a deferred transaction whose snapshot went
/// stale), so the whole open is retried until the busy timeout has passed.
extension ReviewStore {
    static func createParentDirectory(of path: String) throws {
        let directory = split(path).directory
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            let detail = (error as NSError).localizedDescription
            throw StoreError(.cannotCreateDirectory(directory: directory, detail: detail), path: path)
        }
    }

    /// Creates a complete store with no reviews at `path` unless something is there already.
    ///
    /// On a file system without hard links the store is left for the pool to create in
    /// place, as SQLite does with any missing file.
    static func createIfAbsent(at path: String) throws {
        guard StoreFiles.isAbsent(path) else { return }
        let (directory, name) = split(path)
        let temporary = "\(directory)/.\(name).creating-\(StoreFiles.processID)-\(UInt32.random(in: .min ... .max))"
        defer {
            for suffix in ["", "-wal", "-shm", "-journal"] { StoreFiles.remove(temporary + suffix) }
        }
        do {
            var configuration = Configuration()
            configuration.journalMode = .wal
            let queue = try DatabaseQueue(path: temporary, configuration: configuration)
            try StoreSchema.migrator.migrate(queue)
            // The last connection to close checkpoints the WAL into the file and deletes it.
            try queue.close()
        } catch {
            throw storeError(error, path: path)
        }
        try synchronize(temporary, path: path)
        switch StoreFiles.link(temporary, as: path) {
        case .linked: break
        case .notLinked: return  // another process won, or no hard links here
        case .failed(let reason): throw StoreError(.database(detail: "cannot create the store: \(reason)"), path: path)
        }
        try synchronize(directory, path: path)
    }

    /// Rejects a file that is not ours, through a read-only connection, before the pool
    /// opens it (opening a pool switches the file to WAL, which is a write).
    static func checkExistingFile(at path: String) throws {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        guard size > 0 else { return }  // absent or empty: SQLite makes a new database of it
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        let header: (applicationID: Int32, userVersion: Int, objects: Int)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            header = try queue.read { db in
                (
                    try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
                    try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0,
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") ?? 0
                )
            }
            try queue.close()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError(.notADatabase(detail: error.message ?? "file is not a database"), path: path)
        } catch {
            throw storeError(error, path: path)
        }
        if header.applicationID == StoreSchema.applicationID {
            if header.userVersion > StoreSchema.version {
                throw StoreError(.newerSchema(found: header.userVersion, supported: StoreSchema.version), path: path)
            }
        } else if header.applicationID != 0 || header.objects > 0 {
            throw StoreError(.foreignFile(applicationID: header.applicationID), path: path)
        }
        // application_id 0 and no schema: an empty database file someone made; the migrator
        // turns it into a store in place.
    }

    /// Opens the pool, applies pending migrations and checks the result, retrying while
    /// SQLite reports the database busy, for at most `busyTimeout`.
    static func openMigratedPool(at path: String) throws -> DatabasePool {
        let deadline = Date().addingTimeInterval(busyTimeout)
        var pause: UInt32 = 1_000  // microseconds, doubled up to 64 ms, with jitter
        while true {
            do {
                return try openPool(at: path)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
                usleep(pause / 2 + UInt32.random(in: 0...pause))
                pause = min(pause * 2, 64_000)
            } catch {
                throw storeError(error, path: path)
            }
        }
    }

    private static func openPool(at path: String) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        let pool = try DatabasePool(path: path, configuration: configuration)
        // FULL: the WAL is fsynced before COMMIT returns (NORMAL may lose the last
        // transactions on power loss), so an acknowledged answer is never lost. Set after
        // opening: GRDB sets NORMAL on the writer when it enables WAL, after
        // `prepareDatabase` runs. The pool's one writer connection keeps it for its life.
        try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
        try migrate(pool, path: path)
        return pool
    }

    /// Applies the pending migrations.
    ///
    /// GRDB's migrator reads the applied migrations outside the transaction that applies
    /// one, so when two processes upgrade the same store at once the slower one fails on
    /// "table exists". It then finds more migrations applied than before it started, and
    /// simply tries again (each retry follows progress by the other process, so this ends).
    private static func migrate(_ pool: DatabasePool, path: String) throws {
        let migrator = StoreSchema.migrator
        while true {
            let before = try pool.read { try migrator.appliedIdentifiers($0) }
            do {
                try migrator.migrate(pool)
                break
            } catch {
                let after = try pool.read { try migrator.appliedIdentifiers($0) }
                guard after.isStrictSuperset(of: before) else { throw error }
            }
        }
        let (applicationID, userVersion) = try pool.read { db in
            (
                try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
                try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            )
        }
        guard applicationID == StoreSchema.applicationID else {
            throw StoreError(.foreignFile(applicationID: applicationID), path: path)
        }
        guard userVersion == StoreSchema.version else {
            throw StoreError(
                .database(detail: "user_version is \(userVersion) after migrating, expected \(StoreSchema.version)"),
                path: path)
        }
    }

    /// Flushes a file or directory to disk, so a rename or link made next survives a power loss.
    private static func synchronize(_ file: String, path: String) throws {
        if let reason = StoreFiles.synchronize(file) {
            throw StoreError(.database(detail: "cannot flush '\(file)' to disk: \(reason)"), path: path)
        }
    }

    /// The folder (absolute) and the file name of `path`.
    private static func split(_ path: String) -> (directory: String, name: String) {
        let url = URL(fileURLWithPath: path)
        return (url.deletingLastPathComponent().path, url.lastPathComponent)
    }
}
