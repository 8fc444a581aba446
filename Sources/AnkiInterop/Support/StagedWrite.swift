import Foundation

/// Files written next to their destination under a temporary name and renamed into place
/// only when everything else succeeded, so a failed import or export leaves no file
/// half-written and the destination as it was.
struct StagedWrite {
    /// Whether a missing destination folder is made (an import's `Banks/sub/NAME.yaml`) rather
    /// than refused (an export's output path).
    let createsFolders: Bool
    private var staged: [(temporary: String, destination: String)] = []

    init(createsFolders: Bool = false) { self.createsFolders = createsFolders }

    /// Writes `path` through `body` in one step: `body` gets a temporary path beside it,
    /// renamed to `path` only when `body` succeeded.
    ///
    /// - Throws: ``AnkiInteropError`` naming `path`; an ``AnkiInteropError`` from `body` as it is.
    static func write(to path: String, _ body: (String) throws -> Void) throws(AnkiInteropError) {
        var write = StagedWrite()
        try write.stage(at: path, body)
        try write.commit()
    }

    /// Calls `body` with a temporary path beside `path`, which ``commit()`` renames to `path`.
    /// On any error every staged file is removed.
    mutating func stage(at path: String, _ body: (String) throws -> Void) throws(AnkiInteropError) {
        let destination = URL(fileURLWithPath: path)
        let folder = destination.deletingLastPathComponent().path
        let temporary =
            folder + "/." + destination.lastPathComponent + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        do {
            if createsFolders {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } else {
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                    throw AnkiInteropError(
                        file: path, problem: "the folder '\(folder)' does not exist; create it first")
                }
            }
            try? FileManager.default.removeItem(atPath: temporary)
            staged.append((temporary, path))
            try body(temporary)
        } catch let error as AnkiInteropError {
            discard()
            throw error
        } catch {
            discard()
            throw AnkiInteropError(file: path, problem: "could not be written: \(error.localizedDescription)")
        }
    }

    /// Writes `text` as UTF-8 beside `path` under a temporary name.
    mutating func stage(_ text: String, at path: String) throws(AnkiInteropError) {
        try stage(at: path) { temporary in try Data(text.utf8).write(to: URL(fileURLWithPath: temporary)) }
    }

    /// Renames every staged file into place.
    mutating func commit() throws(AnkiInteropError) {
        for (temporary, destination) in staged where rename(temporary, destination) != 0 {
            let reason = String(cString: strerror(errno))
            discard()
            throw AnkiInteropError(file: destination, problem: "could not be replaced: \(reason)")
        }
        staged = []
    }

    /// Removes the staged files.
    mutating func discard() {
        for (temporary, _) in staged { try? FileManager.default.removeItem(atPath: temporary) }
        staged = []
    }
}
