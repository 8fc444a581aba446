import Foundation

/// Files written next to their destination under a temporary name and renamed into place
/// only when everything else succeeded, so a failed import leaves no file half-written.
struct StagedWrite {
    private var staged: [(temporary: URL, destination: URL)] = []

    /// Writes `text` beside `path` under a temporary name.
    mutating func stage(_ text: String, at path: String) throws(AnkiInteropError) {
        let destination = URL(fileURLWithPath: path)
        let folder = destination.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(
            ".\(destination.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: temporary)
        } catch {
            discard()
            throw AnkiInteropError(file: path, problem: "could not be written: \(error.localizedDescription)")
        }
        staged.append((temporary, destination))
    }

    /// Renames every staged file into place.
    mutating func commit() throws(AnkiInteropError) {
        for (temporary, destination) in staged where rename(temporary.path, destination.path) != 0 {
            let reason = String(cString: strerror(errno))
            discard()
            throw AnkiInteropError(file: destination.path, problem: "could not be replaced: \(reason)")
        }
        staged = []
    }

    /// Removes the staged files.
    mutating func discard() {
        for (temporary, _) in staged { try? FileManager.default.removeItem(at: temporary) }
        staged = []
    }
}
