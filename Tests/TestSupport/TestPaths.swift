import Foundation

/// Where the package and its built products are, for every test target.
public enum TestPaths {
    /// The package root, derived from this file's path (symlinks resolved).
    public static let packageRoot = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A built product (`quiz`, `store-torture`): the one beside the running test bundle (the
    /// same build, debug or release), else the package's `.build/debug` or `.build/release`.
    public static func product(_ name: String) -> URL {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent(name)
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        for configuration in ["debug", "release"] {
            let candidate = packageRoot.appendingPathComponent(".build/\(configuration)/\(name)")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return besideTests
    }

    /// The built `quiz` binary.
    public static let quiz = product("quiz")
}
