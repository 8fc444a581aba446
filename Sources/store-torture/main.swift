import QuizEngine
import QuizStore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// store-torture: appends reviews to a store in a loop, for the kill test.
///
/// Usage: `store-torture PATH [--keys N] [--count N] [--start SECONDS]`
///
/// After each `record` returns (the answer is durable), prints `ID KEY TIME` on its own line,
/// so a parent that reads a complete line knows that answer was acknowledged. Answer times
/// are `--start` (Unix seconds) plus 1 ms per answer: give each run its own start, and a
/// parent can tell this run's answers from another's that reused a rolled-back row id.
/// Lines go out with one `write(2)` each, unbuffered.
/// Runs until killed, or `--count` answers. Exit status 2 on a usage or store error.
/// Writes `text` and a newline to a file descriptor in one call.
func writeLine(_ text: String, to descriptor: Int32) {
    let bytes = Array((text + "\n").utf8)
    var offset = 0
    while offset < bytes.count {
        let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        if written <= 0 { exit(2) }
        offset += written
    }
}

var arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String, default value: Int) -> Int {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count,
        let number = Int(arguments[index + 1])
    else { return value }
    arguments.removeSubrange(index...index + 1)
    return number
}
let keys = max(1, option("--keys", default: 10))
let count = option("--count", default: Int.max)
let start = option("--start", default: 1_750_000_000)
guard arguments.count == 1 else {
    writeLine("usage: store-torture PATH [--keys N] [--count N] [--start SECONDS]", to: 2)
    exit(2)
}
do {
    let store = try ReviewStore(path: arguments[0])
    var time = Int64(start) * 1_000_000
    var answered = 0
    while answered < count {
        let key = "torture/q\(answered % keys)"
        time += 1_000
        let card = CardState(
            key: key, state: .review, step: nil, stability: Double(answered % 97) + 0.5, difficulty: 5,
            due: Instant(microsecondsSinceEpoch: time + 86_400_000_000),
            lastReview: Instant(microsecondsSinceEpoch: time),
            reviewCount: answered / keys + 1)
        let review = ReviewRecord(
            card: card, rating: Rating(rawValue: answered % 4 + 1)!, reviewedAt: Instant(microsecondsSinceEpoch: time),
            durationMilliseconds: 1_000, retrievability: 0.9)
        let id = try store.record(review)
        writeLine("\(id) \(key) \(time)", to: 1)
        answered += 1
    }
} catch {
    writeLine("store-torture: error: \(error)", to: 2)
    exit(2)
}
