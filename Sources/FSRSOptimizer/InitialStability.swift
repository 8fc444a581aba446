import Foundation
import QuizEngine

/// The first four parameters (stability after a first Again, Hard, Good, Easy), estimated
/// before gradient descent from the cards' first long-term reviews, as fsrs-rs does.
///
/// For each first rating, the items with exactly one long-term review are grouped by the
/// interval to it; the recall rate per interval (smoothed towards the overall recall rate)
/// is fitted with the forgetting curve by a ternary search over 0.001...100 days, with a small
/// pull towards the default. Ratings without data are then filled in from the others with
/// fsrs-rs's fixed ratios, and the four are made non-decreasing.
enum InitialStability {
    static let maximum = 100.0

    /// Stabilities for ratings 1-4 and how many items each rating's estimate used.
    ///
    /// - Returns: nil when no first rating has any data.
    /// - Complexity: O(n + g·k) for n items, g interval groups and k = 1,000 search steps.
    static func estimate(from items: [FSRSItem], averageRecall: Double) -> (stabilities: [Double], counts: [Int: Int])? {
        var groups: [Int: [Int: (passed: Int, count: Int)]] = [:]
        for item in items where item.longTermReviewCount == 1 {
            guard let review = item.firstLongTermReview else { continue }
            var entry = groups[item.reviews[0].rating, default: [:]][review.deltaT, default: (0, 0)]
            entry.count += 1
            entry.passed += review.rating > 1 ? 1 : 0
            groups[item.reviews[0].rating, default: [:]][review.deltaT] = entry
        }
        var counts: [Int: Int] = [:]
        var stabilities: [Int: Double] = [:]
        for (rating, byInterval) in groups {
            let points = byInterval.sorted { $0.key < $1.key }.map { interval, tally in
                let count = Double(tally.count)
                let recall = (Double(tally.passed) + averageRecall) / (count + 1)
                return (t: Double(interval), recall: recall, count: count)
            }
            counts[rating] = byInterval.values.reduce(0) { $0 + $1.count }
            stabilities[rating] = search(points, defaultStability: FSRSParameters.defaultWeights[rating - 1])
        }
        guard let filled = smoothAndFill(stabilities, counts: counts) else { return nil }
        return (filled, counts)
    }

    /// The stability minimising the count-weighted log loss of `points`, plus |s - default|/16.
    private static func search(_ points: [(t: Double, recall: Double, count: Double)], defaultStability: Double) -> Double {
        let decay = -FSRSParameters.defaultWeights[20]
        let factor = pow(0.9, 1 / decay) - 1
        func loss(_ s: Double) -> Double {
            var total = 0.0
            for point in points {
                let predicted = pow(point.t / s * factor + 1, decay)
                total -= (point.recall * log(predicted) + (1 - point.recall) * log(1 - predicted)) * point.count
            }
            return total + abs(s - defaultStability) / 16
        }
        var low = MemoryModel.minimumStability
        var high = maximum
        var best = defaultStability
        var iteration = 0
        while high - low > Double.ulpOfOne, iteration < 1000 {
            iteration += 1
            let third1 = low + (high - low) / 3
            let third2 = high - (high - low) / 3
            if loss(third1) < loss(third2) { high = third2 } else { low = third1 }
            best = (high + low) / 2
        }
        return best
    }

    /// Makes the estimates non-decreasing in rating (the better-supported one wins) and fills
    /// the missing ratings from the present ones with fsrs-rs's ratios; clamps to 0.001...100.
    static func smoothAndFill(_ estimates: [Int: Double], counts: [Int: Int]) -> [Double]? {
        var stability = estimates.filter { counts[$0.key] != nil }
        for (small, big) in [(1, 2), (2, 3), (3, 4), (1, 3), (2, 4), (1, 4)] {
            guard let smallValue = stability[small], let bigValue = stability[big], smallValue > bigValue else {
                continue
            }
            if counts[small, default: 0] > counts[big, default: 0] {
                stability[big] = smallValue
            } else {
                stability[small] = bigValue
            }
        }
        let w1 = 0.41
        let w2 = 0.54
        var s: [Double?] = [nil, stability[1], stability[2], stability[3], stability[4]]
        switch stability.count {
        case 0:
            return nil
        case 1:
            let (rating, value) = stability.first!
            let scale = value / FSRSParameters.defaultWeights[rating - 1]
            s = [nil] + FSRSParameters.defaultWeights[0..<4].map { $0 * scale }.sorted()
        case 2:
            switch (s[1], s[2], s[3], s[4]) {
            case (nil, nil, let r3?, let r4?):
                let r2 = pow(r3, 1 / (1 - w2)) * pow(r4, 1 - 1 / (1 - w2))
                s[2] = r2
                s[1] = pow(r2, 1 / w1) * pow(r3, 1 - 1 / w1)
            case (nil, let r2?, nil, let r4?):
                let r3 = pow(r2, 1 - w2) * pow(r4, w2)
                s[3] = r3
                s[1] = pow(r2, 1 / w1) * pow(r3, 1 - 1 / w1)
            case (nil, let r2?, let r3?, nil):
                s[4] = pow(r2, 1 - 1 / w2) * pow(r3, 1 / w2)
                s[1] = pow(r2, 1 / w1) * pow(r3, 1 - 1 / w1)
            case (let r1?, nil, nil, let r4?):
                let k = w1 + w2 - w1 * w2
                s[2] = pow(r1, w1 / k) * pow(r4, 1 - w1 / k)
                s[3] = pow(r1, 1 - w2 / k) * pow(r4, w2 / k)
            case (let r1?, nil, let r3?, nil):
                let r2 = pow(r1, w1) * pow(r3, 1 - w1)
                s[2] = r2
                s[4] = pow(r2, 1 - 1 / w2) * pow(r3, 1 / w2)
            case (let r1?, let r2?, nil, nil):
                let r3 = pow(r1, 1 - 1 / (1 - w1)) * pow(r2, 1 / (1 - w1))
                s[3] = r3
                s[4] = pow(r2, 1 - 1 / w2) * pow(r3, 1 / w2)
            default:
                break
            }
        case 3:
            if s[1] == nil, let r2 = s[2], let r3 = s[3] {
                s[1] = pow(r2, 1 / w1) * pow(r3, 1 - 1 / w1)
            } else if s[2] == nil, let r1 = s[1], let r3 = s[3] {
                s[2] = pow(r1, w1) * pow(r3, 1 - w1)
            } else if s[3] == nil, let r2 = s[2], let r4 = s[4] {
                s[3] = pow(r2, 1 - w2) * pow(r4, w2)
            } else if s[4] == nil, let r2 = s[2], let r3 = s[3] {
                s[4] = pow(r2, 1 - 1 / w2) * pow(r3, 1 / w2)
            }
        default:
            break
        }
        let values = s.compactMap { $0 }
        guard values.count == 4 else { return nil }
        return values.map { min(max($0, MemoryModel.minimumStability), maximum) }
    }
}
