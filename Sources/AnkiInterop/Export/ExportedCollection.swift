import Foundation
import GRDB
import Presentation
import QuizEngine

/// A schema-11 Anki collection (the layout every Anki imports), written to a new SQLite file.
///
/// Everything in it is derived from its inputs, never from the clock: ids come from hashes of
/// keys and names, times from the review history (or a fixed moment without one), so the same
/// questions and history give the same bytes.
struct ExportedCollection {
    var notes: [ExportedNote]
    /// Per note key, the card's history, when exporting with history.
    var histories: [String: AnkiCardHistory]
    var parameters: FSRSParameters
    var rolloverHour: Int

    /// Without history, every time in the file is this moment (2023-11-14T22:13:20Z).
    static let fixedMoment = Instant(microsecondsSinceEpoch: 1_700_000_000_000_000)

    func write(to path: String) throws {
        let times = histories.values.flatMap { $0.reviews.map(\.time) }
        let first = times.min() ?? Self.fixedMoment
        let modified = (times.max() ?? Self.fixedMoment).microsecondsSinceEpoch / 1_000_000
        // Anki counts review days from crt with its rollover: crt is the rollover hour, local time.
        let creation = LocalDay.containing(first, rolloverHour: rolloverHour)
        let crt = creation.start.microsecondsSinceEpoch / 1_000_000

        var configuration = Configuration()
        configuration.journalMode = .default
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.write { db in
            try db.execute(sql: Self.schema)
            let decks = Set(notes.map(\.deck)).sorted()
            try db.execute(
                sql: "INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')",
                arguments: [
                    crt, modified * 1000, modified * 1000, conf(decks: decks).text, models(modified: modified).text,
                    self.decks(decks, modified: modified).text, deckConfigs().text,
                ])
            var usedNoteIDs = Set<Int64>()
            var usedReviewIDs = Set<Int64>()
            for (position, note) in notes.enumerated() {
                var id = 1_500_000_000_000 + Self.hash(note.key) % 100_000_000_000
                while !usedNoteIDs.insert(id).inserted { id += 1 }
                try db.execute(
                    sql: "INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, 0, 0, '')",
                    arguments: [
                        id, note.guid, note.noteType.id, modified, " " + note.tags.joined(separator: " ") + " ",
                        note.fields.joined(separator: "\u{1f}"), note.sortField,
                    ])
                let card = cardColumns(histories[note.key], position: position, crtDay: creation.dayNumber)
                try db.execute(
                    sql: "INSERT INTO cards VALUES (?, ?, ?, 0, ?, -1, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?)",
                    arguments: [
                        id, id, Self.deckID(note.deck), modified, card.type, card.queue, card.due, card.interval,
                        card.factor, card.reps, card.lapses, card.left, card.data,
                    ])
                for review in histories[note.key]?.reviews ?? [] {
                    var reviewID = review.time.microsecondsSinceEpoch / 1000
                    while !usedReviewIDs.insert(reviewID).inserted { reviewID += 1 }
                    try db.execute(
                        sql: "INSERT INTO revlog VALUES (?, ?, -1, ?, ?, ?, ?, ?, ?)",
                        arguments: [
                            reviewID, id, review.ease, review.interval, review.lastInterval, review.factor,
                            review.milliseconds, review.kind,
                        ])
                }
            }
        }
        try queue.close()
    }

    /// The `cards` columns that carry scheduling.
    private func cardColumns(_ history: AnkiCardHistory?, position: Int, crtDay: Int) -> (
        type: Int, queue: Int, due: Int64, interval: Int, factor: Int, reps: Int, lapses: Int, left: Int, data: String
    ) {
        guard let history, let stability = history.card.stability, let difficulty = history.card.difficulty else {
            return (0, 0, Int64(position + 1), 0, 0, 0, 0, 0, "{}")
        }
        let card = history.card
        let lastReview = card.lastReview ?? card.due
        let data = JSON.object([
            ("s", .double(Self.rounded(stability))), ("d", .double(Self.rounded(difficulty))), ("dr", .double(0.9)),
            ("decay", .double(parameters[20])), ("lrt", .int(Int(lastReview.microsecondsSinceEpoch / 1_000_000))),
        ]).text
        let dueSeconds = card.due.microsecondsSinceEpoch / 1_000_000
        let steps = SchedulerConfiguration.default
        switch card.state {
        case .learning:
            return (1, 1, dueSeconds, 0, 0, card.reviewCount, history.lapses, max(1, steps.learningSteps.count - (card.step ?? 0)), data)
        case .relearning:
            return (
                3, 1, dueSeconds, max(1, Int(stability.rounded())), 2500, card.reviewCount, history.lapses,
                max(1, steps.relearningSteps.count - (card.step ?? 0)), data
            )
        case .review:
            let dueDay = LocalDay.containing(card.due, rolloverHour: rolloverHour).dayNumber - crtDay
            let interval = max(1, Int((Double(card.due.microseconds(since: lastReview)) / Double(Instant.microsecondsPerDay)).rounded()))
            return (2, 2, Int64(dueDay), interval, 2500, card.reviewCount, history.lapses, 0, data)
        }
    }

    private static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

    private func conf(decks: [String]) -> JSON {
        .object([
            ("activeDecks", .array([.int(1)])), ("curDeck", .int(1)), ("newSpread", .int(0)),
            ("collapseTime", .int(1200)), ("timeLim", .int(0)), ("estTimes", .bool(true)), ("dueCounts", .bool(true)),
            ("curModel", .int(Int(AnkiNoteType.basic.id))), ("nextPos", .int(notes.count + 1)),
            ("sortType", .string("noteFld")), ("sortBackwards", .bool(false)), ("addToCur", .bool(true)),
            ("schedVer", .int(2)), ("sched2021", .bool(true)), ("dayLearnFirst", .bool(false)),
            ("rollover", .int(rolloverHour)),
        ])
    }

    private func models(modified: Int64) -> JSON {
        .object(AnkiNoteType.all.map { (String($0.id), $0.json(deckID: 1, modified: modified)) })
    }

    private func decks(_ names: [String], modified: Int64) -> JSON {
        func deck(_ id: Int64, _ name: String) -> (String, JSON) {
            (
                String(id),
                .object([
                    ("id", .int(Int(id))), ("mod", .int(Int(modified))), ("name", .string(name)), ("usn", .int(-1)),
                    ("lrnToday", .array([.int(0), .int(0)])), ("revToday", .array([.int(0), .int(0)])),
                    ("newToday", .array([.int(0), .int(0)])), ("timeToday", .array([.int(0), .int(0)])),
                    ("collapsed", .bool(false)), ("browserCollapsed", .bool(false)), ("desc", .string("")),
                    ("dyn", .int(0)), ("conf", .int(1)), ("extendNew", .int(0)), ("extendRev", .int(0)),
                ])
            )
        }
        // Parents first ("quiz" before "quiz::sql"), as Anki itself would have them.
        let all = Set(names + names.map { String($0.split(separator: ":").first ?? "quiz") }).sorted()
        return .object([deck(1, "Default")] + all.map { deck(Self.deckID($0), $0) })
    }

    /// A complete deck options group (Anki refuses partial ones), carrying the FSRS
    /// parameters in force so Anki's memory states match quiz's.
    private func deckConfigs() -> JSON {
        .object([
            (
                "1",
                .object([
                    ("id", .int(1)), ("mod", .int(0)), ("name", .string("Default")), ("usn", .int(0)),
                    ("maxTaken", .int(60)), ("autoplay", .bool(true)), ("timer", .int(0)), ("replayq", .bool(true)),
                    (
                        "new",
                        .object([
                            ("bury", .bool(false)), ("delays", .array([.double(1), .double(10)])),
                            ("initialFactor", .int(2500)), ("ints", .array([.int(1), .int(4), .int(0)])),
                            ("order", .int(1)), ("perDay", .int(20)),
                        ])
                    ),
                    (
                        "rev",
                        .object([
                            ("bury", .bool(false)), ("ease4", .double(1.3)), ("ivlFct", .double(1)),
                            ("maxIvl", .int(36500)), ("perDay", .int(200)), ("hardFactor", .double(1.2)),
                        ])
                    ),
                    (
                        "lapse",
                        .object([
                            ("delays", .array([.double(10)])), ("leechAction", .int(1)), ("leechFails", .int(8)),
                            ("minInt", .int(1)), ("mult", .double(0)),
                        ])
                    ),
                    ("dyn", .bool(false)), ("newMix", .int(0)), ("newPerDayMinimum", .int(0)),
                    ("interdayLearningMix", .int(0)), ("reviewOrder", .int(0)), ("newSortOrder", .int(0)),
                    ("newGatherPriority", .int(0)), ("buryInterdayLearning", .bool(false)),
                    ("fsrsWeights", .array([])), ("fsrsParams5", .array([])),
                    ("fsrsParams6", .array(parameters.weights.map(JSON.double))), ("desiredRetention", .double(0.9)),
                    ("ignoreRevlogsBeforeDate", .string("")),
                    ("easyDaysPercentages", .array(Array(repeating: .double(1), count: 7))),
                    ("stopTimerOnAnswer", .bool(false)), ("secondsToShowQuestion", .double(0)),
                    ("secondsToShowAnswer", .double(0)), ("questionAction", .int(0)), ("answerAction", .int(0)),
                    ("waitForAudio", .bool(true)), ("sm2Retention", .double(0.9)), ("weightSearch", .string("")),
                ])
            )
        ])
    }

    static func deckID(_ name: String) -> Int64 { 1_600_000_000_000 + hash(name) % 100_000_000_000 }

    /// FNV-1a, 64-bit, folded to a non-negative Int64.
    static func hash(_ text: String) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return Int64(hash >> 1)
    }

    static let schema = """
        CREATE TABLE col (
            id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL,
            ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL,
            conf text NOT NULL, models text NOT NULL, decks text NOT NULL, dconf text NOT NULL, tags text NOT NULL);
        CREATE TABLE notes (
            id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL,
            usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL,
            csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
        CREATE TABLE cards (
            id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL,
            mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL,
            due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL, reps integer NOT NULL,
            lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL, odid integer NOT NULL,
            flags integer NOT NULL, data text NOT NULL);
        CREATE TABLE revlog (
            id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL,
            ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL,
            type integer NOT NULL);
        CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
        CREATE INDEX ix_notes_usn ON notes (usn);
        CREATE INDEX ix_cards_usn ON cards (usn);
        CREATE INDEX ix_revlog_usn ON revlog (usn);
        CREATE INDEX ix_cards_nid ON cards (nid);
        CREATE INDEX ix_cards_sched ON cards (did, queue, due);
        CREATE INDEX ix_revlog_cid ON revlog (cid);
        CREATE INDEX ix_notes_csum ON notes (csum);
        """
}
