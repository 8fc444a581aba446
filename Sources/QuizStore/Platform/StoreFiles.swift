#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The file calls of QuizStore beyond SQLite's own: the module's only file importing a
/// platform module.
enum StoreFiles {
    /// Whether nothing at all is at `path` (`access` failed with ENOENT); false when something
    /// is there or when the answer is unknown.
    static func isAbsent(_ path: String) -> Bool { access(path, F_OK) != 0 && errno == ENOENT }

    /// This process's id, to name scratch files apart from other processes'.
    static var processID: Int32 { getpid() }

    /// Removes `path` if it is there.
    static func remove(_ path: String) { unlink(path) }

    /// What `link(2)` did.
    enum LinkOutcome: Equatable {
        case linked
        /// The name exists already (another process won), or the file system has no hard links.
        case notLinked
        case failed(String)
    }

    /// Gives `file` the second name `name`, which must not exist.
    static func link(_ file: String, as name: String) -> LinkOutcome {
        if systemLink(file, name) == 0 { return .linked }
        let error = errno
        switch error {
        case EEXIST, EPERM, ENOTSUP, EOPNOTSUPP, EXDEV: return .notLinked
        default: return .failed(String(cString: strerror(error)))
        }
    }

    /// Flushes a file or directory to disk (`fsync`); nil when done, else the reason.
    static func synchronize(_ file: String) -> String? {
        let descriptor = open(file, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0, fsync(descriptor) == 0 else {
            let error = errno
            if descriptor >= 0 { close(descriptor) }
            return String(cString: strerror(error))
        }
        close(descriptor)
        return nil
    }
}

/// `link(2)`, named apart from `StoreFiles.link`.
private func systemLink(_ file: String, _ name: String) -> Int32 { link(file, name) }
