import AnkiInterop
import ArgumentParser
import QuizEngine

/// `quiz export`: questions out to Anki.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export questions for Anki: a package (.apkg) or Anki's text format (.csv).",
        subcommands: [ExportApkg.self, ExportCSV.self])
}

/// Which questions to export: `--tag` expressions and `--bank` names (all by default).
struct ExportSelection: ParsableArguments {
    @Option(
        name: .customLong("tag"),
        help: ArgumentHelp("A tag expression; repeats are ANDed.", valueName: "expr"))
    var tags: [String] = []

    @Option(name: .customLong("bank"), help: ArgumentHelp("Only this bank (repeatable).", valueName: "bank"))
    var banks: [String] = []

    @OptionGroup var indexOptions: IndexOptions

    /// The selected questions.
    func questions() throws -> [Question] {
        let index = try indexOptions.open()
        let query = try SelectionOptions.query(index, tags: tags, filter: QuestionFilter(banks: banks))
        let ordinals = Array(query.matches())
        guard !ordinals.isEmpty else { throw CommandFailure("no questions match the selection; nothing written", exitCode: 1) }
        return try ordinals.map { try index.question(at: $0) }
    }
}

struct ExportApkg: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apkg",
        abstract: "Write an Anki package: one note per question, deck quiz::<bank>, tags kept.",
        discussion: """
            Every Anki imports it (File ▸ Import). Note GUIDs come from the question keys, so \
            importing a later export updates the same notes. --with-history adds each answered \
            card's review log, schedule and FSRS memory state (and the FSRS parameters in force) \
            so Anki continues where quiz stopped; Anki moves history only into notes it does not \
            have yet.
            """)

    @Argument(help: ArgumentHelp("The package to write.", valueName: "out.apkg"))
    var output: String

    @OptionGroup var selection: ExportSelection

    @Flag(help: "Include the review history and scheduling state from the progress store.")
    var withHistory = false

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let questions = try selection.questions()
        let history = withHistory ? ApkgExport.History(store: try storeOptions.open(), rolloverHour: storeOptions.rollover) : nil
        let summary: ApkgExport.Summary
        do {
            summary = try ApkgExport.write(
                questions: questions, history: history, rolloverHour: storeOptions.rollover, to: output)
        } catch {
            throw CommandFailure("\(error)")
        }
        var line = "Wrote \(output): \(summary.notes) notes in \(summary.decks) deck\(summary.decks == 1 ? "" : "s")"
        if withHistory { line += ", \(summary.reviews) reviews of \(summary.cardsWithHistory) cards" }
        print(line + ".")
    }
}

struct ExportCSV: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csv",
        abstract: "Write Anki's text format: GUID, front, back, deck and tags per question (.tsv: tab-separated).")

    @Argument(help: ArgumentHelp("The file to write.", valueName: "out.csv"))
    var output: String

    @OptionGroup var selection: ExportSelection

    func run() throws {
        let questions = try selection.questions()
        do {
            try CSVExport.write(questions: questions, to: output)
        } catch {
            throw CommandFailure("\(error)")
        }
        print("Wrote \(output): \(questions.count) notes.")
    }
}
