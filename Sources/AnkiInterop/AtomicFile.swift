import Foundation

/// Writes a file so that it appears complete or not at all: into a temporary file beside
/// the destination, renamed over it only when everything succeeded.
enum AtomicFile {
    /// Calls `body` with a temporary path in the destination's folder, then renames it to
    /// `path`. On any error the temporary file is removed and `path` is left as it was.
    static func write(to path: String, _ body: (String) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw AnkiInteropError(file: path, problem: "the folder '\(folder)' does not exist; create it first")
        }
        let temporary = folder + "/." + url.lastPathComponent + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        try? FileManager.default.removeItem(atPath: temporary)
        do {
            try body(temporary)
            guard rename(temporary, path) == 0 else {
                throw AnkiInteropError(file: path, problem: "cannot write: \(String(cString: strerror(errno)))")
            }
        } catch let error as AnkiInteropError {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw AnkiInteropError(file: path, problem: "cannot write: \(error.localizedDescription)")
        }
    }
}
