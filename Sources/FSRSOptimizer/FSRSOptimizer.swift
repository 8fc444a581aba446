import Foundation
import QuizEngine
import SeededRandom

/// Fits the 21 FSRS-6 parameters to a review history, the way fsrs-rs (the optimizer Anki
/// uses) does: first-review stabilities from the data, then mini-batch gradient descent.
///
/// The training follows fsrs-rs 6's: items weighted by recency; batches of 512 items in a
/// seeded order per epoch; 5 epochs of Adam (learning rate 0.04 on a cosine schedule, ε 1e-8)
/// on the summed weighted cross-entropy plus an L2 pull towards the starting parameters
/// scaled by each parameter's spread across users; parameters clipped to their bounds after
/// every step; and the epoch with the lowest loss over all items kept. Gradients are exact
/// (derived by hand in ``MemoryModel``), in double precision.
public enum FSRSOptimizer {
    /// fsrs-rs's minimum: with fewer training items it keeps the defaults.
    public static let minimumItems = 8
    /// fsrs-rs's threshold for gradient descent: with fewer items only w0-w3 are estimated.
    public static let minimumItemsForDescent = 64

    static let epochs = 5
    static let batchSize = 512
    static let learningRate = 0.04
    static let maximumReviews = 256
    static let penaltyWeight = 1.0
    static let seed: UInt64 = 2023
    /// fsrs-rs's spread of each parameter across users, scaling the L2 pull.
    static let parameterSpread: [Double] = [
        6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6, 0.12, 0.39, 0.18, 0.33, 0.3, 0.09, 0.16, 0.57, 0.25,
        1.03, 0.31, 0.32, 0.14, 0.27,
    ]

    /// Fits parameters to `items`, which must be ordered by the time of their last review.
    ///
    /// Deterministic: the same items give the same parameters.
    /// - Complexity: O(epochs × Σ item lengths).
    public static func fit(_ items: [FSRSItem]) -> FSRSFit {
        let defaults = FSRSParameters.default
        let defaultEvaluation = FSRSEvaluation(parameters: defaults, items: items)
        func result(_ outcome: FSRSFit.Outcome, _ weights: [Double], training: Int) -> FSRSFit {
            let parameters = rounded(weights)
            return FSRSFit(
                outcome: outcome, parameters: parameters, items: items.count, trainingItems: training,
                defaultEvaluation: defaultEvaluation,
                fittedEvaluation: outcome == .notEnoughData
                    ? defaultEvaluation : FSRSEvaluation(parameters: parameters, items: items))
        }
        let averageRecall =
            items.isEmpty ? 0 : Double(items.reduce(0) { $0 + ($1.current.rating > 1 ? 1 : 0) }) / Double(items.count)
        let (initialization, training) = OutlierFilter.filter(items)
        guard training.count >= minimumItems,
            let (stabilities, counts) = InitialStability.estimate(from: initialization, averageRecall: averageRecall)
        else { return result(.notEnoughData, defaults.weights, training: training.count) }
        let start = stabilities + Array(defaults.weights[4...])
        guard training.count != initialization.count, training.count >= minimumItemsForDescent else {
            return result(.initialStabilitiesOnly, start, training: training.count)
        }
        let weighted = zip(training, FSRSEvaluation.recencyWeights(count: training.count))
            .filter { $0.0.reviews.count <= maximumReviews }
        var trained = descend(from: start, items: weighted.map(\.0), weights: weighted.map(\.1))
        let trainedStabilities = Dictionary(uniqueKeysWithValues: (1...4).map { ($0, trained[$0 - 1]) })
        if let smoothed = InitialStability.smoothAndFill(trainedStabilities, counts: counts) {
            trained.replaceSubrange(0..<4, with: smoothed)
        }
        return result(.fitted, trained, training: training.count)
    }

    /// Adam over seeded mini-batches; returns the parameters of the epoch with the lowest loss.
    private static func descend(from start: [Double], items: [FSRSItem], weights: [Double]) -> [Double] {
        let count = items.count
        let batches = stride(from: 0, to: count, by: batchSize).map { $0..<min($0 + batchSize, count) }
        let totalSteps = Double((count / batchSize + 1) * epochs)
        var random = Xoshiro256StarStar(seed: seed)
        var w = start
        var adam = Adam(count: w.count)
        var best = start
        var bestLoss = Double.infinity
        var stepNumber = 0.0
        for _ in 0..<epochs {
            let order = Array(0..<count).shuffled(using: &random)
            for batch in batches.map({ Array(order[$0]) }) {
                stepNumber += 1
                let rate = learningRate * (1 + cos(Double.pi * stepNumber / totalSteps)) / 2
                let model = MemoryModel(w)
                let parts = TwoHalves.map(batch.indices) { half in
                    var steps: [MemoryModel.Step] = []
                    var gradient = [Double](repeating: 0, count: 21)
                    for index in batch[half] {
                        _ = model.lossAndGradient(items[index], weight: weights[index], steps: &steps, gradient: &gradient)
                    }
                    return gradient
                }
                var gradient = parts[0]
                for part in parts.dropFirst() { for i in gradient.indices { gradient[i] += part[i] } }
                let scale = penaltyWeight * Double(batch.count) / Double(count)
                for i in w.indices {
                    gradient[i] += 2 * (w[i] - start[i]) / (parameterSpread[i] * parameterSpread[i]) * scale
                }
                adam.step(&w, gradient: gradient, rate: rate)
                clip(&w)
            }
            let loss = totalLoss(w, start: start, items: items, weights: weights)
            if loss < bestLoss {
                bestLoss = loss
                best = w
            }
        }
        return best
    }

    /// The summed weighted loss plus each batch's penalty, as fsrs-rs's validation computes it.
    private static func totalLoss(
        _ w: [Double], start: [Double], items: [FSRSItem], weights: [Double]
    ) -> Double {
        let model = MemoryModel(w)
        let parts = TwoHalves.map(items.indices) { half in
            var loss = 0.0
            for index in half {
                loss += weights[index] * MemoryModel.crossEntropy(model.predict(items[index]), label: items[index].label)
            }
            return loss
        }
        var loss = parts.reduce(0, +)
        var distance = 0.0
        for i in w.indices { distance += (w[i] - start[i]) * (w[i] - start[i]) / (parameterSpread[i] * parameterSpread[i]) }
        // Each batch adds the penalty times its share of the items; the shares sum to 1.
        loss += penaltyWeight * distance
        return loss / Double(items.count)
    }

    static func clip(_ w: inout [Double]) {
        for i in w.indices {
            let bounds = FSRSParameters.bounds[i]
            w[i] = min(max(w[i], bounds.lowerBound), bounds.upperBound)
        }
    }

    /// Parameters rounded to 4 decimals (Anki shows and stores 4), kept within bounds.
    static func rounded(_ weights: [Double]) -> FSRSParameters {
        var w = weights.map { ($0 * 10_000).rounded() / 10_000 }
        clip(&w)
        // Rounding within bounds cannot fail validation.
        return (try? FSRSParameters(weights: w)) ?? .default
    }
}
