import ArgumentParser
import QuizEngine

/// The `--index` option and the search order of DESIGN.md: `--index PATH`, `$QUIZ_INDEX`,
/// `./Build/banks.qbx` (recompiled first when `./Banks` changed), then the copy embedded in
/// the binary.
struct IndexOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The compiled index to read (default: $QUIZ_INDEX, ./Build/banks.qbx, then the built-in copy).",
            valueName: "path"))
    var index: String?

    /// Where the index this process opened came from, for messages about damage found
    /// while reading it (the reader checks blocks as it reads them).
    nonisolated(unsafe) static var openedLocation = "the index"

    /// Opens the index, printing a clear error and exiting with status 2 when it cannot.
    func open() throws -> QuestionIndex {
        do {
            let opened = try IndexLocator.open(explicit: index)
            Self.openedLocation = opened.path ?? "the built-in index"
            return opened
        } catch {
            throw CommandFailure("\(error)")
        }
    }
}
