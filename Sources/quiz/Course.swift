import Presentation
import ArgumentParser
import QuizEngine
import SeededRandom
import SortingCourse
import Spelling

/// `quiz course`: the free sorting-algorithms course.
struct Course: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "course",
        abstract: "The sorting-algorithms course: read lessons, run and trace sorts, measure them.",
        subcommands: [CourseList.self, CourseShow.self, CourseRun.self, CourseBench.self, CoursePractice.self]
    )
}

/// `quiz course list`: the modules in teaching order, then the algorithms beyond sorting.
struct CourseList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the course's modules.")

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var indexOptions: IndexOptions

    func run() throws {
        let index = try indexOptions.open()
        let modules = try index.modules
        let beyondSorting = try TracedAlgorithmTeaching.all(in: index)
        switch format {
        case .json:
            let list = modules.map { module -> JSON in
                .object([
                    ("id", .string(module.id)), ("title", .string(module.title)),
                    ("algorithm", .string(module.algorithm)),
                ])
            }
            print(JSON.object([("modules", .array(list)), ("algorithms", .array(beyondSorting.map(\.json)))]).text)
        case .text:
            let color = Terminal.allowsColor(fileDescriptor: 1)
            let width = modules.map(\.id.count).max() ?? 0
            for (number, module) in modules.enumerated() {
                let id = module.id + String(repeating: " ", count: width - module.id.count)
                let position = number + 1 < 10 ? " \(number + 1)" : "\(number + 1)"
                print(
                    "\(position). \(Terminal.paint(id, .cyan, enabled: color))  \(module.title)  \(Terminal.paint("(\(module.algorithm))", .dim, enabled: color))"
                )
            }
            print("\nRead one with `quiz course show MODULE`; practise it with `quiz course practice MODULE`.")
            print("\nBeyond sorting, `quiz course run NAME` traces these too; the banks that teach them:")
            let nameWidth = beyondSorting.map(\.entry.name.count).max() ?? 0
            beyondSorting.forEach { print($0.line(nameWidth: nameWidth, color: color)) }
        }
    }
}

/// Finds a module by id, or fails with a did-you-mean.
enum ModuleLookup {
    static func find(_ id: String, in index: QuestionIndex) throws -> CourseModule {
        let modules = try index.modules
        if let module = modules.first(where: { $0.id == id }) { return module }
        if let number = Int(id), modules.indices.contains(number - 1) { return modules[number - 1] }
        let suggestion = Spelling.nearest(to: id, in: modules.map(\.id))
        throw CommandFailure(
            "no course module '\(CommandLineText.excerpt(id))'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
                + "\n  (`quiz course list` shows the modules)")
    }

    /// The ordinals of the module's questions, in index order.
    static func questions(of module: CourseModule, in index: QuestionIndex) throws -> [Int] {
        do {
            return Array(try QuestionQuery(index: index, tags: [], filter: QuestionFilter(modules: [module.id])).matches())
        } catch {
            throw CommandFailure("\(error)")
        }
    }
}

/// `quiz course show MODULE`: a lesson rendered for the terminal.
struct CourseShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Read a module's lesson.")

    @Argument(help: "The module's id or number (see `quiz course list`).")
    var module: String

    @OptionGroup var indexOptions: IndexOptions

    func run() throws {
        let index = try indexOptions.open()
        let module = try ModuleLookup.find(module, in: index)
        let color = Terminal.allowsColor(fileDescriptor: 1)
        let renderer = MarkdownRenderer(color: color)
        if !module.lesson.hasPrefix("#") {
            print(Terminal.paint(module.title, .bold, enabled: color))
        }
        print(renderer.render(module.lesson))
        print()
        print(Terminal.paint("At a glance", .bold, enabled: color))
        let complexity = module.complexity
        print(
            "  best \(complexity.best) · average \(complexity.average) · worst \(complexity.worst) · extra space \(complexity.space)"
        )
        print("  stable: \(module.isStable ? "yes" : "no") · in place: \(module.isInPlace ? "yes" : "no")")
        let count = try ModuleLookup.questions(of: module, in: index).count
        print(
            "\nTry it: `quiz course run \(module.algorithm) --random 8 --step`; "
                + "practise: `quiz course practice \(module.id)` (\(count) questions).")
    }
}

/// `quiz course practice MODULE`: a practice round on one module's questions.
struct CoursePractice: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "practice", abstract: "A practice round on one module's questions (trace questions drawn anew).")

    @Argument(help: "The module's id or number (see `quiz course list`).")
    var module: String

    @Option(name: [.customShort("n"), .customLong("count")], help: "How many questions.")
    var count = 8

    @Option(help: ArgumentHelp("Seed of the round; the same seed replays it.", valueName: "seed"))
    var seed: UInt64?

    @OptionGroup var indexOptions: IndexOptions

    func validate() throws {
        try CommandLineText.require(count, in: 1...Practice.maximumCount, for: "--count")
    }

    func run() throws {
        let index = try indexOptions.open()
        let module = try ModuleLookup.find(module, in: index)
        var questions = try ModuleLookup.questions(of: module, in: index).map { try index.question(at: $0) }
        let resolved = SelectionOptions.resolve(seed)
        var generator = Xoshiro256StarStar(seed: resolved)
        questions.fisherYatesShuffle(using: &generator)
        var round = PracticeRound(
            console: Console(), seed: resolved,
            title: "module \(module.id)", replay: ReplayCommand.line(
                ["quiz", "course", "practice", module.id, "--seed", String(resolved), "-n", String(count)]))
        round.run(Array(questions.prefix(count)))
    }
}
