import Presentation
import ArgumentParser
import Foundation
import QuizEngine

/// `quiz fsrs`: the FSRS-6 scheduler's tools.
struct FSRS: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fsrs",
        abstract: "FSRS-6 scheduler tools.",
        subcommands: [FSRSReplay.self, FSRSOptimize.self, FSRSEvaluate.self]
    )
}

/// `quiz fsrs replay`: replays review sequences through the scheduler, reading and writing
/// the same JSON as the py-fsrs oracle (`shared/reference/fsrs_oracle.py`), so the two can
/// be diffed.
struct FSRSReplay: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay review sequences from stdin (the FSRS oracle's input JSON) and print every card state.",
        discussion: """
            Input: a JSON list of sequences, or an object with any of parameters (21 numbers), \
            desired_retention (default 0.9), learning_steps_seconds ([60, 600]), \
            relearning_steps_seconds ([600]), maximum_interval (36500), start \
            ("2024-01-01T00:00:00+00:00"), enable_fuzzing (false) and sequences. A sequence is a list \
            of reviews or {"start", "reviews"}; a review is {"rating": 1-4, "days_since_start": days} \
            or {"rating": 1-4, "timestamp": ISO 8601, UTC if no offset}.

            Output: {"results": [[{"state", "step", "stability", "difficulty", "due", \
            "interval_days", "retrievability"}, ...], ...]}, one object per review showing the card \
            after it; retrievability is the one the review used (0 for a new card); due is ISO 8601 \
            UTC as Python's isoformat() writes it. With fuzz off (the default) the values are \
            py-fsrs 6.3.2's. With enable_fuzzing the fuzz is quiz's deterministic one, keyed by \
            "sequence-<index>", not py-fsrs's random one.

            Exit status: 0 on success, 2 when the input is not valid (the message names the field).
            """
    )

    func run() throws {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        guard data.contains(where: { !" \t\r\n".utf8.contains($0) }) else {
            throw CommandFailure("stdin is empty: expected the oracle's input JSON (see 'quiz fsrs replay --help')")
        }
        let root: JSONValue
        do {
            root = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw CommandFailure("stdin is not valid JSON: \(Self.describeSyntaxError(in: data))")
        }
        let input: ReplayInput
        do {
            input = try ReplayInput(root)
        } catch {
            throw CommandFailure(messages: error.messages)
        }
        let results = input.replay().map { steps in JSON.array(steps.map(Self.json)) }
        print(JSON.object([("results", .array(results))]).text)
    }

    /// One step in the oracle's field order and formats.
    private static func json(_ step: ReplayStep) -> JSON {
        let card = step.card
        return .object([
            ("state", .string(card.state.description)),
            ("step", card.step.map(JSON.int) ?? .null),
            ("stability", card.stability.map(JSON.double) ?? .null),
            ("difficulty", card.difficulty.map(JSON.double) ?? .null),
            ("due", .string(card.due.iso8601)),
            // timedelta.total_seconds() / 86400.0, as the oracle computes it.
            ("interval_days", .double(Double(step.intervalMicroseconds) / 1_000_000 / 86400.0)),
            // py-fsrs's get_card_retrievability returns the integer 0 for a card never reviewed.
            ("retrievability", step.retrievability.map(JSON.double) ?? .int(0)),
        ])
    }

    /// JSONSerialization's account of a syntax error ("Invalid value around character 7."),
    /// which is more precise than JSONDecoder's.
    private static func describeSyntaxError(in data: Data) -> String {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            if let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String { return detail }
            return "\(error)"
        }
        return "not a JSON document"
    }
}
