import ArgumentParser
import FSRSOptimizer
import Foundation
import Presentation
import QuizEngine
import QuizStore

/// `quiz fsrs optimize`: fits the FSRS-6 parameters to the review history, and saves them.
struct FSRSOptimize: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "optimize",
        abstract: "Fit the 21 FSRS-6 parameters to your review history (fsrs-rs's method).",
        discussion: """
            Reads the progress store's review log (one review per card per day, the first; undone \
            and overruled answers and reviews before a question's last revision left out), or \
            --items FILE. Prints the parameters and, on the same items, the log loss and RMSE(bins) \
            of the defaults and of the fitted parameters. --save stores them in the progress store; \
            quiz review, info and stats then schedule with them. --reset returns to the defaults.
            """)

    @OptionGroup var source: FSRSItemSource

    @Flag(help: "Store the fitted parameters in the progress store; reviews use them from now on.")
    var save = false

    @Flag(help: "Return the progress store to the default parameters (no fit).")
    var reset = false

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        if save && reset { throw ValidationError("--save and --reset cannot be combined: choose one") }
        if source.items != nil && (save || reset) {
            throw ValidationError(
                "--\(save ? "save" : "reset") changes a progress store's parameters; it cannot be used with --items")
        }
    }

    func run() throws {
        if reset { return try resetStore() }
        if let items = try source.fileItems() {
            return render(FSRSOptimizer.fit(items), reviews: nil, saved: false)
        }
        let (store, history) = try source.storeHistory()
        let fit = FSRSOptimizer.fit(history.items)
        let saves = save && fit.outcome != .notEnoughData
        if saves {
            do {
                try store.saveParameters(
                    fit.parameters, reviewCount: history.reviewCount, cardCount: history.cardCount,
                    at: source.storeOptions.instant)
            } catch {
                throw CommandFailure("\(error)")
            }
        }
        render(fit, reviews: (history.reviewCount, history.cardCount), saved: saves)
    }

    private func resetStore() throws {
        let store = try source.storeOptions.open()
        do {
            try store.saveParameters(nil, reviewCount: 0, cardCount: 0, at: source.storeOptions.instant)
        } catch {
            throw CommandFailure("\(error)")
        }
        switch format {
        case .json: print(JSON.object([("parameters", .array(FSRSParameters.default.weights.map(JSON.double))), ("reset", .bool(true))]).text)
        case .text: print("Reset: quiz review, info and stats schedule with the FSRS-6 default parameters again.")
        }
    }

    private func render(_ fit: FSRSFit, reviews: (reviews: Int, cards: Int)?, saved: Bool) {
        switch format {
        case .json:
            func evaluation(_ e: FSRSEvaluation) -> JSON {
                .object([("log_loss", .double(e.logLoss)), ("rmse_bins", .double(e.rmseBins))])
            }
            var fields: [(String, JSON)] = [
                ("parameters", .array(fit.parameters.weights.map(JSON.double))), ("items", .int(fit.items)),
                ("default", evaluation(fit.defaultEvaluation)), ("fitted", evaluation(fit.fittedEvaluation)),
                ("outcome", .string(Self.outcomeName(fit.outcome))), ("saved", .bool(saved)),
            ]
            if let reviews { fields += [("reviews", .int(reviews.reviews)), ("cards", .int(reviews.cards))] }
            print(JSON.object(fields).text)
        case .text:
            print(FSRSFitReport(fit: fit, reviews: reviews, saved: saved, wantedSave: save).text)
        }
    }

    static func outcomeName(_ outcome: FSRSFit.Outcome) -> String {
        switch outcome {
        case .notEnoughData: "not_enough_data"
        case .initialStabilitiesOnly: "initial_stabilities_only"
        case .fitted: "fitted"
        }
    }
}

/// `quiz fsrs evaluate`: how well parameters predict the review history.
struct FSRSEvaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Log loss and RMSE(bins) of FSRS-6 parameters on your review history (fsrs-rs's definitions).",
        discussion: """
            Without --parameters: the parameters in force in the store (the defaults with --items). \
            Lower is better for both; RMSE(bins) compares predicted and actual recall over groups of \
            similar reviews.
            """)

    @OptionGroup var source: FSRSItemSource

    @Option(help: ArgumentHelp("The 21 parameters to evaluate, comma-separated.", valueName: "w0,…,w20"))
    var parameters: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        var chosen: FSRSParameters?
        if let parameters {
            chosen = try Self.parse(parameters)
        }
        let items: [FSRSItem]
        if let fileItems = try source.fileItems() {
            items = fileItems
        } else {
            let (store, history) = try source.storeHistory()
            items = history.items
            if chosen == nil {
                do { chosen = try store.parametersInForce() } catch { throw CommandFailure("\(error)") }
            }
        }
        guard !items.isEmpty else {
            throw CommandFailure(
                "no items to evaluate: no card has reviews on two different days yet", exitCode: 1)
        }
        let evaluation = FSRSEvaluation(parameters: chosen ?? .default, items: items)
        switch format {
        case .json:
            print(
                JSON.object([
                    ("log_loss", .double(evaluation.logLoss)), ("rmse_bins", .double(evaluation.rmseBins)),
                    ("items", .int(evaluation.items)),
                ]).text)
        case .text:
            print(
                "log loss \(FSRSFitReport.fixed(evaluation.logLoss, 4)) · RMSE(bins) "
                    + "\(FSRSFitReport.fixed(evaluation.rmseBins * 100, 2))% · \(evaluation.items) items")
        }
    }

    /// `w0,…,w20` as validated parameters.
    static func parse(_ text: String) throws -> FSRSParameters {
        let fields = text.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        let values = fields.map { Double($0) }
        if let bad = values.firstIndex(where: { $0 == nil || !$0!.isFinite }) {
            throw CommandFailure(
                "--parameters: '\(CommandLineText.excerpt(fields[bad]))' (position \(bad)) is not a number; "
                    + "give 21 comma-separated numbers w0,…,w20")
        }
        do {
            return try FSRSParameters(weights: values.map { $0! })
        } catch {
            throw CommandFailure("--parameters: \(error)")
        }
    }
}
