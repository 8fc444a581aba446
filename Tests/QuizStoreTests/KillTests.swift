import Foundation
import SeededRandom
import SortingCourse
import TestSupport
import Testing

@testable import QuizStore

/// The crash test: a child process answers reviews in a loop and is SIGKILLed at seeded
/// random moments; every answer it acknowledged must be in the log, and the file must pass
/// `integrity_check`.
@Suite(.tags(.subprocess, .slow), .skippedInFastRuns) struct KillTests {
    /// `store-torture` of the same build as the running tests (debug or release).
    static func tortureExecutable() -> String? {
        let url = TestPaths.product("store-torture")
        return FileManager.default.isExecutableFile(atPath: url.path) ? url.path : nil
    }

    @Test func killedWriterLosesNoAcknowledgedAnswer() throws {
        let executable = try #require(
            Self.tortureExecutable(), "store-torture not built: run `swift build --product store-torture` first")
        let directory = try TemporaryFolder()
        defer { directory.remove() }
        let path = directory.file("progress.sqlite")
        var generator = Xoshiro256StarStar(seed: 0x5155_495A)
        var acknowledged: [Acknowledgement] = []
        var killsWhileAnswering = 0
        let kills = 60
        for run in 0..<kills {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = [path, "--keys", "7", "--start", String(1_750_000_000 + run * 100_000)]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            var bytes = Data()
            // One kill in five lands anywhere in the first 60 ms, mostly while the child opens
            // (or, the first time, creates) the store; the others land 0-25 ms after its first
            // acknowledged answer, in the middle of the answer loop.
            if generator.uniform(below: 5) == 0 {
                usleep(UInt32(generator.uniform(in: 0...60_000)))
            } else {
                while !bytes.contains(UInt8(ascii: "\n")) {
                    let chunk = output.fileHandleForReading.availableData
                    if chunk.isEmpty { break }
                    bytes += chunk
                }
                usleep(UInt32(generator.uniform(in: 0...25_000)))
                killsWhileAnswering += 1
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal, "the writer failed instead of being killed")
            bytes += output.fileHandleForReading.readDataToEndOfFile()
            // Only complete lines were acknowledged; a torn last line was not.
            let text = String(decoding: bytes, as: UTF8.self)
            for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                acknowledged.append(try #require(Acknowledgement(line), "unreadable line '\(line)'"))
            }
        }
        #expect(acknowledged.count >= killsWhileAnswering)
        let store = try ReviewStore(path: path)
        #expect(try store.integrityProblems().isEmpty)
        // Compare contents, not just ids: SQLite reuses the row id of an insert that never
        // committed, so an id alone could be "found" in a later run's answer.
        var logged: Set<Acknowledgement> = []
        for index in 0..<7 {
            let log = try store.reviewLog(forKey: "torture/q\(index)")
            logged.formUnion(
                log.map { Acknowledgement(id: $0.id, key: $0.key, time: $0.reviewedAt.microsecondsSinceEpoch) })
            if let last = log.last {
                #expect(try store.card(forKey: "torture/q\(index)")?.card == last.after)
            }
        }
        let missing = Set(acknowledged).subtracting(logged)
        #expect(missing.isEmpty, "acknowledged but lost: \(missing.sorted { $0.id < $1.id }.prefix(10))")
        #expect(try store.totalReviews == logged.count)
    }
}

/// One line of store-torture's output: `ID KEY TIME`.
struct Acknowledgement: Hashable {
    let id: Int64
    let key: String
    let time: Int64

    init(id: Int64, key: String, time: Int64) {
        self.id = id
        self.key = key
        self.time = time
    }

    init?(_ line: Substring) {
        let fields = line.split(separator: " ")
        guard fields.count == 3, let id = Int64(fields[0]), let time = Int64(fields[2]) else { return nil }
        self.init(id: id, key: String(fields[1]), time: time)
    }
}
