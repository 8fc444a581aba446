/// The shape of benchmark data.
public enum BenchmarkInput: String, Sendable, Hashable, Codable, CaseIterable {
    /// Uniformly random values.
    case random
    /// The random values, ascending.
    case sorted
    /// The random values, descending.
    case reversed
    /// Values drawn from 8 distinct ones (many equal keys).
    case fewUnique = "few-unique"
}

/// One measurement: an algorithm against the standard library's `sort()` on copies of
/// the same data. JSON: `{"algorithm","input","n","seconds","stdlib_seconds"}` plus
/// `"min"`/`"max"`, the value range the data was drawn from.
public struct BenchmarkResult: Sendable, Hashable, Codable {
    public var algorithm: String
    public var input: BenchmarkInput
    public var n: Int
    /// Median seconds of the algorithm.
    public var seconds: Double
    /// Median seconds of `Array.sort()` on the same data in the same run.
    public var stdlibSeconds: Double
    /// The value range of the data (counting sort: ``AlgorithmEntry/benchmarkValueRange``).
    public var min: Int
    public var max: Int

    /// `seconds / stdlibSeconds`: below 1 is faster than the standard library.
    public var ratio: Double { stdlibSeconds > 0 ? seconds / stdlibSeconds : .infinity }

    private enum CodingKeys: String, CodingKey {
        case algorithm, input, n, seconds, stdlibSeconds = "stdlib_seconds", min, max
    }
}

/// Why a benchmark did not run or failed its check.
public struct BenchmarkError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: RawRepresentable, Hashable, Sendable {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The algorithm is quadratic on this input and n is above the limit.
        public static let tooLarge = Code(rawValue: "too-large")
        /// n or the number of runs is not positive.
        public static let invalidParameter = Code(rawValue: "invalid-parameter")
        /// The algorithm's output differs from the standard library's (a bug).
        public static let wrongResult = Code(rawValue: "wrong-result")

        /// Whether `error` is a `BenchmarkError` with this code.
        public static func ~= (code: Code, error: any Error) -> Bool {
            (error as? BenchmarkError)?.code == code
        }
    }

    public var code: Code
    public var message: String
    public var description: String { message }
}

/// Times catalog algorithms against the standard library's `sort()`, in the same
/// process on copies of the same data. Nothing is printed; the CLI renders results.
///
///     let entry = AlgorithmCatalog.entry(named: "radix-sort")!
///     let result = try Benchmark.run(entry, n: 1_000_000, input: .random)
///     print(result.ratio < 1)
///     // Prints "true"
///
/// Build in release mode: a debug build makes every generic algorithm many times
/// slower and the ratios meaningless.
public enum Benchmark {
    /// Algorithms with a quadratic average case refuse larger inputs.
    public static let quadraticLimit = 20_000
    /// The value range benchmark data is drawn from for `entry` (its ``AlgorithmEntry/benchmarkValueRange``).
    public static func valueRange(for entry: AlgorithmEntry) -> ClosedRange<Int> {
        entry.benchmarkValueRange
    }

    /// Whether `entry` would take quadratic time on `input` of size `n` beyond the limit.
    public static func refuses(_ entry: AlgorithmEntry, n: Int, input: BenchmarkInput) -> Bool {
        guard n > quadraticLimit else { return false }
        return entry.isQuadratic || (input == .fewUnique && entry.isQuadraticOnEqualKeys)
    }

    /// Measures `entry` and `Array.sort()` on the same `n` values, `runs` times each,
    /// alternating, and returns the medians.
    ///
    /// Each run sorts a fresh copy; only the sort is timed (`ContinuousClock`). After
    /// each run the output is checked against the standard library's: equal arrays for
    /// a sort; for quickselect, the selected median equals the sorted array's.
    ///
    /// - Throws: `BenchmarkError` `.tooLarge` for a quadratic algorithm (or Lomuto-based
    ///   on `few-unique`) with n above ``quadraticLimit``; `.invalidParameter` for n < 1
    ///   or runs < 1; `.wrongResult` if the output is wrong.
    /// - Complexity: `runs` times the algorithm plus `runs` standard sorts.
    public static func run(
        _ entry: AlgorithmEntry, n: Int, input: BenchmarkInput, runs: Int = 5, seed: UInt64 = 1
    ) throws(BenchmarkError) -> BenchmarkResult {
        guard n >= 1, runs >= 1 else {
            throw BenchmarkError(
                code: .invalidParameter, message: "n and runs must be at least 1, got n \(n), runs \(runs)")
        }
        if refuses(entry, n: n, input: input) {
            let why = entry.isQuadratic ? "its average case is \(entry.average)" : "it is O(n^2) on many equal keys"
            throw BenchmarkError(
                code: .tooLarge,
                message:
                    "'\(entry.name)' refuses n = \(n) on '\(input.rawValue)' input: \(why); the limit is \(quadraticLimit)"
            )
        }
        let range = valueRange(for: entry)
        let data = InputGenerator.benchmarkInput(n: n, kind: input, range: range, seed: seed)
        let clock = ContinuousClock()
        var times: [Duration] = []
        var stdlibTimes: [Duration] = []
        for _ in 0..<runs {
            var expected = data
            stdlibTimes.append(clock.measure { expected.sort() })
            var values = data
            times.append(clock.measure { entry.run(&values) })
            let correct: Bool
            if entry.kind == .selection {
                let rank = AlgorithmEntry.defaultRank(count: n)
                correct = values[rank - 1] == expected[rank - 1]
            } else {
                correct = values == expected
            }
            guard correct else {
                throw BenchmarkError(
                    code: .wrongResult,
                    message: "'\(entry.name)' produced a wrong result on '\(input.rawValue)' input of \(n) values")
            }
        }
        return BenchmarkResult(
            algorithm: entry.name, input: input, n: n, seconds: seconds(median(times)),
            stdlibSeconds: seconds(median(stdlibTimes)), min: range.lowerBound, max: range.upperBound)
    }

    static func median(_ durations: [Duration]) -> Duration {
        durations.sorted()[durations.count / 2]
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}
