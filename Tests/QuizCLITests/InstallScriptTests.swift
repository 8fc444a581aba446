import Foundation
import TestSupport
import Testing

/// `Sources/install/install.sh`, with the already built binary (the release build it makes
/// by default takes minutes): the binary and three shells' completions land under the prefix.
@Suite("install script", .tags(.subprocess), .skippedInFastRuns)
struct InstallScriptTests {
    static let script = TestPaths.packageRoot.appendingPathComponent("Sources/install/install.sh")

    static func install(_ arguments: [String]) throws -> ChildProcess.Output {
        try ChildProcess.run(URL(fileURLWithPath: "/bin/bash"), [script.path] + arguments)
    }

    @Test func installsTheBinaryAndCompletions() throws {
        let prefix = try TemporaryFolder()
        defer { prefix.remove() }
        let run = try Self.install(["--prefix", prefix.url.path, "--binary", TestPaths.quiz.path])
        #expect(run.status == 0, "\(run.stderr)")
        let installed = prefix.url.appendingPathComponent("bin/quiz")
        let version = try ChildProcess.run(installed, ["--version"])
        #expect(version.status == 0 && !version.stdout.isEmpty)
        let files = [
            ("share/bash-completion/completions/quiz", "_quiz"),
            ("share/zsh/site-functions/_quiz", "#compdef quiz"),
            ("share/fish/vendor_completions.d/quiz.fish", "complete -c 'quiz'"),
        ]
        for (path, marker) in files {
            let text = try String(contentsOf: prefix.url.appendingPathComponent(path), encoding: .utf8)
            #expect(text.contains(marker), "\(path)")
            #expect(text.contains("review") && text.contains("export"), "\(path) completes the subcommands")
        }
        let syntax = try ChildProcess.run(
            URL(fileURLWithPath: "/bin/bash"), ["-n", prefix.url.appendingPathComponent(files[0].0).path])
        #expect(syntax.status == 0, "\(syntax.stderr)")
    }

    @Test func unknownOptionsAreRefused() throws {
        let run = try Self.install(["--prefx", "/tmp/x"])
        #expect(run.status == 2 && run.stderr.contains("unknown option '--prefx'"))
    }
}
