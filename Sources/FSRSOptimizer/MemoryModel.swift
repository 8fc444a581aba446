import Foundation

/// FSRS-6's memory model as fsrs-rs trains it: one review at a time, with what the backward
/// pass needs to differentiate the loss with respect to all 21 parameters.
///
/// fsrs-rs's training model differs from the scheduler's (py-fsrs's, in QuizEngine) in two
/// details that matter for fitting: a same-day Hard answer's stability multiplier is floored
/// at 1 (py-fsrs floors only Good and Easy), and states are clamped to S 0.001...36500 and
/// D 1...10 before every step. Fitted parameters are judged by fsrs-rs's evaluation, so this
/// model is fsrs-rs's.
struct MemoryModel {
    static let minimumStability = 0.001
    static let maximumStability = 36_500.0
    static let minimumDifficulty = 1.0
    static let maximumDifficulty = 10.0
    /// Probabilities are kept inside this margin so a log never sees 0.
    static let probabilityMargin = 1e-7

    let w: [Double]
    let decay: Double
    let factor: Double

    init(_ parameters: [Double]) {
        w = parameters
        decay = -parameters[20]
        factor = exp(log(0.9) / decay) - 1
    }

    /// A memory state; `s == 0` before the first review.
    struct State {
        var s: Double
        var d: Double
    }

    /// Everything about one step the backward pass reads.
    struct Step {
        var stateS: Double
        var stateD: Double
        var lastS: Double
        var lastD: Double
        var deltaT: Double
        var rating: Int
        var r: Double
        var failureRaw: Double
        var failureFloor: Double
        var shortRaw: Double
        var isFirst: Bool
        var preClampS: Double
        var meanD: Double
    }

    /// Retrievability after `t` days at stability `s`: (1 + factor·t/s)^decay.
    @inline(__always)
    func retrievability(_ t: Double, _ s: Double) -> Double {
        // A same-day review (t = 0) is certain; skipping pow there saves a fifth of the work.
        t <= 0 ? 1 : pow(1 + factor * t / s, decay)
    }

    @inline(__always)
    func initialDifficulty(_ rating: Int) -> Double {
        w[4] - exp(w[5] * Double(rating - 1)) + 1
    }

    /// The state after a review with `rating` taken `deltaT` days after the previous one.
    func step(_ state: State, deltaT: Double, rating: Int, isFirst: Bool) -> (State, Step) {
        let lastS = min(max(state.s, Self.minimumStability), Self.maximumStability)
        let lastD = min(max(state.d, Self.minimumDifficulty), Self.maximumDifficulty)
        let r = retrievability(deltaT, lastS)
        var cache = Step(
            stateS: state.s, stateD: state.d, lastS: lastS, lastD: lastD, deltaT: deltaT, rating: rating, r: r,
            failureRaw: 0, failureFloor: 0, shortRaw: 0, isFirst: isFirst, preClampS: 0, meanD: 0)
        var newS: Double
        var newD: Double
        if isFirst {
            newS = w[rating - 1]
            newD = min(max(initialDifficulty(rating), Self.minimumDifficulty), Self.maximumDifficulty)
        } else {
            if deltaT == 0 {
                let raw = exp(w[17] * (Double(rating) - 3 + w[18])) * pow(lastS, -w[19])
                cache.shortRaw = raw
                newS = lastS * (rating >= 2 ? max(raw, 1) : raw)
            } else if rating == 1 {
                cache.failureRaw =
                    w[11] * pow(lastD, -w[12]) * (pow(lastS + 1, w[13]) - 1) * exp((1 - r) * w[14])
                cache.failureFloor = lastS / exp(w[17] * w[18])
                newS = min(cache.failureRaw, cache.failureFloor)
            } else {
                let hardPenalty = rating == 2 ? w[15] : 1
                let easyBonus = rating == 4 ? w[16] : 1
                let increase =
                    exp(w[8]) * (11 - lastD) * pow(lastS, -w[9]) * (exp((1 - r) * w[10]) - 1) * hardPenalty
                    * easyBonus
                newS = lastS * (increase + 1)
            }
            let nextD = lastD + (10 - lastD) * (-w[6] * Double(rating - 3)) / 9
            cache.meanD = w[7] * (initialDifficulty(4) - nextD) + nextD
            newD = min(max(cache.meanD, Self.minimumDifficulty), Self.maximumDifficulty)
        }
        cache.preClampS = newS
        return (State(s: min(max(newS, Self.minimumStability), Self.maximumStability), d: newD), cache)
    }

    /// Binary cross-entropy of predicting `raw` for `label` (1 recalled, 0 forgotten), with the
    /// prediction kept `probabilityMargin` away from 0 and 1.
    static func crossEntropy(_ raw: Double, label: Double) -> Double {
        let r = min(max(raw, probabilityMargin), 1 - probabilityMargin)
        return -(label * log(r) + (1 - label) * log(1 - r))
    }

    /// The predicted probability of recalling `item`'s last review.
    func predict(_ item: FSRSItem) -> Double {
        item.reviews.withUnsafeBufferPointer { reviews in
            var state = State(s: 0, d: 0)
            for index in 0..<(reviews.count - 1) {
                let review = reviews[index]
                state = step(state, deltaT: Double(review.deltaT), rating: review.rating, isFirst: index == 0).0
            }
            return retrievability(Double(reviews[reviews.count - 1].deltaT), state.s)
        }
    }

    /// Weighted binary cross-entropy of `item`, adding its gradient into `gradient`.
    ///
    /// - Complexity: O(n) for an item of n reviews.
    func lossAndGradient(_ item: FSRSItem, weight: Double, steps: inout [Step], gradient: inout [Double]) -> Double {
        steps.removeAll(keepingCapacity: true)
        var state = State(s: 0, d: 0)
        item.reviews.withUnsafeBufferPointer { reviews in
            for index in 0..<(reviews.count - 1) {
                let review = reviews[index]
                let (next, cache) = step(state, deltaT: Double(review.deltaT), rating: review.rating, isFirst: index == 0)
                steps.append(cache)
                state = next
            }
        }
        let t = Double(item.current.deltaT)
        let rawR = retrievability(t, state.s)
        let label = item.label
        let loss = weight * Self.crossEntropy(rawR, label: label)
        // Where the margin clamps the prediction, the loss no longer depends on the parameters.
        guard rawR > Self.probabilityMargin, rawR < 1 - Self.probabilityMargin else { return loss }
        let gR = -weight * (label / rawR - (1 - label) / (1 - rawR))
        var gS = curveBackward(t: t, s: state.s, r: rawR, gR: gR, gradient: &gradient)
        var gD = 0.0
        for cache in steps.reversed() {
            (gS, gD) = stepBackward(cache, gS: gS, gD: gD, gradient: &gradient)
        }
        return loss
    }

    /// Backpropagates through R = (1 + factor·t/s)^decay; returns dL/ds and adds dL/dw20.
    private func curveBackward(t: Double, s: Double, r: Double, gR: Double, gradient: inout [Double]) -> Double {
        guard gR != 0 else { return 0 }
        let base = 1 + factor * max(t, 0) / s
        let dBaseDS = -max(t, 0) * factor / (s * s)
        let c = log(0.9)
        let dFactorDDecay = exp(c / decay) * (-c / (decay * decay))
        let dRDDecay = r * (log(base) + decay / base * (max(t, 0) / s * dFactorDDecay))
        gradient[20] -= gR * dRDDecay
        return gR * r * decay / base * dBaseDS
    }

    /// Backpropagates one step: from dL/d(new S, new D) to dL/d(previous S, D), adding the
    /// parameters' part into `gradient`. Clamps stop the gradient at their bounds, as in fsrs-rs.
    private func stepBackward(_ c: Step, gS gOutS: Double, gD gOutD: Double, gradient g: inout [Double]) -> (
        Double, Double
    ) {
        let gPreS =
            (c.preClampS > Self.minimumStability && c.preClampS < Self.maximumStability) ? gOutS : 0
        if c.isFirst {
            g[c.rating - 1] += gPreS
            let rawD = initialDifficulty(c.rating)
            if rawD > Self.minimumDifficulty, rawD < Self.maximumDifficulty, gOutD != 0 {
                let offset = Double(c.rating - 1)
                g[4] += gOutD
                g[5] += gOutD * -offset * exp(offset * w[5])
            }
            return (0, 0)
        }
        let s = c.lastS
        let d = c.lastD
        let r = c.r
        var gS = 0.0
        var gD = 0.0
        var gR = 0.0
        if gPreS != 0 {
            if c.deltaT == 0 {
                let raw = c.shortRaw
                if c.rating >= 2 && raw < 1 {
                    gS += gPreS
                } else {
                    let q = Double(c.rating) - 3 + w[18]
                    g[17] += gPreS * s * raw * q
                    g[18] += gPreS * s * raw * w[17]
                    g[19] += gPreS * s * raw * -log(s)
                    gS += gPreS * raw * (1 - w[19])
                }
            } else if c.rating == 1 {
                if c.failureFloor < c.failureRaw {
                    let floor = c.failureFloor
                    g[17] += gPreS * floor * -w[18]
                    g[18] += gPreS * floor * -w[17]
                    gS += gPreS * floor / s
                } else {
                    let raw = c.failureRaw
                    let base = s + 1
                    let power = pow(base, w[13])
                    let dPower = pow(d, -w[12])
                    let recall = exp((1 - r) * w[14])
                    g[11] += gPreS * dPower * (power - 1) * recall
                    g[12] += gPreS * raw * -log(d)
                    g[13] += gPreS * w[11] * dPower * recall * power * log(base)
                    g[14] += gPreS * raw * (1 - r)
                    gS += gPreS * w[11] * dPower * recall * w[13] * power / base
                    gD += gPreS * raw * (-w[12] / d)
                    gR += gPreS * raw * -w[14]
                }
            } else {
                let a = exp(w[8])
                let b = 11 - d
                let cS = pow(s, -w[9])
                let expE = exp((1 - r) * w[10])
                let e = expE - 1
                let hardPenalty = c.rating == 2 ? w[15] : 1
                let easyBonus = c.rating == 4 ? w[16] : 1
                let increase = a * b * cS * e * hardPenalty * easyBonus
                let gIncrease = gPreS * s
                gS += gPreS * (increase + 1) + gIncrease * increase * (-w[9] / s)
                gD += -gIncrease * a * cS * e * hardPenalty * easyBonus
                gR += gIncrease * a * b * cS * hardPenalty * easyBonus * (-w[10] * expE)
                g[8] += gIncrease * increase
                g[9] += gIncrease * increase * -log(s)
                g[10] += gIncrease * a * b * cS * hardPenalty * easyBonus * (1 - r) * expE
                if c.rating == 2 { g[15] += gIncrease * a * b * cS * e * easyBonus }
                if c.rating == 4 { g[16] += gIncrease * a * b * cS * e * hardPenalty }
            }
        }
        if gOutD != 0, c.meanD > Self.minimumDifficulty, c.meanD < Self.maximumDifficulty {
            let ratingMinus3 = Double(c.rating - 3)
            let deltaD = -w[6] * ratingMinus3
            let nextD = d + (10 - d) * deltaD / 9
            g[7] += gOutD * (initialDifficulty(4) - nextD)
            g[4] += gOutD * w[7]
            g[5] += gOutD * w[7] * -3 * exp(3 * w[5])
            let gNext = gOutD * (1 - w[7])
            g[6] += gNext * (10 - d) * -ratingMinus3 / 9
            gD += gNext * (1 - deltaD / 9)
        }
        gS += curveBackward(t: c.deltaT, s: s, r: r, gR: gR, gradient: &g)
        let gStateS = (c.stateS > Self.minimumStability && c.stateS < Self.maximumStability) ? gS : 0
        let gStateD = (c.stateD > Self.minimumDifficulty && c.stateD < Self.maximumDifficulty) ? gD : 0
        return (gStateS, gStateD)
    }
}
