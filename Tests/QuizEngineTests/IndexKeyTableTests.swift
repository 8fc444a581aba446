import Testing

@testable import QuizEngine

/// The key table's order: the keys' UTF-8 byte order, which the writer reaches by ranking
/// banks and comparing id prefixes as integers, or by whole keys when a bank holds a `/`.
@Suite("Index key table")
struct IndexKeyTableTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var keys: [(bank: String, id: String)]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "a bank that is a prefix of another sorts by its '/'",
            keys: [("a", "x"), ("a-b", "y"), ("ab", "z"), ("a", "w"), ("a.b", "v")]),
        Case(
            name: "ids longer than eight bytes that share their first eight",
            keys: [
                ("bank", "question-20"), ("bank", "question-2"), ("bank", "question-100"), ("bank", "question"),
                ("bank", "questio"), ("bank", "question-10"),
            ]),
        Case(
            name: "non-ASCII bytes sort above ASCII ones",
            keys: [("écriture", "a"), ("ecriture", "b"), ("bank", "naïve"), ("bank", "naive"), ("bank", "nb")]),
        Case(
            name: "a bank with a '/' falls back to whole keys",
            keys: [("a", "b-c"), ("a/b", "c"), ("a", "b/d"), ("a", "b"), ("a/b", "a"), ("a-", "z")]),
        Case(
            name: "generated banks, many of them",
            keys: (0..<300).map { ("generated-\($0 % 37)", "q\($0 * 7919 % 1000)") }),
    ]

    static func sorted(_ keys: [(bank: String, id: String)]) throws -> [UInt32] {
        var pool = StringPool(expectedCount: 16)
        var table = KeyTable(expectedCount: keys.count)
        for key in keys { table.append(bank: pool.intern(key.bank), id: pool.intern(key.id)) }
        return try table.sortedOrdinals(pool: pool)
    }

    @Test("sorted ordinals are the keys in UTF-8 byte order", arguments: cases)
    func byteOrder(_ test: Case) throws {
        let expected = test.keys.indices.sorted { a, b in
            let x = Array((test.keys[a].bank + "/" + test.keys[a].id).utf8)
            let y = Array((test.keys[b].bank + "/" + test.keys[b].id).utf8)
            return x.lexicographicallyPrecedes(y) || (x == y && a < b)
        }
        #expect(try Self.sorted(test.keys) == expected.map(UInt32.init))
    }

    @Test("a key given twice is an error naming it", arguments: [false, true])
    func duplicate(slashInBank: Bool) throws {
        let bank = slashInBank ? "a/b" : "ab"
        #expect(throws: IndexError.invalidInput("duplicate key '\(bank)/q1'")) {
            try Self.sorted([(bank, "q1"), ("z", "q2"), (bank, "q1")])
        }
    }
}
