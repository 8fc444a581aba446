#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The file-system calls of BankCompiler (with ``ByteSearch``, the only code importing a platform module).
enum FileSystem {
    /// What `stat` says of a path.
    struct Status {
        var isDirectory: Bool
        /// The modification time, in nanoseconds since the epoch.
        var modified: Int64
        var size: Int
    }

    /// The status of `path`, or nil when it cannot be read (missing, or no permission).
    static func status(_ path: String) -> Status? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return Status(
            isDirectory: (info.st_mode & S_IFMT) == S_IFDIR,
            modified: Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec), size: Int(info.st_size))
    }

    /// The names in `directory`, hidden ones (starting with `.`) left out, in the order the
    /// file system gives them.
    static func entries(of directory: String) throws(CompilerError) -> [String] {
        guard let handle = opendir(directory) else { throw CompilerError(path: directory, reason: lastError) }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if !name.hasPrefix(".") { names.append(name) }
        }
        return names
    }

    /// The bytes of the file at `path`, or only its size when it is larger than `maxBytes`.
    static func read(_ path: String, maxBytes: Int) throws(CompilerError) -> (bytes: [UInt8], oversized: Int?) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw CompilerError(path: path, reason: lastError) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw CompilerError(path: path, reason: lastError) }
        let size = Int(info.st_size)
        if size > maxBytes { return ([], size) }
        var bytes = [UInt8](repeating: 0, count: size)
        var offset = 0
        while offset < size {
            let count = bytes.withUnsafeMutableBytes { buffer in
                systemRead(descriptor, buffer.baseAddress! + offset, size - offset)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw CompilerError(path: path, reason: lastError)
            }
            if count == 0 { break }
            offset += count
        }
        bytes.removeLast(size - offset)
        return (bytes, nil)
    }

    /// The C library's text for the current `errno`.
    private static var lastError: String { String(cString: strerror(errno)) }
}

/// `read(2)`, named apart from `FileSystem.read`.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
