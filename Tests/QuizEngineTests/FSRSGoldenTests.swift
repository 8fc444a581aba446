import Foundation
import Testing

@testable import QuizEngine

/// Replays every sequence of the golden vectors (py-fsrs 6.3.2 through the oracle, made by
/// `Fixtures/fsrs/make_vectors.py`) and compares every review.
@Suite("FSRS golden vectors")
struct FSRSGoldenTests {
    @Test("the golden file holds at least 1,000 reviews")
    func size() {
        let counted = FSRSGolden.file.cases.reduce(0) { $0 + $1.expected.reduce(0) { $0 + $1.count } }
        #expect(counted == FSRSGolden.file.reviews)
        #expect(counted >= 1000)
    }

    @Test(
        "replays match py-fsrs: S, D, R and interval to 1e-9, state, step and due exactly",
        arguments: FSRSGolden.file.cases.map(\.name))
    func replay(_ name: String) throws {
        let golden = try #require(FSRSGolden.file.cases.first { $0.name == name })
        let replayed = try FSRSGolden.replay(golden.input)
        try #require(replayed.count == golden.expected.count)
        for (sequence, (actual, expected)) in zip(replayed, golden.expected).enumerated() {
            try #require(actual.count == expected.count)
            for (index, ((card, log), want)) in zip(actual, expected).enumerated() {
                let place = "\(name) sequence \(sequence) review \(index)"
                #expect(card.state.description == want.state, "\(place): state")
                #expect(card.step == want.step, "\(place): step")
                #expect(card.due.iso8601 == want.due, "\(place): due")
                #expect(log.elapsedDays.map(Int.init) == want.elapsedDays, "\(place): elapsed days")
                #expect(log.branch.rawValue == want.branch, "\(place): branch")
                #expect(
                    isClose(card.stability ?? .nan, want.stability),
                    "\(place): stability \(card.stability ?? .nan) vs \(want.stability)")
                #expect(
                    isClose(card.difficulty ?? .nan, want.difficulty),
                    "\(place): difficulty \(card.difficulty ?? .nan) vs \(want.difficulty)")
                #expect(
                    isClose(log.retrievability, want.retrievability),
                    "\(place): retrievability \(log.retrievability) vs \(want.retrievability)")
                let intervalDays = Double(log.intervalMicroseconds) / 1e6 / 86400
                #expect(
                    isClose(intervalDays, want.intervalDays),
                    "\(place): interval \(intervalDays) vs \(want.intervalDays)")
                // Stop at the first diverging review: later ones would only repeat it.
                if card.due.iso8601 != want.due || card.state.description != want.state { return }
            }
        }
    }

    @Test("every double is bit-identical to py-fsrs's")
    func bitExact() throws {
        var compared = 0
        var differing: [String] = []
        for golden in FSRSGolden.file.cases {
            let replayed = try FSRSGolden.replay(golden.input)
            for (actual, expected) in zip(replayed, golden.expected) {
                for ((card, log), want) in zip(actual, expected) {
                    compared += 3
                    if card.stability != want.stability { differing.append("\(golden.name) S") }
                    if card.difficulty != want.difficulty { differing.append("\(golden.name) D") }
                    if log.retrievability != want.retrievability { differing.append("\(golden.name) R") }
                }
            }
        }
        #expect(compared >= 3000)
        #expect(differing.isEmpty, "\(differing.count) of \(compared) differ: \(differing.prefix(10))")
    }
}
