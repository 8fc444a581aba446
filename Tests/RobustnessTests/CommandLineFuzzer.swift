import Foundation
import SeededRandom
import SortingCourse

/// Builds random command lines for every `quiz` subcommand from the commands' own option
/// names (read from `quiz --experimental-dump-help`) and hostile values.
struct CommandLineFuzzer {
    /// One subcommand: its words (`["course", "run"]`) and what it takes.
    struct Command {
        var path: [String]
        /// Every spelling of every option (`--count`, `-n`).
        var options: [String]
        var flags: [String]
        var positionals: Int
    }

    let commands: [Command]
    /// Folders the values may name, inside the case's scratch directory.
    let scratch: URL

    /// Reads the command tree of `binary`.
    init(binary: URL, scratch: URL) throws {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["--experimental-dump-help"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let root = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        var commands: [Command] = []
        func walk(_ command: [String: Any], path: [String]) {
            var options: [String] = []
            var flags: [String] = []
            var positionals = 0
            for argument in command["arguments"] as? [[String: Any]] ?? [] {
                let names = (argument["names"] as? [[String: Any]] ?? []).compactMap { name -> String? in
                    guard let text = name["name"] as? String else { return nil }
                    return (name["kind"] as? String) == "short" ? "-" + text : "--" + text
                }
                switch argument["kind"] as? String {
                case "option": options += names
                case "flag": flags += names.filter { $0 != "--help" && $0 != "-h" && $0 != "--version" }
                case "positional": positionals += 1
                default: break
                }
            }
            // `help` only prints; `fsrs` and `course` alone print their usage.
            if path.last != "help" { commands.append(Command(path: path, options: options, flags: flags, positionals: positionals)) }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                walk(sub, path: path + [sub["commandName"] as? String ?? ""])
            }
        }
        walk(root?["command"] as? [String: Any] ?? [:], path: [])
        commands = commands.filter { !$0.path.isEmpty || !$0.options.isEmpty || !$0.flags.isEmpty }
        self.commands = commands
        self.scratch = scratch
    }

    /// Hostile and ordinary values: extreme and negative integers, empty and huge strings,
    /// combining marks, bad dates, paths that do not exist or cannot be written, and broken
    /// tag expressions.
    var values: [String] {
        [
            "0", "1", "-1", "2", "7", "100", "-3,1,2", "5,2,4,6,1,3", "3.5", "1e9", "-0", "0x10", "+5",
            "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
            "18446744073709551615", "18446744073709551616", "99999999999999999999999999999999999999",
            "-18446744073709551615", "nan", "inf", "-inf",
            "", " ", "\t", String(repeating: "x", count: 5_000), String(repeating: "9", count: 5_000),
            "e\u{301}\u{301}\u{301}", "\u{301}", "\u{200B}", "Z\u{0308}\u{0351}\u{0360}", "🧪", "a\u{0}b",
            "2026-02-30T09:00:00Z", "2026-13-01T00:00:00Z", "9999-12-31T23:59:59Z", "0000-01-01T00:00:00Z",
            "1969-12-31T23:59:59Z", "2026-11-29", "T09:30", "-1e300", "1e300",
            "/nonexistent/quiz/file", "/proc/version", "/proc/quiz-nope/out.qbx", "/",
            scratch.path, scratch.appendingPathComponent("out.qbx").path, "Banks", "Build/banks.qbx",
            "((behavioral", "behavioral)", "a & ", "!", "&&", "|", "sorting & !easy", "behavioral",
            "(((((((((((((((((((((((((((((((((((((((((x", "nosql/nosql-scalability", "merge-sort",
            "quickselect", "bubble-sort", "1", "text", "json", "jsonl", "markdown", "choice", "easy", "hard",
            "random", "reversed", "--", "-", "--help=1", "=", "binary-search", "binary-heap", "bfs", "dfs",
            "linear-probing", "push 5,push 3,pop", "pop,push 1", "push", "0-1,1-2,2-0", "0-", "-1-2", "3-3",
        ]
    }

    /// A random command line: a subcommand, then up to six options, flags and positionals in
    /// random order, values attached with `=` or as the next word.
    func commandLine(using generator: inout Xoshiro256StarStar) -> [String] {
        let command = commands[Int(generator.next() % UInt64(commands.count))]
        var words = command.path
        // `course bench` defaults to a million values; start small so runs stay short, and let
        // the fuzzed options override it (the last value of an option wins).
        if command.path == ["course", "bench"] { words += ["--n", "50", "--runs", "1"] }
        let count = Int(generator.next() % 7)
        for _ in 0..<count {
            let pick = generator.next() % 10
            switch pick {
            case 0...5 where !command.options.isEmpty:
                let option = command.options[Int(generator.next() % UInt64(command.options.count))]
                let value = values[Int(generator.next() % UInt64(values.count))]
                if generator.next() % 3 == 0, option.hasPrefix("--") {
                    words.append("\(option)=\(value)")
                } else {
                    words += [option, value]
                }
            case 6 where !command.flags.isEmpty:
                words.append(command.flags[Int(generator.next() % UInt64(command.flags.count))])
            case 7:
                words.append("--no-such-option")
            default:
                words.append(values[Int(generator.next() % UInt64(values.count))])
            }
        }
        return words
    }
}
