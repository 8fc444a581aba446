@testable import BankCompiler
import SeededRandom
import Testing

/// The near-duplicate index sorts packed keys with ``RadixSort``: it must agree with the
/// standard library's sort on every kind of input, including those whose passes it skips.
@Suite("Radix sort")
struct RadixSortTests {
    enum Shape: String, CaseIterable, Sendable {
        case random, lowBytesOnly, highBytesOnly, allEqual, manyRepeats, descending, alreadySorted
    }

    static func keys(_ shape: Shape, count: Int, seed: UInt64) -> [UInt64] {
        var random = Xoshiro256StarStar(seed: seed)
        return (0..<count).map { index in
            let value = random.next()
            switch shape {
            case .random: return value
            case .lowBytesOnly: return value & 0xFF_FFFF
            case .highBytesOnly: return value & 0xFFFF_0000_0000_0000
            case .allEqual: return 0xDEAD_BEEF
            case .manyRepeats: return value % 5 << 40 | value % 3
            case .descending: return UInt64(count - index) << 20
            case .alreadySorted: return UInt64(index) << 33 | 7
            }
        }
    }

    @Test("agrees with sort()", arguments: Shape.allCases, [0, 1, 64, 65, 1_000, 20_000])
    func agreesWithSort(shape: Shape, count: Int) {
        var keys = Self.keys(shape, count: count, seed: UInt64(count) &+ 17)
        let expected = keys.sorted()
        RadixSort.sort(&keys)
        #expect(keys == expected)
    }

    /// The shingle index appends (shingle, question) in question order and skips sorting the
    /// question's three bytes: the result must still be fully sorted, repeats of a shingle
    /// with their questions ascending.
    @Test("skips low bytes already in order", arguments: [65, 1_000, 30_000])
    func skipsLowBytesAlreadyInOrder(count: Int) {
        var random = Xoshiro256StarStar(seed: UInt64(count))
        var keys = (0..<count).map { index in (random.next() % 97) << 24 | UInt64(index / 3) }
        let expected = keys.sorted()
        RadixSort.sort(&keys, sortedLowBytes: 3)
        #expect(keys == expected)
    }
}
