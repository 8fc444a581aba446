import Foundation
import PackagePlugin

/// Embeds the compiled index `Build/banks.qbx` in the target that uses this plugin, so
/// `quiz` works from any directory without files next to the binary.
///
/// Runs `embed-index Build/banks.qbx <work>/EmbeddedIndex.swift`, which writes
/// `let embeddedIndexBase64: StaticString = "…"` and `let embeddedIndexByteCount = N`
/// (an empty string and 0 when there is no index). The command reruns whenever
/// `Build/banks.qbx` is replaced.
@main
struct EmbedIndexPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "Build")
        let input = folder.appending(path: "banks.qbx")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedIndex.swift")
        return [
            .buildCommand(
                displayName: "Embedding Build/banks.qbx",
                executable: try context.tool(named: "embed-index").url,
                arguments: [input.path, output.path],
                // The folder, not the file: the index writer replaces the file by rename, which
                // updates the folder's modification time, and a deleted file is then no build
                // error (the binary has no built-in copy until the next `quiz compile`).
                // SwiftPM caches plugin results, so this list must not depend on whether the
                // file exists now. Without a Build folder at all, nothing is declared: the
                // first build embeds nothing, and a clean build picks up a later index.
                inputFiles: FileManager.default.fileExists(atPath: folder.path) ? [folder] : [],
                outputFiles: [output]
            )
        ]
    }
}
