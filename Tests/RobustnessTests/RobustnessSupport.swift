import Foundation
import TestSupport

/// Paths the robustness tests need: the package root, the committed corpus, the shipped banks
/// and the built `quiz` binary.
enum Robustness {
    static let packageRoot = TestPaths.packageRoot

    /// The built `quiz` binary.
    static let quiz = TestPaths.quiz

    /// The committed inputs of one fuzz target, sorted by name.
    static func corpus(_ target: String) -> [URL] {
        let folder = packageRoot.appendingPathComponent("Tests/RobustnessTests/Corpus/\(target)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0) }
    }

    /// Every shipped bank (Banks/**.yaml) as (path relative to the root, bytes), sorted.
    static func shippedBanks() -> [(path: String, bytes: [UInt8])] {
        let banks = packageRoot.appendingPathComponent("Banks")
        guard let walker = FileManager.default.enumerator(atPath: banks.path) else { return [] }
        var files: [(String, [UInt8])] = []
        for case let relative as String in walker where relative.hasSuffix(".yaml") {
            let data = FileManager.default.contents(atPath: banks.appendingPathComponent(relative).path) ?? Data()
            files.append(("Banks/" + relative, [UInt8](data)))
        }
        return files.sorted { $0.0 < $1.0 }
    }

}
