import ArgumentParser
import Foundation
import Presentation
import QuizEngine
import QuizStore
import Spelling

/// `quiz interview`: a timed mock interview that follows a plan of `Banks/interviews.yaml`
/// stage by stage, ends with a scorecard, and keeps every rehearsal in the store.
struct Interview: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A timed mock interview through the stages of a back-end loop, with a scorecard and a history.",
        discussion: """
            Without a plan, lists the plans of Banks/interviews.yaml. With one, runs its stages \
            in order: each is announced (who you talk to, what they look for, its time budget), \
            then its questions are asked. Choice, multi, short, order and trace questions are \
            graded (r overrules a near miss graded wrong); open questions with a rubric are \
            checked item by item (type the numbers of the items you met), flashcards and open \
            questions without one are self-graded 1-4. A countdown shows on a terminal \
            (--no-timer hides it); running over a stage's budget is noted, not fatal. Type q, \
            press Ctrl-C or end the input to stop: the partial scorecard is saved and shown.

            Scores: 1 for a right answer, 0 for a wrong one, the share of rubric items met, or \
            0/0.5/1/1 for a self-grade of 1/2/3/4. The overall score counts unanswered questions \
            as 0. Verdict: hire from 80% with every stage at 50% or more, lean hire from 65%, \
            lean no hire from 50%, no hire below.

            Answers do not change review schedules unless --review is given: then each counts \
            as a review (Good when right, Again when wrong; a rubric fully met is Good, half or \
            more Hard), saved with the answer in one transaction. Questions asked in the last \
            three rehearsals are avoided while others match.

            --format jsonl speaks the line protocol of `quiz review`: {"event":"stage",...} per \
            stage, {"event":"card",...} per question, then one reply line: {"answer":"..."}, \
            {"grade":1-4}, or {"rubric":[true,false,...]} for a card that lists a rubric; \
            {"override":true} overrules the last wrong answer, {"quit":true} stops. \
            {"event":"saved",...} follows each durable answer and {"event":"scorecard",...} \
            ends the interview.

            Examples:
              quiz interview
              quiz interview backend-senior --seed 7
              quiz interview --history
              quiz interview --report 3 -o interview-3.md
            """
    )

    enum Format: String, ExpressibleByArgument {
        case text
        case jsonl
    }

    @Argument(help: ArgumentHelp("The plan to rehearse (without one, the plans are listed).", valueName: "plan"))
    var plan: String?

    @Option(help: ArgumentHelp("Seed of the question draw; the same seed and history replay the same questions.", valueName: "seed"))
    var seed: UInt64?

    @Flag(name: .customLong("no-timer"), help: "Hide the countdown (time is still measured and noted).")
    var noTimer = false

    @Option(help: "Output format: text, or jsonl for the line protocol.")
    var format: Format = .text

    @Flag(help: "Count each answer as a review of its card (changes review schedules).")
    var review = false

    @Flag(help: "List past rehearsals with their scores per stage and the trend per plan.")
    var history = false

    @Option(help: ArgumentHelp("Write rehearsal ID as markdown: scorecard, questions, answers, rubrics.", valueName: "id"))
    var report: Int64?

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("With --report: the markdown file to write (default: standard output).", valueName: "file"))
    var output: String?

    @OptionGroup var storeOptions: StoreOptions

    @OptionGroup var indexOptions: IndexOptions

    func validate() throws {
        let modes = [plan != nil ? "a plan" : nil, history ? "--history" : nil, report != nil ? "--report" : nil]
            .compactMap { $0 }
        if modes.count > 1 {
            throw ValidationError("give only one of \(modes.joined(separator: ", ")): rehearse, list or report")
        }
        if output != nil && report == nil { throw ValidationError("-o/--output goes with --report ID") }
        if let report, report < 1 { throw ValidationError("--report takes an interview id from --history (1 or more), got \(report)") }
        if plan == nil {
            for (set, name) in [(seed != nil, "--seed"), (noTimer, "--no-timer"), (review, "--review")] where set {
                throw ValidationError("\(name) applies to a rehearsal; name a plan (quiz interview PLAN \(name))")
            }
        }
        if report != nil && format != .text { throw ValidationError("--report writes markdown; drop --format") }
        if let output, output.isEmpty { throw ValidationError("-o/--output needs a file name") }
    }

    func run() throws {
        if history { return try showHistory() }
        if let report { return try writeReport(report) }
        let index = try indexOptions.open()
        let plans = try index.interviewPlans()
        guard !plans.isEmpty else {
            throw CommandFailure("the index holds no interview plans; write Banks/interviews.yaml and run `quiz compile`")
        }
        guard let name = plan else {
            print(InterviewText(color: Terminal.allowsColor(fileDescriptor: 1)).plans(plans), terminator: "")
            print("Start one with `quiz interview \(plans[0].name)`.")
            return
        }
        guard let chosen = plans.first(where: { $0.name == name }) else {
            let names = plans.map(\.name)
            let hint = Spelling.nearest(to: name, in: names).map { "; did you mean '\($0)'?" } ?? ""
            throw CommandFailure(
                "no interview plan named '\(CommandLineText.excerpt(name))'\(hint) (plans: \(names.joined(separator: ", ")))")
        }
        let store = try storeOptions.open()
        let fixedNow = storeOptions.now == nil ? nil : storeOptions.instant
        let session: InterviewSession
        do {
            session = try InterviewSession(
                index: index, store: store, plan: chosen, seed: SelectionOptions.resolve(seed),
                reviewScheduler: review ? Scheduler() : nil, clock: { fixedNow ?? StoreOptions.clock() })
        } catch {
            throw CommandFailure(error.description)
        }
        do {
            switch format {
            case .text:
                var terminal = InterviewTerminal(session: session, showsTimer: !noTimer)
                try terminal.run()
            case .jsonl:
                var lines = InterviewLineProtocol(session: session)
                try lines.run()
            }
        } catch let error as InterviewError {
            throw CommandFailure(error.description)
        }
    }

    private func showHistory() throws {
        let records: [InterviewRecord]
        do { records = try storeOptions.open().interviews() } catch let failure as CommandFailure { throw failure } catch {
            throw CommandFailure("\(error)")
        }
        switch format {
        case .text:
            print(InterviewText(color: Terminal.allowsColor(fileDescriptor: 1)).history(records), terminator: "")
        case .jsonl:
            for record in records {
                print(InterviewText.json(InterviewScorecard(record), id: record.id, plan: record.plan, seed: record.seed).text)
            }
        }
    }

    private func writeReport(_ id: Int64) throws {
        let store = try storeOptions.open()
        let found: InterviewRecord?
        do { found = try store.interview(id) } catch { throw CommandFailure("\(error)") }
        guard let record = found else {
            throw CommandFailure("no interview #\(id) in \(store.path); `quiz interview --history` lists them")
        }
        // The questions' rubrics and answers come from the index; without one, the report
        // still has every prompt and answer as asked.
        let index = try? indexOptions.open()
        let text = InterviewReport(record: record) { key in
            guard let index, let ordinal = try? index.ordinal(forKey: key) else { return nil }
            return try? index.question(at: ordinal)
        }.text
        guard let output else { return print(text, terminator: "") }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw CommandFailure("cannot write '\(output)': \(error.localizedDescription); check the folder exists and is writable")
        }
        StandardError.write("wrote interview #\(id) to \(output)\n")
    }
}
