/// Timing helpers: medians of repeated runs on a monotonic clock.
enum Measure {
    /// Runs the bodies in turn, `runs` rounds, and returns each one's median in seconds.
    ///
    /// Interleaving puts every contestant under the same machine load, so ratios stay honest
    /// even when something else runs.
    static func interleaved(runs: Int, _ bodies: [() -> Void]) -> [Double] {
        var samples = Array(repeating: [Double](), count: bodies.count)
        let clock = ContinuousClock()
        for _ in 0..<runs {
            for (index, body) in bodies.enumerated() {
                samples[index].append(seconds(clock.measure(body)))
            }
        }
        return samples.map { $0.sorted()[$0.count / 2] }
    }

    /// Runs `body` `runs` times and returns the median duration in seconds.
    static func median(runs: Int, _ body: () -> Void) -> Double {
        var samples: [Double] = []
        let clock = ContinuousClock()
        for _ in 0..<runs {
            let elapsed = clock.measure(body)
            samples.append(seconds(elapsed))
        }
        samples.sort()
        return samples[samples.count / 2]
    }

    static func seconds(_ duration: Duration) -> Double {
        let (whole, attoseconds) = duration.components
        return Double(whole) + Double(attoseconds) / 1e18
    }

    static func format(_ seconds: Double) -> String {
        if seconds < 1e-3 { return String(format3: seconds * 1e6) + " µs" }
        if seconds < 1 { return String(format3: seconds * 1e3) + " ms" }
        return String(format3: seconds) + " s"
    }
}

extension String {
    /// A number with three significant decimals, without Foundation.
    init(format3 value: Double) {
        let scaled = (value * 1000).rounded()
        let whole = Int(scaled / 1000)
        let fraction = Int(abs(scaled).truncatingRemainder(dividingBy: 1000))
        let digits = String(fraction)
        self = "\(whole).\(String(repeating: "0", count: 3 - digits.count))\(digits)"
    }
}

extension String {
    /// The string right-aligned in `width` columns (numbers in the benchmark tables).
    func rightAligned(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
