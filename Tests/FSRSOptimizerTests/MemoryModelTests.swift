import QuizEngine
import Testing

@testable import FSRSOptimizer

@Suite struct MemoryModelTests {
    static func item(_ pairs: [(Int, Int)]) -> FSRSItem {
        FSRSItem(unchecked: pairs.map { FSRSItem.Review(rating: $0.0, deltaT: $0.1) })
    }

    /// Histories that take every branch: first ratings 1-4, same-day Again/Hard/Good/Easy,
    /// success with Hard/Good/Easy, lapses (raw and floored), recalled and forgotten targets.
    static let items: [FSRSItem] = [
        item([(3, 0), (3, 3)]),
        item([(1, 0), (3, 0), (3, 2), (1, 7)]),
        item([(2, 0), (2, 0), (4, 4), (2, 10), (3, 25)]),
        item([(4, 0), (1, 12), (1, 0), (3, 0), (3, 4), (4, 9)]),
        item([(3, 0), (4, 0), (1, 30), (2, 1), (3, 3), (1, 6)]),
        item([(1, 0), (1, 0), (1, 0), (2, 1), (1, 2)]),
    ]

    static let parameterSets: [[Double]] = [
        FSRSParameters.defaultWeights,
        [0.6, 2.4, 5.5, 16.0, 5.8, 0.6, 2.2, 0.02, 2.1, 0.12, 1.1, 1.2, 0.08, 0.35, 1.9, 0.45, 2.4, 0.35, 0.25, 0.1, 0.35],
        [0.1, 0.8, 1.6, 5.0, 7.2, 1.1, 3.6, 0.05, 1.5, 0.22, 0.6, 1.8, 0.05, 0.18, 1.3, 0.7, 1.5, 1.7, 0.9, 0.03, 0.6],
    ]

    static func loss(_ w: [Double]) -> Double {
        let model = MemoryModel(w)
        var steps: [MemoryModel.Step] = []
        var ignored = [Double](repeating: 0, count: 21)
        return items.enumerated().reduce(0) { sum, pair in
            sum + model.lossAndGradient(pair.element, weight: 0.25 + Double(pair.offset) / 8, steps: &steps, gradient: &ignored)
        }
    }

    @Test("the hand-derived gradient equals central differences", arguments: parameterSets)
    func gradientMatchesFiniteDifferences(_ w: [Double]) {
        let model = MemoryModel(w)
        var steps: [MemoryModel.Step] = []
        var gradient = [Double](repeating: 0, count: 21)
        for (offset, item) in Self.items.enumerated() {
            _ = model.lossAndGradient(item, weight: 0.25 + Double(offset) / 8, steps: &steps, gradient: &gradient)
        }
        for index in 0..<21 {
            let h = max(abs(w[index]), 0.01) * 1e-6
            var plus = w
            var minus = w
            plus[index] += h
            minus[index] -= h
            let numeric = (Self.loss(plus) - Self.loss(minus)) / (2 * h)
            let scale = max(1, abs(numeric), abs(gradient[index]))
            #expect(abs(numeric - gradient[index]) / scale < 1e-5, "w[\(index)]: analytic \(gradient[index]), numeric \(numeric)")
        }
    }

    @Test func predictionUsesTheHistoryBeforeTheLastReview() {
        let model = MemoryModel(FSRSParameters.defaultWeights)
        // After a first Good, stability is w2; three days later R = (1 + factor·3/w2)^decay.
        let w = FSRSParameters.defaultWeights
        let factor = pow(0.9, 1 / -w[20]) - 1
        let expected = pow(1 + factor * 3 / w[2], -w[20])
        #expect(abs(model.predict(Self.item([(3, 0), (1, 3)])) - expected) < 1e-12)
    }
}

import Foundation
