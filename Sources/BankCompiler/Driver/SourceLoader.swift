/// Finds and reads the YAML sources under the paths the user names.
///
/// Folders are walked recursively (hidden entries skipped); files ending in `.yaml` or `.yml`
/// are read. The result is sorted by path bytes so the enumeration order of the file system
/// never shows in the output.
public enum SourceLoader {
    /// Reads every source under `paths`; files larger than `maxFileBytes` are returned empty
    /// with `oversized` set so the compiler can report them without reading them.
    public static func load(_ paths: [String], maxFileBytes: Int) throws(CompilerError) -> [LoadedSource] {
        try list(paths).map { file throws(CompilerError) in try read(file.path, maxFileBytes: maxFileBytes) }
    }

    /// Every source under `paths` with its size, without reading any: what the compiler
    /// schedules, reading each file on the worker that checks it.
    ///
    /// - Complexity: one `stat` per entry, plus O(n log n) to sort n sources.
    static func list(_ paths: [String]) throws(CompilerError) -> [(path: String, size: Int)] {
        var files: [(path: String, status: FileSystem.Status)] = []
        for path in paths.map(normalize) {
            guard let status = FileSystem.status(path) else {
                throw CompilerError(path: path, reason: "no such file or directory")
            }
            if status.isDirectory {
                try walk(path, into: &files)
            } else {
                files.append((path, status))
            }
        }
        files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        var unique: [(path: String, size: Int)] = []
        for file in files where unique.last?.path != file.path { unique.append((file.path, file.status.size)) }
        return unique
    }

    /// The newest modification time (nanoseconds since the epoch) of the sources under
    /// `paths` and of the folders holding them (a deleted file changes its folder's time).
    ///
    /// Cheap (one `stat` per entry, no reads), so `quiz` can ask it on every start.
    public static func latestModification(_ paths: [String]) throws(CompilerError) -> Int64 {
        var latest: Int64 = 0
        for path in paths.map(normalize) {
            guard let status = FileSystem.status(path) else {
                throw CompilerError(path: path, reason: "no such file or directory")
            }
            latest = max(latest, status.modified)
            if status.isDirectory {
                var files: [(path: String, status: FileSystem.Status)] = []
                try walk(path, into: &files, directories: { latest = max(latest, $0) })
                for file in files { latest = max(latest, file.status.modified) }
            }
        }
        return latest
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

    /// Appends every `.yaml`/`.yml` file under `directory` with the status it was found by,
    /// so callers need no second `stat`.
    private static func walk(
        _ directory: String, into files: inout [(path: String, status: FileSystem.Status)],
        directories: (Int64) -> Void = { _ in }
    ) throws(CompilerError) {
        for name in try FileSystem.entries(of: directory) {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            guard let status = FileSystem.status(path) else { continue }
            if status.isDirectory {
                directories(status.modified)
                try walk(path, into: &files, directories: directories)
            } else if name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                files.append((path, status))
            }
        }
    }

    static func read(_ path: String, maxFileBytes: Int) throws(CompilerError) -> LoadedSource {
        let (bytes, oversized) = try FileSystem.read(path, maxBytes: maxFileBytes)
        return LoadedSource(file: SourceFile(path: path, bytes: bytes), oversizedBytes: oversized)
    }
}
