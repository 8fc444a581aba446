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
        try Self.createIfAbsent(at: path)
        try Self.checkExistingFile(at: path)
        pool = try Self.openMigratedPool(at: path)
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

    private static func trimmingTrailingSlashes(_ path: String) -> String {
        var path = Substring(path)
        while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
        return String(path)
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
