import Foundation
import QuizEngine
import SeededRandom
import SortingCourse
import TestSupport
import Testing

/// `quiz compile` killed with SIGKILL at seeded random moments must leave the output path
/// holding the old index or a whole new one, never a torn file.
///
/// The writer (AtomicFile) writes `.<name>.tmp-<pid>-<n>` beside the output, fsyncs and
/// renames it. A SIGKILL between create and rename leaves that temp file behind (no cleanup
/// can run); the test checks such leftovers sit in the output's folder, carry that
/// recognisable hidden name, and break neither reading nor a later compile.
@Suite("Crash safety", .serialized, .tags(.subprocess, .slow), .skippedInFastRuns)
struct CrashSafetyTests {
    static let kills = 32

    @Test func sigkillDuringCompile() throws {
        let root = try TemporaryFolder().url
        defer { try? FileManager.default.removeItem(at: root) }
        let old = root.appendingPathComponent("old")
        let new = root.appendingPathComponent("new")
        let out = root.appendingPathComponent("out")
        for folder in [old, new, out] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        try GeneratedBank.write(questions: 12, files: 1, to: old)
        try GeneratedBank.write(questions: 5_000, files: 5, to: new)
        let output = out.appendingPathComponent("index.qbx")

        // The old index, kept aside so each round starts from it.
        let oldCopy = root.appendingPathComponent("old.qbx")
        #expect(try Self.compile(old, to: oldCopy).status == 0)
        let oldCount = try QuestionIndex(contentsOf: oldCopy.path).count
        // One uninterrupted compile of the big bank measures how long there is to hit.
        let clock = ContinuousClock()
        let start = clock.now
        let calibration = root.appendingPathComponent("calibration.qbx")
        let full = try Self.compile(new, to: calibration)
        let duration = clock.now - start
        #expect(full.status == 0, "\(full.stderr)")
        let newCount = try QuestionIndex(contentsOf: calibration.path).count
        #expect(oldCount == 12 && newCount == 5_000)

        var random = Xoshiro256StarStar(seed: 0xDEAD_0008)
        let window = max(
            Int(Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12), 1_000)
        var outcomes = (old: 0, new: 0, leftovers: 0)
        var seen = Set<String>()
        for round in 0..<Self.kills {
            try? FileManager.default.removeItem(at: output)
            try FileManager.default.copyItem(at: oldCopy, to: output)
            let process = try Self.start(new, to: output)
            // Even rounds anywhere up to 110% of a full compile (some land after the rename);
            // odd rounds in its last 15%, where the index is written, fsynced and renamed.
            let delay =
                round % 2 == 0
                ? random.uniform(in: 0...(window * 11 / 10))
                : random.uniform(in: (window * 85 / 100)...(window * 105 / 100))
            usleep(UInt32(delay))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let index = try QuestionIndex(contentsOf: output.path)
            #expect([oldCount, newCount].contains(index.count), "round \(round): \(index.count) questions")
            if index.count == newCount { outcomes.new += 1 } else { outcomes.old += 1 }
            let names = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0 != "index.qbx" }
            outcomes.leftovers += names.count - seen.count
            seen = Set(names)
            for name in names {
                #expect(
                    name.wholeMatch(of: /\.index\.qbx\.tmp-[0-9]+-[0-9]+/) != nil, "round \(round): stray file \(name)")
            }
        }
        // Leftover temp files break nothing: a full compile over them succeeds and reads back.
        let final = try Self.compile(new, to: output)
        #expect(final.status == 0, "\(final.stderr)")
        #expect(try QuestionIndex(contentsOf: output.path).count == newCount)
        print(
            "crash safety: \(Self.kills) SIGKILLs within \(window / 1000) ms: \(outcomes.old) left the old index, "
                + "\(outcomes.new) the new one, \(outcomes.leftovers) left temp files")
    }

    static func start(_ banks: URL, to output: URL) throws -> Process {
        let process = Process()
        process.executableURL = Robustness.quiz
        process.arguments = ["compile", banks.path, "-o", output.path, "--quiet"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func compile(_ banks: URL, to output: URL) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = Robustness.quiz
        process.arguments = ["compile", banks.path, "-o", output.path, "--quiet"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// Writes a valid bank folder of generated flashcards: `tags.yaml` plus `files` banks.
enum GeneratedBank {
    static func write(questions: Int, files: Int, to folder: URL) throws {
        try Data("tags:\n  technical: Technical questions\n  generated: Generated for the crash test\n".utf8)
            .write(to: folder.appendingPathComponent("tags.yaml"))
        let perFile = (questions + files - 1) / files
        for file in 0..<files {
            var text = "bank: gen-\(file)\ntitle: Generated bank \(file)\ntags: [technical]\nquestions:\n"
            for q in (file * perFile)..<min(questions, (file + 1) * perFile) {
                text += """
                      - id: q-\(q)
                        type: flashcard
                        prompt: Generated question \(q) of \(questions) in bank \(file)?
                        answer: Answer \(q), which is long enough to cost a little to check and to store.
                        explanation: |
                          Explanation of question \(q): several words so the index holds real text,
                          spread over two lines.
                        tags: [generated]
                        difficulty: medium

                    """
            }
            try Data(text.utf8).write(to: folder.appendingPathComponent("gen-\(file).yaml"))
        }
    }
}
