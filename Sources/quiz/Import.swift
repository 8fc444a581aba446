import AnkiInterop
import ArgumentParser
import Foundation
import Presentation

/// `quiz import`: Anki packages and spreadsheets into a YAML bank.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import an Anki package or a CSV/TSV file as a question bank.",
        subcommands: [ImportPackage.self, ImportText.self]
    )
}

/// What both import commands take: the bank id and where to write it.
struct ImportDestination: ParsableArguments {
    @Option(help: ArgumentHelp("The new bank's id (lowercase letters, digits, hyphens).", valueName: "name"))
    var bank: String

    @Option(
        name: [.short, .customLong("output")],
        help: ArgumentHelp("Where to write the bank (default: Banks/NAME.yaml).", valueName: "path"))
    var output: String?

    func validate() throws {
        guard !bank.isEmpty, bank.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }),
            bank.first != "-"
        else {
            throw ValidationError(
                "--bank '\(CommandLineText.excerpt(bank))' is not a bank id: use lowercase letters, digits and "
                    + "hyphens, starting with a letter or digit")
        }
    }

    var outputPath: String { output ?? "Banks/\(bank).yaml" }

    /// The tag vocabulary beside the bank or in a folder above it, else `tags.yaml` beside it.
    var vocabularyPath: String {
        var folder = URL(fileURLWithPath: outputPath).deletingLastPathComponent().standardizedFileURL
        while true {
            let candidate = folder.appendingPathComponent("tags.yaml")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate.path }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
        }
        return URL(fileURLWithPath: outputPath).deletingLastPathComponent().appendingPathComponent("tags.yaml").path
    }

    /// Prints the warnings (`FILE[:LINE]: warning: …`) to stderr and the summary, naming the
    /// files `options` wrote, to stdout.
    func report(_ result: ImportResult, file: String, options: ImportOptions) {
        for warning in result.warnings {
            let place = warning.line.map { "\(file):\($0)" } ?? file
            StandardError.write("\(place): warning: \(warning)\n")
        }
        let shorts = result.questions.count { $0.kind == .short }
        var summary =
            "\(options.output): \(result.questions.count) question\(result.questions.count == 1 ? "" : "s") "
            + "(\(result.questions.count - shorts) flashcard, \(shorts) short)"
        let folder = FileManager.default.currentDirectoryPath + "/"
        let vocabulary =
            options.vocabulary.hasPrefix(folder)
            ? String(options.vocabulary.dropFirst(folder.count)) : options.vocabulary
        summary += ", \(result.newTags.count) new tag\(result.newTags.count == 1 ? "" : "s") in \(vocabulary)"
        if result.reviewsImported > 0 || result.cardsWithHistory > 0 {
            summary += ", \(result.reviewsImported) reviews of \(result.cardsWithHistory) cards"
        }
        if !result.warnings.isEmpty {
            summary += ", \(result.warnings.count) warning\(result.warnings.count == 1 ? "" : "s")"
        }
        print(summary)
    }
}

/// `quiz import apkg IN.apkg --bank NAME`.
struct ImportPackage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apkg",
        abstract: "Import an Anki package (.apkg, current or legacy format) as a bank.",
        discussion: """
            Basic and reversed notes become flashcards, type-in-the-answer notes short questions, cloze notes \
            flashcards with the deletions blanked; Anki tags are added to tags.yaml. With --with-history the \
            review log goes into the progress store and is replayed through FSRS-6.
            """)

    @Argument(help: ArgumentHelp("The package to read.", valueName: "in.apkg"))
    var package: String

    @OptionGroup var destination: ImportDestination

    @Flag(help: "Bring the review log into the progress store under the new keys.")
    var withHistory = false

    @Option(
        help: ArgumentHelp(
            "The review history database (default: $QUIZ_STORE, else the XDG data folder).", valueName: "path"))
    var store: String?

    @Option(
        help: ArgumentHelp("The local hour at which Anki's review day started (Anki's default: 4).", valueName: "hour"))
    var rollover = 4

    func validate() throws {
        guard (0...23).contains(rollover) else {
            throw ValidationError("--rollover takes an hour from 0 to 23, got \(rollover)")
        }
    }

    func run() throws {
        let reviewStore = try withHistory ? StoreOptions.parse(store.map { ["--store", $0] } ?? []).open() : nil
        var options = ImportOptions(
            bank: destination.bank, output: destination.outputPath, vocabulary: destination.vocabularyPath,
            store: reviewStore,
            origin: "quiz import apkg \(URL(fileURLWithPath: package).lastPathComponent) --bank \(destination.bank)")
        options.rolloverHour = rollover
        do {
            destination.report(
                try AnkiImporter.importPackage(at: package, options: options), file: package, options: options)
        } catch {
            throw CommandFailure("\(error)")
        }
    }
}

/// `quiz import csv FILE --bank NAME`.
struct ImportText: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csv",
        abstract: "Import a CSV/TSV file (Anki's text format or two plain columns) as a bank.",
        discussion: """
            Reads Anki's #separator:, #html:, #tags column:, #deck:, #notetype: and #guid column: headers; \
            without them, the separator is guessed (tab, semicolon, comma) and each row is front, back.
            """)

    @Argument(help: ArgumentHelp("The text file to read.", valueName: "file"))
    var file: String

    @OptionGroup var destination: ImportDestination

    func run() throws {
        let options = ImportOptions(
            bank: destination.bank, output: destination.outputPath, vocabulary: destination.vocabularyPath,
            store: nil,
            origin: "quiz import csv \(URL(fileURLWithPath: file).lastPathComponent) --bank \(destination.bank)")
        do {
            destination.report(try AnkiImporter.importText(at: file, options: options), file: file, options: options)
        } catch {
            throw CommandFailure("\(error)")
        }
    }
}
