import ArgumentParser
import Foundation
import Presentation
import QuizEngine
import QuizStore

/// `quiz interview`: a timed mock interview that follows a plan of `Banks/interviews.yaml`
/// stage by stage, ends with a scorecard, and keeps every rehearsal in the store.
struct Interview: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interview",
        abstract: "A timed mock interview through the stages of a back-end loop, with a scorecard and a history.",
        discussion: """
            Without a plan, lists the plans of Banks/interviews.yaml. With one, announces each \
            stage and asks its questions: graded types are graded (r overrules a typed answer \
            graded wrong), open questions with a rubric are checked item by item, the others \
            self-graded 1-4. A countdown shows on a terminal; running over a stage's budget is \
            noted. q, Ctrl-C or the end of input stop with the partial scorecard saved. Verdict: \
            hire from 80% with every stage at 50% or more, lean hire from 65%, lean no hire from \
            50%. Answers change review schedules only with --review. --format jsonl speaks the \
            line protocol of `quiz review` (README: Machine-readable output).
            """
    )

    @Argument(help: ArgumentHelp("The plan to rehearse (without one, the plans are listed).", valueName: "plan"))
    var plan: String?

    @Option(
        help: ArgumentHelp("Seed of the draw; the same seed and history give the same questions.", valueName: "seed"))
    var seed: UInt64?

    @Flag(name: .customLong("no-timer"), help: "Hide the countdown (time is still measured and noted).")
    var noTimer = false

    @Option(help: "Output format: text, or jsonl for the line protocol.")
    var format: Review.Format = .text

    @Flag(help: "Count each answer as a review of its card (changes review schedules).")
    var review = false

    @Flag(help: "List past rehearsals with their scores per stage and the trend per plan.")
    var history = false

    @Option(
        help: ArgumentHelp("Write rehearsal ID as markdown: scorecard, questions, answers, rubrics.", valueName: "id"))
    var report: Int64?

    @Option(
        name: [.customShort("o"), .customLong("output")],
        help: ArgumentHelp("With --report: the markdown file (default: standard output).", valueName: "file"))
    var output: String?

    @OptionGroup var storeOptions: StoreOptions

    @OptionGroup var indexOptions: IndexOptions

    func validate() throws {
        let modes = [plan.map { _ in "a plan" }, history ? "--history" : nil, report.map { _ in "--report" }]
        if modes.compactMap({ $0 }).count > 1 {
            throw ValidationError(
                "give only one of \(modes.compactMap { $0 }.joined(separator: ", ")): rehearse, list or report")
        }
        if output != nil && report == nil { throw ValidationError("-o/--output goes with --report ID") }
        if let report, report < 1 {
            throw ValidationError("--report takes an interview id from --history, got \(report)")
        }
        for (set, name) in [(seed != nil, "--seed"), (noTimer, "--no-timer"), (review, "--review")]
        where set && plan == nil {
            throw ValidationError("\(name) applies to a rehearsal; name a plan (quiz interview PLAN \(name))")
        }
        if report != nil && format != .text { throw ValidationError("--report writes markdown; drop --format") }
    }

    func run() throws {
        if history { return try showHistory() }
        if let report { return try writeReport(report) }
        let index = try indexOptions.open()
        let plans = try index.interviewPlans()
        guard let name = plan else {
            return print(InterviewText(color: Terminal.allowsColor(fileDescriptor: 1)).plans(plans), terminator: "")
        }
        let fixedNow = storeOptions.now == nil ? nil : storeOptions.instant
        let store = try storeOptions.open()
        // With --review, answers schedule like `quiz review`'s: with the saved FSRS parameters.
        let scheduler = try review ? Self.reading { try store.scheduler() } : nil
        do {
            var session = try InterviewSession(
                index: index, store: store, plan: try InterviewPlan.named(name, in: plans),
                seed: SelectionOptions.resolve(seed), reviewScheduler: scheduler,
                clock: { fixedNow ?? StoreOptions.clock() })
            switch format {
            case .text: try InterviewTerminal(showsTimer: !noTimer).run(&session)
            case .jsonl: try InterviewLineProtocol.run(&session)
            }
        } catch let error as QueryError {
            throw CommandFailure(error.description)
        } catch let error as InterviewError {
            throw CommandFailure(error.description)
        }
    }

    private func showHistory() throws {
        let records = try Self.reading { try storeOptions.open().interviews() }
        let text = InterviewText(color: Terminal.allowsColor(fileDescriptor: 1))
        print(format == .jsonl ? InterviewText.historyLines(records) : text.history(records), terminator: "")
    }

    private func writeReport(_ id: Int64) throws {
        let store = try storeOptions.open()
        guard let record = try Self.reading({ try store.interview(id) }) else {
            throw CommandFailure("no interview #\(id) in \(store.path); `quiz interview --history` lists them")
        }
        // Rubrics and answers come from the index; without one, the report keeps what was asked.
        let text = InterviewReport(record: record, index: try? indexOptions.open()).text
        guard let output else { return print(text, terminator: "") }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw CommandFailure(
                "cannot write '\(output)': \(error.localizedDescription); check that the folder exists")
        }
        StandardError.write("wrote interview #\(id) to \(output)\n")
    }

    /// `body`'s result; a store error becomes the command's failure (exit 2).
    private static func reading<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as StoreError { throw CommandFailure("\(error)") }
    }
}
