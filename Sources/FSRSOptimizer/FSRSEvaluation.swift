import Foundation
import QuizEngine

/// How well a set of parameters predicts a review history, by fsrs-rs's definitions.
public struct FSRSEvaluation: Hashable, Sendable {
    /// Binary cross-entropy of the predicted recall probabilities, each item weighted by
    /// recency (see ``recencyWeights(count:)``): Σ wᵢ·lossᵢ / Σ wᵢ.
    public var logLoss: Double
    /// Root mean squared error between predicted and actual recall over bins of items alike
    /// in interval, review count and lapse count (fsrs-rs's "RMSE (bins)"): each bin compares
    /// its mean prediction with its recall rate and counts by its items' recency weights.
    public var rmseBins: Double
    /// The items evaluated.
    public var items: Int

    /// Evaluates `parameters` on `items`, which must be ordered by the time of their last
    /// review (the recency weights follow that order).
    ///
    /// - Complexity: O(total reviews).
    public init(parameters: FSRSParameters, items: [FSRSItem]) {
        self.init(weights: parameters.weights, items: items)
    }

    init(weights: [Double], items: [FSRSItem]) {
        let model = MemoryModel(weights)
        let recency = Self.recencyWeights(count: items.count)
        var weightedLoss = 0.0
        var weightSum = 0.0
        // Bins kept in the order they first appear, and summed in it: a Dictionary's iteration
        // order differs from one instance to the next, and so would the sum's last bits.
        var binPositions: [Bin: Int] = [:]
        var bins: [(predicted: Double, actual: Double, count: Double, weight: Double)] = []
        for (item, weight) in zip(items, recency) {
            let raw = model.predict(item)
            let label = item.label
            weightedLoss += weight * MemoryModel.crossEntropy(raw, label: label)
            weightSum += weight
            let bin = Bin(item)
            let position: Int
            if let known = binPositions[bin] {
                position = known
            } else {
                position = bins.count
                binPositions[bin] = position
                bins.append((0, 0, 0, 0))
            }
            bins[position].predicted += raw
            bins[position].actual += label
            bins[position].count += 1
            bins[position].weight += weight
        }
        logLoss = weightSum > 0 ? weightedLoss / weightSum : 0
        var squared = 0.0
        var total = 0.0
        for bin in bins {
            let gap = bin.predicted / bin.count - bin.actual / bin.count
            squared += gap * gap * bin.weight
            total += bin.weight
        }
        rmseBins = total > 0 ? (squared / total).squareRoot() : 0
        self.items = items.count
    }

    /// fsrs-rs's recency weights: 0.25 for the oldest item rising as the cube to 1 for the
    /// newest, so recent behaviour counts four times as much as the oldest.
    static func recencyWeights(count: Int) -> [Double] {
        let last = Double(max(count - 1, 1))
        return (0..<count).map { 0.25 + 0.75 * pow(Double($0) / last, 3) }
    }

    /// An RMSE bin: the predicted review's interval, the card's review count and its lapse
    /// count, each rounded onto a geometric grid (fsrs-rs's constants).
    struct Bin: Hashable {
        var interval: Int
        var length: Int
        var lapses: Int

        init(_ item: FSRSItem) {
            let deltaT = Double(item.current.deltaT)
            interval = Int((2.48 * pow(3.62, floor(log(deltaT) / log(3.62))) * 100).rounded())
            let length = Double(item.longTermReviewCount + 1)
            self.length = Int((1.99 * pow(1.89, floor(log(length) / log(1.89)))).rounded())
            let lapseCount = item.reviews.dropLast().reduce(0) { $0 + ($1.rating == 1 && $1.deltaT > 0 ? 1 : 0) }
            lapses = lapseCount == 0 ? 0 : Int((1.65 * pow(1.73, floor(log(Double(lapseCount)) / log(1.73)))).rounded())
        }
    }
}
