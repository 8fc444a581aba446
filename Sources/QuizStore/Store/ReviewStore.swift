import Foundation
import GRDB

/// The durable review history and card state of one learner, in an SQLite file.
///
/// Every answer is one transaction that appends a row to the review log and updates the
/// card's state together; `record(_:)` returns only after the commit is on disk
/// (`synchronous=FULL` in WAL mode), so an answer the learner saw saved survives a crash or
/// a power cut. Several `quiz` processes may use one store at once: writers wait for each
/// other (a 5 s busy timeout) and readers never block.
///
/// ```swift
/// let store = try ReviewStore(path: ReviewStore.defaultPath(environment: environment))
/// let due = try store.dueCards(before: now)
/// ```
///
/// The schema, its migrations and the undo design are documented on `StoreSchema`.
public final class ReviewStore: Sendable {
    /// The store file.
    public let path: String
    let pool: DatabasePool

    /// How long a writer waits for another process's transaction before giving up.
    static let busyTimeout: TimeInterval = 5

    /// Opens the store at `path`, creating it (and its directories) if needed and migrating
    /// an older schema to the current one.
    ///
    /// A file that is not a quiz store (another program's SQLite database, or not SQLite at
    /// all) is rejected before anything is written to it.
    ///
    /// - Throws: `StoreError`: `.foreignFile`, `.notADatabase`, `.newerSchema`,
    ///   `.cannotCreateDirectory` or `.database`.
    public init(path: String) throws {
        self.path = path
        try Self.createParentDirectory(of: path)
        try Self.checkExistingFile(at: path)

        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            // FULL: the WAL is fsynced before COMMIT returns (NORMAL may lose the last
            // transactions on power loss), so an acknowledged answer is never lost. Set after
            // opening: GRDB sets NORMAL on the writer when it enables WAL, after
            // `prepareDatabase` runs. The pool's one writer connection keeps it for its life.
            try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
        } catch {
            throw Self.storeError(error, path: path)
        }
        try Self.migrate(pool, path: path)
    }

    /// Where the store lives unless the user says otherwise: `$QUIZ_STORE`, else
    /// `$XDG_DATA_HOME/quiz/progress.sqlite`, else `~/.local/share/quiz/progress.sqlite`.
    ///
    /// A relative `$XDG_DATA_HOME` is ignored, as the XDG Base Directory specification asks.
    ///
    /// - Parameter environment: the process environment (`ProcessInfo.processInfo.environment`).
    /// - Throws: `StoreError.Kind.noDefaultLocation` when none of the three is set.
    public static func defaultPath(environment: [String: String]) throws -> String {
        if let path = environment["QUIZ_STORE"], !path.isEmpty {
            return path
        }
        if let dataHome = environment["XDG_DATA_HOME"], dataHome.hasPrefix("/") {
            return trimmingTrailingSlashes(dataHome) + "/quiz/progress.sqlite"
        }
        if let home = environment["HOME"], !home.isEmpty {
            return trimmingTrailingSlashes(home) + "/.local/share/quiz/progress.sqlite"
        }
        throw StoreError(.noDefaultLocation, path: "")
    }

    /// Runs SQLite's `PRAGMA integrity_check` and returns the problems it reports; empty when
    /// the file is sound.
    public func integrityProblems() throws -> [String] {
        try perform {
            try pool.read { db in
                let lines = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                return lines == ["ok"] ? [] : lines
            }
        }
    }

    // MARK: - Opening

    private static func trimmingTrailingSlashes(_ path: String) -> String {
        var path = Substring(path)
        while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
        return String(path)
    }

    private static func createParentDirectory(of path: String) throws {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return }
        let directory = String(path[..<slash])
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            let detail = (error as NSError).localizedDescription
            throw StoreError(.cannotCreateDirectory(directory: directory, detail: detail), path: path)
        }
    }

    /// Rejects a file that is not ours, through a read-only connection, before the pool
    /// opens it (opening a pool switches the file to WAL, which is a write).
    private static func checkExistingFile(at path: String) throws {
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
        // application_id 0 and no schema: an empty database, perhaps being created right now
        // by another process; the migrator's transactions sort that out.
    }

    /// Applies the pending migrations.
    ///
    /// GRDB's migrator reads the applied migrations outside the transaction that applies
    /// one, so when two processes create the same store at once the slower one fails on
    /// "table exists". It then finds more migrations applied than before it started, and
    /// simply tries again (each retry follows progress by the other process, so this ends).
    private static func migrate(_ pool: DatabasePool, path: String) throws {
        let migrator = StoreSchema.migrator
        do {
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
                    .database(
                        detail: "user_version is \(userVersion) after migrating, expected \(StoreSchema.version)"),
                    path: path)
            }
        } catch {
            throw storeError(error, path: path)
        }
    }

    // MARK: - Errors

    /// Runs `body`, turning any error into a `StoreError` about this store.
    func perform<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    static func storeError(_ error: any Error, path: String) -> StoreError {
        switch error {
        case let error as StoreError:
            return error
        case let error as DatabaseError:
            let message = error.message ?? "SQLite error"
            return StoreError(
                .database(detail: "\(message) (SQLite result code \(error.extendedResultCode.rawValue))"), path: path)
        default:
            return StoreError(.database(detail: "\(error)"), path: path)
        }
    }
}
