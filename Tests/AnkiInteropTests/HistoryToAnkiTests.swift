import Foundation
import QuizEngine
import TestSupport
import Testing

@testable import AnkiInterop

/// Reviews made in quiz continue in Anki: `quiz review --format jsonl` for three weeks,
/// `quiz export apkg --with-history`, then Anki's own revlog and FSRS memory states.
@Suite("history read by Anki", .serialized, .tags(.subprocess), .skippedInFastRuns)
struct HistoryToAnkiTests {
    static let index = TestPaths.packageRoot.appendingPathComponent("Build/banks.qbx").path

    static func quiz(_ arguments: [String], input: String? = nil, in folder: TemporaryFolder) throws -> ChildProcess.Output {
        let environment = [
            "TZ": "UTC", "NO_COLOR": "1", "HOME": folder.url.path, "QUIZ_STORE": folder.file("store.sqlite"),
            "PATH": "/usr/bin:/bin",
        ]
        return try ChildProcess.run(TestPaths.quiz, arguments, input: input, environment: environment)
    }

    static let readBack = """
        import sys, json
        from anki.collection import Collection, ImportAnkiPackageRequest, ImportAnkiPackageOptions
        col = Collection(sys.argv[1])
        options = ImportAnkiPackageOptions(with_scheduling=True, merge_notetypes=True, with_deck_configs=True)
        col.import_anki_package(ImportAnkiPackageRequest(package_path=sys.argv[2], options=options))
        cards = []
        for cid in col.find_cards(""):
            card = col.get_card(cid)
            state = col.compute_memory_state(cid)
            cards.append({"source": card.note().fields[-1], "type": card.type,
                          "revlog": col.db.all("select id, ease from revlog where cid = ? order by id", cid),
                          "stability": state.stability if state else None,
                          "difficulty": state.difficulty if state else None})
        print(json.dumps(cards))
        """

    @Test(.enabled(if: AnkiOracle.runs, AnkiOracle.missing))
    func reviewsAndMemoryStatesArriveInAnki() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // Three weeks of daily reviews at 09:00, grades in a fixed pattern (mostly Good).
        let grades = [3, 3, 1, 3, 4, 3, 2, 3, 3, 1, 3, 3]
        for day in 0..<21 {
            let input = (0..<40).map { #"{"grade":\#(grades[($0 + day) % grades.count])}"# }.joined(separator: "\n") + "\n"
            let now = "2026-09-\(day + 1 < 10 ? "0" : "")\(day + 1)T09:00:00Z"
            let run = try Self.quiz(
                ["review", "--index", Self.index, "--tag", "sql", "--format", "jsonl", "--new-limit", "4", "--now", now],
                input: input, in: folder)
            #expect(run.status == 0, "\(run.stderr)")
        }
        let package = folder.file("history.apkg")
        let export = try Self.quiz(
            ["export", "apkg", package, "--with-history", "--tag", "sql", "--index", Self.index], in: folder)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.contains("reviews of"))

        let cards = try #require(
            try AnkiOracle.run(Self.readBack, [folder.file("collection.anki2"), package], directory: folder.url)
                as? [[String: Any]])
        var checked = 0
        for card in cards {
            let key = String((card["source"] as? String ?? "").split(separator: " ").first ?? "")
            let info = try Self.quiz(["info", key, "--index", Self.index, "--format", "json"], in: folder)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as? [String: Any])
            let history = object["history"] as? [[String: Any]] ?? []
            let revlog = card["revlog"] as? [[Int]] ?? []
            #expect(revlog.count == history.count, "\(key)")
            for (row, entry) in zip(revlog, history) {
                let time = try #require(Instant(iso8601: entry["time"] as? String ?? ""))
                #expect(row[1] == entry["grade"] as? Int, "\(key)")
                #expect(abs(Int64(row[0]) - time.microsecondsSinceEpoch / 1000) < 50, "\(key): revlog id is the time in ms")
            }
            guard let stability = object["stability"] as? Double, let difficulty = object["difficulty"] as? Double else {
                #expect(revlog.isEmpty, "\(key)")
                continue
            }
            let ankiStability = try #require(card["stability"] as? Double)
            let ankiDifficulty = try #require(card["difficulty"] as? Double)
            #expect(abs(ankiStability - stability) / stability < 0.01, "\(key): Anki S \(ankiStability), quiz S \(stability)")
            #expect(abs(ankiDifficulty - difficulty) / difficulty < 0.01, "\(key): Anki D \(ankiDifficulty), quiz D \(difficulty)")
            checked += 1
        }
        #expect(checked >= 20, "cards with history compared: \(checked)")
    }
}
