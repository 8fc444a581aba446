import Foundation

/// Adam with bias correction, as burn's (β₁ 0.9, β₂ 0.999, ε 1e-8).
struct Adam {
    var firstMoment: [Double]
    var secondMoment: [Double]
    var time = 0.0

    init(count: Int) {
        firstMoment = [Double](repeating: 0, count: count)
        secondMoment = [Double](repeating: 0, count: count)
    }

    mutating func step(_ w: inout [Double], gradient: [Double], rate: Double) {
        time += 1
        let beta1 = 0.9
        let beta2 = 0.999
        let correction1 = 1 - pow(beta1, time)
        let correction2 = 1 - pow(beta2, time)
        for i in w.indices {
            firstMoment[i] = beta1 * firstMoment[i] + (1 - beta1) * gradient[i]
            secondMoment[i] = beta2 * secondMoment[i] + (1 - beta2) * gradient[i] * gradient[i]
            let m = firstMoment[i] / correction1
            let v = secondMoment[i] / correction2
            w[i] -= rate * m / (v.squareRoot() + 1e-8)
        }
    }
}
