import SeededRandom

/// Deterministic inputs for traces and benchmarks.
///
/// The recipes are part of the course's contract: an instance of a trace question is
/// reproduced from its seed, so they must never change silently.
public enum InputGenerator {
    /// The input of a trace question: `size` values, each `uniform(in: min...max)`, drawn
    /// in order from `Xoshiro256StarStar(seed: seed)`.
    ///
    ///     print(InputGenerator.traceInput(size: 6, min: 0, max: 9, seed: 1))
    ///     // Prints "[7, 5, 5, 3, 6, 1]"
    ///
    /// - Complexity: O(size).
    public static func traceInput(size: Int, min: Int, max: Int, seed: UInt64) -> [Int] {
        var generator = Xoshiro256StarStar(seed: seed)
        return traceInput(size: size, min: min, max: max, using: &generator)
    }

    /// `size` values in `min...max` drawn from `generator`.
    public static func traceInput<G: RandomNumberGenerator>(
        size: Int, min: Int, max: Int, using generator: inout G
    ) -> [Int] {
        precondition(size >= 0 && min <= max, "traceInput: need size >= 0 and min <= max")
        return (0..<size).map { _ in generator.uniform(in: min...max) }
    }

    /// Benchmark data of `n` values of the given kind, from `Xoshiro256StarStar(seed:)`.
    ///
    /// - `random`: `n` values uniform in `range`;
    /// - `sorted` / `reversed`: the same values in ascending / descending order;
    /// - `few-unique`: `n` values drawn from 8 distinct values spread over `range`.
    ///
    /// - Parameter range: The value range; the default is every `Int`.
    /// - Complexity: O(n log n) for `sorted` and `reversed` (they sort), O(n) otherwise.
    public static func benchmarkInput(
        n: Int, kind: BenchmarkInput, range: ClosedRange<Int> = Int.min...Int.max, seed: UInt64 = 1
    ) -> [Int] {
        var generator = Xoshiro256StarStar(seed: seed)
        switch kind {
        case .random:
            return (0..<n).map { _ in generator.uniform(in: range) }
        case .sorted:
            var values = (0..<n).map { _ in generator.uniform(in: range) }
            values.sort()
            return values
        case .reversed:
            var values = (0..<n).map { _ in generator.uniform(in: range) }
            values.sort(by: >)
            return values
        case .fewUnique:
            let keys = (0..<8).map { _ in generator.uniform(in: range) }
            return (0..<n).map { _ in keys[Int(generator.uniform(below: 8))] }
        }
    }
}
