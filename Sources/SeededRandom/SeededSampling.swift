// Our own bounded integers and shuffle, so seeded results never depend on the
// standard library's sampling algorithms.

extension RandomNumberGenerator {
    /// Returns a uniformly distributed integer in `0..<bound`, by Daniel Lemire's
    /// nearly divisionless method ("Fast Random Integer Generation in an Interval",
    /// ACM TOMACS, 2019).
    ///
    /// The 128-bit product `x · bound` of a random `x` puts the result in its high word;
    /// draws whose low word falls below `2^64 mod bound` are rejected, which removes the
    /// bias exactly, and the division computing that threshold runs only when the low
    /// word is below `bound`.
    ///
    ///     var g = Xoshiro256StarStar(seed: 42)
    ///     print((0..<5).map { _ in g.uniform(below: 10) })
    ///     // Prints "[0, 3, 6, 9, 9]"
    ///
    /// - Parameter bound: The exclusive upper bound; must be positive.
    /// - Complexity: O(1) expected; fewer than 2 draws in the worst case on average.
    @inlinable
    public mutating func uniform(below bound: UInt64) -> UInt64 {
        precondition(bound > 0, "uniform(below:): bound must be positive")
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return product.high
    }

    /// Returns a uniformly distributed integer in `range`, as
    /// `range.lowerBound + uniform(below: range.count)`, one draw for the whole range.
    ///
    ///     var g = Xoshiro256StarStar(seed: 42)
    ///     print((0..<5).map { _ in g.uniform(in: -5...5) })
    ///     // Prints "[-5, -1, 2, 5, 5]"
    ///
    /// - Complexity: O(1) expected.
    @inlinable
    public mutating func uniform(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(bitPattern: Int64(range.upperBound &- range.lowerBound))
        if width == .max { return Int(bitPattern: UInt(next())) }
        return range.lowerBound &+ Int(bitPattern: UInt(uniform(below: width + 1)))
    }
}

extension MutableCollection where Self: RandomAccessCollection {
    /// Shuffles the collection in place with the Fisher–Yates algorithm (Durstenfeld's
    /// form) and `generator`.
    ///
    /// For `i` from the last offset down to 1, the element at offset `i` is swapped with
    /// the one at offset `uniform(below: i + 1)`; every permutation is equally likely.
    ///
    ///     var g = Xoshiro256StarStar(seed: 42)
    ///     var numbers = Array(0..<10)
    ///     numbers.fisherYatesShuffle(using: &g)
    ///     print(numbers)
    ///     // Prints "[9, 1, 4, 2, 8, 7, 6, 5, 3, 0]"
    ///
    /// - Complexity: O(n), where n is the length of the collection.
    @inlinable
    public mutating func fisherYatesShuffle<G: RandomNumberGenerator>(using generator: inout G) {
        var i = count - 1
        while i > 0 {
            let j = Int(generator.uniform(below: UInt64(i + 1)))
            if i != j { swapAt(index(startIndex, offsetBy: i), index(startIndex, offsetBy: j)) }
            i -= 1
        }
    }
}
