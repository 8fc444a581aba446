import Foundation

/// A fresh folder under the system temporary directory, for one test; `remove()` deletes it.
public struct TemporaryFolder: Sendable {
    public let url: URL

    public var path: String { url.path }

    /// Makes the folder, named `<prefix>-<UUID>` so parallel tests never share one.
    public init(prefix: String = "quiz-test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The path of `name` inside the folder.
    public func file(_ name: String) -> String { url.appendingPathComponent(name).path }

    public func remove() { try? FileManager.default.removeItem(at: url) }
}
