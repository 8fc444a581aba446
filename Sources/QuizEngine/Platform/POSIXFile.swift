#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `write(2)`, named apart from the `write` methods of the types below.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

/// The C library's text for an `errno` value.
func systemErrorMessage(_ e: Int32) -> String {
    guard let s = strerror(e) else { return "error \(e)" }
    return String(cString: s)
}

/// A read-only memory map of a whole file, unmapped on deinit.
final class MappedFile: @unchecked Sendable {
    // @unchecked: the mapping is read-only and never changes after init.
    let base: UnsafeRawPointer?
    let count: Int

    /// Maps the file at `path`.
    ///
    /// The index writer replaces files by rename, never in place, so a mapped index never
    /// shrinks under its reader (which would raise SIGBUS on access).
    init(path: String) throws(IndexError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .io("open index", path, errno: errno) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .io("stat index", path, errno: errno) }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            throw IndexError(.io, "cannot open index: not a regular file", path: path)
        }
        let size = Int(st.st_size)
        if size == 0 {
            base = nil
            count = 0
            return
        }
        let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0)
        guard let p, p != MAP_FAILED else { throw .io("map index", path, errno: errno) }
        base = UnsafeRawPointer(p)
        count = size
    }

    deinit {
        if let base { munmap(UnsafeMutableRawPointer(mutating: base), count) }
    }
}

/// Writes files so that readers see either the old or the new contents, never a mix.
enum AtomicFile {
    /// Replaces the file at `path` with `bytes`: writes a temporary file in the same
    /// directory, fsyncs it, renames it over `path`, then fsyncs the directory so the rename
    /// itself survives a power loss.
    static func write(_ bytes: [UInt8], to path: String) throws(IndexError) {
        try write(parts: [bytes], to: path)
    }

    /// Replaces the file at `path` with `parts`, one after another, as ``write(_:to:)`` does:
    /// a file assembled from parts never exists in memory whole.
    static func write(parts: [[UInt8]], to path: String) throws(IndexError) {
        let (dir, name) = split(path)
        var attempt = 0
        var fd: Int32 = -1
        var temp = ""
        while true {
            temp = "\(dir)/.\(name).tmp-\(getpid())-\(attempt)"
            fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if fd >= 0 { break }
            let e = errno
            guard e == EEXIST, attempt < 1000 else { throw .io("create temporary file", temp, errno: e) }
            attempt += 1
        }
        var ok = false
        defer {
            if !ok { unlink(temp) }
        }
        do {
            defer { if fd >= 0 { close(fd) } }
            for bytes in parts {
                var written = 0
                while written < bytes.count {
                    let n = bytes.withUnsafeBytes { buf in
                        systemWrite(fd, buf.baseAddress! + written, buf.count - written)
                    }
                    if n < 0 {
                        let e = errno
                        if e == EINTR { continue }
                        throw .io("write", temp, errno: e)
                    }
                    written += n
                }
            }
            guard fsync(fd) == 0 else { throw .io("fsync", temp, errno: errno) }
            let rc = close(fd)
            fd = -1
            guard rc == 0 else { throw .io("close", temp, errno: errno) }
        }
        guard rename(temp, path) == 0 else { throw .io("rename temporary file to '\(path)'", temp, errno: errno) }
        ok = true
        let dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 {
            // Some file systems cannot fsync a directory (EINVAL); the data is written anyway.
            let rc = fsync(dfd)
            let e = errno
            close(dfd)
            if rc != 0 && e != EINVAL && e != EROFS { throw .io("fsync directory", dir, errno: e) }
        }
    }

    /// The directory and the last component of `path`.
    private static func split(_ path: String) -> (String, String) {
        let bytes = Array(path.utf8)
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return (".", path) }
        let dir = slash == 0 ? "/" : String(decoding: bytes[..<slash], as: UTF8.self)
        return (dir, String(decoding: bytes[(slash + 1)...], as: UTF8.self))
    }
}
