import ArgumentParser
import QuizEngine
import QuizStore

/// The `quiz` command: compile question banks, draw and practise, review, and take the
/// sorting course.
@main
struct Quiz: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract:
            "Offline interview preparation: compiled question banks, practice rounds, spaced repetition and a sorting course.",
        version: version,
        subcommands: [
            Practice.self, Draw.self, Review.self, Interview.self, Stats.self, Info.self, Check.self, Compile.self,
            Show.self, Tags.self, Course.self, FSRS.self, Export.self, Import.self,
        ],
        defaultSubcommand: Practice.self
    )

    /// Runs the command, mapping usage errors to exit status 2 (ArgumentParser's default is 64)
    /// so every command shares one convention: 0 success, 1 problems found, 2 usage or I/O.
    static func main() {
        do {
            var command = try directCommand() ?? parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            for message in failure.messages { StandardError.write("quiz: error: \(message)\n") }
            exit(withError: ExitCode(failure.exitCode))
        } catch let error as ReviewSessionError {
            // An answer that could not be saved or taken back: the store said why.
            StandardError.write("quiz: error: \(error)\n")
            exit(withError: ExitCode(2))
        } catch var error as IndexError {
            // Damage found while reading, after the index opened: the reader checks lazily.
            error.path = error.path ?? IndexOptions.openedLocation
            StandardError.write("quiz: error: \(error)\n")
            exit(withError: ExitCode(2))
        } catch {
            if exitCode(for: error) == .validationFailure {
                StandardError.write(fullMessage(for: error) + "\n")
                exit(withError: ExitCode(2))
            }
            exit(withError: error)
        }
    }
}

extension Quiz {
    /// The commands whose start-up time matters most (`quiz draw`, `quiz show`), parsed on
    /// their own when the first argument names them: ArgumentParser then reflects over one
    /// command instead of the whole tree, about 2 ms of dynamic casts saved on every run.
    ///
    /// Same option definitions, so the same values; anything else (help, completions, a
    /// usage error) returns nil and the root parses again, so messages and exits are
    /// unchanged.
    static func directCommand() -> (any ParsableCommand)? {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let name = arguments.first,
            !arguments.contains(where: { $0.hasPrefix("--generate-completion") || $0.hasPrefix("--experimental") })
        else { return nil }
        let rest = Array(arguments.dropFirst())
        switch name {
        case "draw": return try? Draw.parse(rest)
        case "show": return try? Show.parse(rest)
        default: return nil
        }
    }
}
