/// The command line that replays a seeded round or draw, each word quoted for a POSIX shell
/// only when it needs to be: the one place such lines are built.
enum ReplayCommand {
    /// `command`, then the selection's options, then `trailing`, joined as a shell line.
    /// Without a selection (a command that has none, such as `course practice`), only
    /// `command` and `trailing`: an option group made by hand must not be read, ArgumentParser
    /// traps on that.
    static func line(_ command: [String], selection: SelectionOptions? = nil, trailing: [String] = []) -> String {
        var words = command
        guard let selection else { return (words + trailing).map(shellQuoted).joined(separator: " ") }
        for tag in selection.tags { words += ["--tag", tag] }
        for type in selection.types { words += ["--type", type.rawValue] }
        for difficulty in selection.difficulties { words += ["--difficulty", difficulty.rawValue] }
        for bank in selection.banks { words += ["--bank", bank] }
        return (words + trailing).map(shellQuoted).joined(separator: " ")
    }

    /// `word` as one POSIX shell word: unchanged when safe, else single-quoted.
    static func shellQuoted(_ word: String) -> String {
        let safe = word.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || "-_./:+".unicodeScalars.contains($0)
        }
        if safe && !word.isEmpty { return word }
        return "'" + word.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}
