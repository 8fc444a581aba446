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
            var command = try parseAsRoot()
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
