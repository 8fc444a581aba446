#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds and reads the YAML sources under the paths the user names.
///
/// Folders are walked recursively (hidden entries skipped); files ending in `.yaml` or `.yml`
/// are read. The result is sorted by path bytes so the enumeration order of the file system
/// never shows in the output.
public enum SourceLoader {
    /// Reads every source under `paths`; files larger than `maxFileBytes` are returned empty
    /// with `oversized` set so the compiler can report them without reading them.
    public static func load(_ paths: [String], maxFileBytes: Int) throws(CompilerError) -> [LoadedSource] {
        var files: [String] = []
        for path in paths.map(normalize) {
            var info = stat()
            guard stat(path, &info) == 0 else {
                throw CompilerError(path: path, reason: "no such file or directory")
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                try walk(path, into: &files)
            } else {
                files.append(path)
            }
        }
        files.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var unique: [String] = []
        for file in files where unique.last != file { unique.append(file) }
        return try unique.map { path throws(CompilerError) in try read(path, maxFileBytes: maxFileBytes) }
    }

    /// The newest modification time (nanoseconds since the epoch) of the sources under
    /// `paths` and of the folders holding them (a deleted file changes its folder's time).
    ///
    /// Cheap (one `stat` per entry, no reads), so `quiz` can ask it on every start.
    public static func latestModification(_ paths: [String]) throws(CompilerError) -> Int64 {
        var latest: Int64 = 0
        for path in paths.map(normalize) {
            var info = stat()
            guard stat(path, &info) == 0 else { throw CompilerError(path: path, reason: "no such file or directory") }
            latest = max(latest, nanoseconds(info.st_mtim))
            if (info.st_mode & S_IFMT) == S_IFDIR {
                var files: [String] = []
                try walk(path, into: &files, directories: { latest = max(latest, $0) })
                for file in files where stat(file, &info) == 0 {
                    latest = max(latest, nanoseconds(info.st_mtim))
                }
            }
        }
        return latest
    }

    public static func nanoseconds(_ time: timespec) -> Int64 {
        Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    /// Drops a leading `./` and trailing slashes, so `./Banks/` and `Banks` name files alike
    /// (the paths end up in diagnostics and in the index, which must not depend on spelling).
    static func normalize(_ path: String) -> String {
        var path = Substring(path)
        while path.hasPrefix("./") && path.count > 2 { path = path.dropFirst(2) }
        while path.count > 1 && path.hasSuffix("/") { path = path.dropLast() }
        return String(path)
    }

    /// A source file as read from disk.
    public struct LoadedSource: Sendable {
        public var file: SourceFile
        /// The file's size when it was over the limit (its bytes are then not read).
        public var oversizedBytes: Int?
    }

    private static func walk(
        _ directory: String, into files: inout [String], directories: (Int64) -> Void = { _ in }
    ) throws(CompilerError) {
        guard let handle = opendir(directory) else {
            throw CompilerError(path: directory, reason: String(cString: strerror(errno)))
        }
        defer { closedir(handle) }
        var entries: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name.hasPrefix(".") { continue }
            entries.append(name)
        }
        for name in entries {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                directories(nanoseconds(info.st_mtim))
                try walk(path, into: &files, directories: directories)
            } else if name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                files.append(path)
            }
        }
    }

    private static func read(_ path: String, maxFileBytes: Int) throws(CompilerError) -> LoadedSource {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw CompilerError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw CompilerError(path: path, reason: String(cString: strerror(errno)))
        }
        let size = Int(info.st_size)
        if size > maxFileBytes {
            return LoadedSource(file: SourceFile(path: path, bytes: []), oversizedBytes: size)
        }
        var bytes = [UInt8](repeating: 0, count: size)
        var offset = 0
        while offset < size {
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + offset, size - offset)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw CompilerError(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            offset += count
        }
        bytes.removeLast(size - offset)
        return LoadedSource(file: SourceFile(path: path, bytes: bytes), oversizedBytes: nil)
    }
}
