import Foundation
import Testing

@testable import FSRSOptimizer

@Suite struct ItemsTests {
    @Test("items are every prefix ending on a later day, ordered by that day, then by card")
    func itemsFromHistories() {
        let histories: [[(rating: Int, day: Int)]] = [
            [(1, 10), (3, 10), (3, 12), (1, 20), (3, 20)],
            [(3, 11), (3, 12)],
            [(4, 5)],
        ]
        let items = FSRSItem.items(fromHistories: histories)
        #expect(
            items.map { $0.reviews.map { [$0.rating, $0.deltaT] } } == [
                [[1, 0], [3, 0], [3, 2]],
                [[3, 0], [3, 1]],
                [[1, 0], [3, 0], [3, 2], [1, 8]],
            ])
    }

    @Test(
        "bad items are named with the problem",
        arguments: [
            (#"{"items":[[[3,0]]]}"#, "items[0] has 1 review"),
            (#"{"items":[[[3,0],[5,2]]]}"#, "items[0][1] has rating 5"),
            (#"{"items":[[[3,0],[3,3]],[[3,1],[3,2]]]}"#, "items[1][0] has delta_t 1"),
            (#"{"items":[[[3,0],[3,0]]]}"#, "items[0] ends with a same-day review"),
            (#"{"items":[[[3,0],[3,-2]]]}"#, "items[0][1] has delta_t -2"),
            (#"{"items":[[[3,0],[3,2.5]]]}"#, "items[0][1] is not a [rating, delta_t] pair"),
            (#"{"items":[[[3,0],[true,2]]]}"#, "items[0][1] is not a [rating, delta_t] pair"),
            (#"{"items":[[[3,0],[3,2,1]]]}"#, "items[0][1] is not a [rating, delta_t] pair"),
            (#"{"items":[3]}"#, "items[0][0] is not a [rating, delta_t] pair"),
            (#"{"items":{}}"#, #""items" must be a list"#),
            (#"[1,2]"#, "expected an object"),
            (#"{"other": 1}"#, "no \"items\" key"),
            (#"{"items": [}"#, "items[0][0] is not a"),
            (#"{"items": [[[3,0],[3,1]]]"#, "expected ',' or '}'"),
            (#"{"note": {"a": [1, "x]"]}, "items": [[[3,0],[3,1]]]} x"#, "nothing after the object"),
        ])
    func badItems(json: String, message: String) {
        do {
            _ = try FSRSItemsFile.items(from: Data(json.utf8))
            Issue.record("accepted \(json)")
        } catch {
            #expect("\(error)".contains(message), "\(error)")
        }
    }

    @Test func aValidFileReadsInOrder() throws {
        let items = try FSRSItemsFile.items(from: Data(#"{"items":[[[3,0],[3,3]],[[1,0],[3,0],[4,1]]]}"#.utf8))
        #expect(items.count == 2)
        #expect(items[1].reviews.map(\.rating) == [1, 3, 4])
        #expect(items[1].longTermReviewCount == 1)
    }

    /// fsrs-rs's own examples for filling in missing first-rating stabilities.
    @Test func smoothAndFillMatchesFSRSRS() throws {
        let filled = try #require(
            InitialStability.smoothAndFill([1: 0.4, 3: 2.3, 4: 10.9], counts: [1: 1, 2: 1, 3: 1, 4: 1]))
        for (value, expected) in zip(filled, [0.4, 1.1227008, 2.3, 10.9]) { #expect(abs(value - expected) < 1e-6) }
        let scaled = try #require(InitialStability.smoothAndFill([2: 0.35], counts: [2: 1]))
        for (value, expected) in zip(scaled, [0.05738148, 0.35, 0.6242943, 2.2453482]) {
            #expect(abs(value - expected) < 1e-6)
        }
        #expect(InitialStability.smoothAndFill([:], counts: [:]) == nil)
    }
}
