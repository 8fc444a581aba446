import FSRSOptimizer
import QuizEngine

/// `quiz fsrs optimize`'s text: what was fitted from what, the parameters, and how the
/// defaults and the fitted parameters score on the same items.
public struct FSRSFitReport {
    public var fit: FSRSFit
    /// The reviews and cards read from a store; nil for an items file.
    public var reviews: (reviews: Int, cards: Int)?
    public var saved: Bool
    /// Whether `--save` was asked for (a fit without enough data is not saved).
    public var wantedSave: Bool

    public init(fit: FSRSFit, reviews: (reviews: Int, cards: Int)?, saved: Bool, wantedSave: Bool) {
        self.fit = fit
        self.reviews = reviews
        self.saved = saved
        self.wantedSave = wantedSave
    }

    public var text: String {
        let source =
            reviews.map { "\($0.reviews) reviews of \($0.cards) cards (\(fit.items) items)" } ?? "\(fit.items) items"
        var lines: [String] = []
        switch fit.outcome {
        case .notEnoughData:
            return """
                Not enough history to fit: \(source), \(fit.trainingItems) left after the outlier filter; \
                fsrs-rs needs at least \(FSRSOptimizer.minimumItems) (and about 1,000 reviews before fitted \
                parameters reliably beat the defaults). Kept the current parameters\(wantedSave ? "; nothing saved" : "").
                """
        case .initialStabilitiesOnly:
            lines.append(
                "Fitted the first-review stabilities (w0-w3) to \(source); fewer than "
                    + "\(FSRSOptimizer.minimumItemsForDescent) training items, so w4-w20 stay the defaults.")
        case .fitted:
            lines.append("Fitted all 21 FSRS-6 parameters to \(source).")
        }
        lines.append("")
        let values = fit.parameters.weights.map { Self.fixed($0, 4) }
        lines.append("  w0-w6    " + values[0...6].joined(separator: ", "))
        lines.append("  w7-w13   " + values[7...13].joined(separator: ", "))
        lines.append("  w14-w20  " + values[14...20].joined(separator: ", "))
        lines.append("")
        lines.append("              log loss   RMSE(bins)")
        for (name, evaluation) in [("defaults", fit.defaultEvaluation), ("fitted", fit.fittedEvaluation)] {
            lines.append(
                "  " + name.padding(10) + "  " + Self.fixed(evaluation.logLoss, 4) + "     "
                    + Self.fixed(evaluation.rmseBins * 100, 2) + "%")
        }
        if saved {
            lines += ["", "Saved: quiz review, info and stats schedule with these parameters from now on."]
        } else if reviews != nil {
            lines += ["", "Not saved: run 'quiz fsrs optimize --save' to schedule with them."]
        }
        return lines.joined(separator: "\n")
    }

    /// `value` with exactly `digits` decimals.
    public static func fixed(_ value: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((abs(value) * scale).rounded())
        let whole = scaled / Int(scale)
        var fraction = String(scaled % Int(scale))
        while fraction.count < digits { fraction = "0" + fraction }
        return (value < 0 && scaled != 0 ? "-" : "") + "\(whole)" + (digits > 0 ? "." + fraction : "")
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
