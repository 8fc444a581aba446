import ArgumentParser
import Foundation
import QuizEngine

/// `quiz fsrs`: the FSRS-6 scheduler's tools.
struct FSRS: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fsrs",
        abstract: "FSRS-6 scheduler tools.",
        subcommands: [FSRSReplay.self]
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
        do {
            let input = try ReplayInput(json: data)
            let results = input.sequences.enumerated().map { index, sequence in
                replay(sequence, scheduler: input.scheduler, key: "sequence-\(index)")
            }
            print(JSON.object([("results", .array(results))]).text)
        } catch let error as ReplayInputError {
            throw CommandFailure(messages: error.messages)
        }
    }

    /// One sequence's reviews, in the oracle's field order and formats.
    private func replay(_ sequence: ReplayInput.Sequence, scheduler: Scheduler, key: String) -> JSON {
        var card = CardState(key: key, due: sequence.start)
        var steps: [JSON] = []
        for (rating, time) in sequence.reviews {
            // py-fsrs's get_card_retrievability returns the integer 0 for a card never reviewed.
            let neverReviewed = card.lastReview == nil || card.stability == nil
            let (next, log) = scheduler.review(card, rating: rating, at: time)
            card = next
            steps.append(
                .object([
                    ("state", .string(card.state.description)),
                    ("step", card.step.map(JSON.int) ?? .null),
                    ("stability", card.stability.map(JSON.double) ?? .null),
                    ("difficulty", card.difficulty.map(JSON.double) ?? .null),
                    ("due", .string(card.due.iso8601)),
                    // timedelta.total_seconds() / 86400.0, as the oracle computes it.
                    ("interval_days", .double(Double(log.intervalMicroseconds) / 1_000_000 / 86400.0)),
                    ("retrievability", neverReviewed ? .int(0) : .double(log.retrievability)),
                ]))
        }
        return .array(steps)
    }
}

/// An invalid replay input: every message names the field at fault.
struct ReplayInputError: Error {
    var messages: [String]

    init(_ message: String) { messages = [message] }
    init(messages: [String]) { self.messages = messages }
}

/// The oracle's input, validated: a scheduler and the review times of every sequence.
struct ReplayInput {
    struct Sequence {
        var start: Instant
        var reviews: [(Rating, Instant)]
    }

    var scheduler: Scheduler
    var sequences: [Sequence]

    static let defaultStart = "2024-01-01T00:00:00+00:00"

    init(json data: Data) throws {
        guard data.contains(where: { !" \t\r\n".utf8.contains($0) }) else {
            throw ReplayInputError("stdin is empty: expected the oracle's input JSON (see 'quiz fsrs replay --help')")
        }
        let root: ReplayJSON
        do {
            root = try JSONDecoder().decode(ReplayJSON.self, from: data)
        } catch {
            throw ReplayInputError("stdin is not valid JSON: \(ReplayJSON.describeSyntaxError(in: data))")
        }
        var fields: [String: ReplayJSON]
        switch root {
        case .array: fields = ["sequences": root]
        case .object(let object): fields = object
        default: throw ReplayInputError("input must be a JSON list of sequences or an object")
        }

        if let mode = fields["mode"], mode != .string("schedule") {
            throw ReplayInputError("mode: only \"schedule\" is supported by quiz fsrs replay, got \(mode)")
        }
        let weights = try fields["parameters"].map { try $0.numbers("parameters") } ?? FSRSParameters.defaultWeights
        let retention = try fields["desired_retention"].map { try $0.number("desired_retention") } ?? 0.9
        let learning =
            try fields["learning_steps_seconds"].map { try $0.numbers("learning_steps_seconds") } ?? [60, 600]
        let relearning =
            try fields["relearning_steps_seconds"].map { try $0.numbers("relearning_steps_seconds") } ?? [600]
        let maximum = try fields["maximum_interval"].map { try $0.integer("maximum_interval") } ?? 36500
        let fuzz = try fields["enable_fuzzing"].map { try $0.bool("enable_fuzzing") } ?? false
        // Collect the parameters' problems and the settings' together, so one run names them all.
        var problems: [FSRSConfigurationError.Problem] = []
        var parameters = FSRSParameters.default
        do { parameters = try FSRSParameters(weights: weights) } catch { problems += error.problems }
        var configuration = SchedulerConfiguration.default
        do {
            configuration = try SchedulerConfiguration(
                parameters: parameters, desiredRetention: retention, learningSteps: learning,
                relearningSteps: relearning, maximumInterval: maximum, isFuzzEnabled: fuzz)
        } catch {
            problems += error.problems
        }
        guard problems.isEmpty else { throw ReplayInputError(messages: problems.map(ReplayInput.message)) }
        scheduler = Scheduler(configuration)

        let start = try ReplayInput.instant(fields["start"] ?? .string(ReplayInput.defaultStart), field: "start")
        guard let rawSequences = fields["sequences"] else { throw ReplayInputError("sequences: missing") }
        guard case .array(let list) = rawSequences else {
            throw ReplayInputError("sequences: expected a list of sequences, got \(rawSequences)")
        }
        sequences = try list.enumerated().map { index, raw in try ReplayInput.sequence(raw, index: index, start: start)
        }
    }

    /// A configuration problem, prefixed with the input field it comes from.
    private static func message(_ problem: FSRSConfigurationError.Problem) -> String {
        switch problem {
        case .parameterCount, .parameterOutOfBounds: "parameters: \(problem)"
        case .desiredRetention: "desired_retention: \(problem)"
        case .step(let relearning, let index, _):
            "\(relearning ? "relearning" : "learning")_steps_seconds[\(index)]: \(problem)"
        case .maximumInterval: "maximum_interval: \(problem)"
        }
    }

    private static func sequence(_ raw: ReplayJSON, index: Int, start defaultStart: Instant) throws -> Sequence {
        var field = "sequences[\(index)]"
        var start = defaultStart
        let reviews: [ReplayJSON]
        switch raw {
        case .array(let list):
            reviews = list
        case .object(let object):
            if let value = object["start"] { start = try instant(value, field: "\(field).start") }
            guard case .array(let list)? = object["reviews"] else {
                throw ReplayInputError("\(field).reviews: expected a list of reviews")
            }
            reviews = list
            field += ".reviews"
        default:
            throw ReplayInputError("\(field): expected a list of reviews or {\"start\", \"reviews\"}, got \(raw)")
        }
        var out: [(Rating, Instant)] = []
        for (position, review) in reviews.enumerated() {
            let place = "\(field)[\(position)]"
            guard case .object(let object) = review else { throw ReplayInputError("\(place): expected an object") }
            guard let ratingValue = object["rating"] else { throw ReplayInputError("\(place): needs 'rating'") }
            let number = try ratingValue.integer("\(place).rating")
            guard let rating = Rating(rawValue: number) else {
                throw ReplayInputError(
                    "\(place).rating: must be 1 (again), 2 (hard), 3 (good) or 4 (easy), got \(number)")
            }
            let time: Instant
            if let timestamp = object["timestamp"] {
                time = try instant(timestamp, field: "\(place).timestamp")
            } else if let days = object["days_since_start"] {
                let value = try days.number("\(place).days_since_start")
                // Keeps microsecond arithmetic far from Int64 overflow (about ±27,000 years).
                guard abs(value) <= 1e7 else {
                    throw ReplayInputError("\(place).days_since_start: \(value) is out of range (±10000000 days)")
                }
                time = start.advanced(byDays: value)
            } else {
                throw ReplayInputError("\(place): needs 'days_since_start' or 'timestamp'")
            }
            if let previous = out.last, time < previous.1 {
                throw ReplayInputError("\(place): review \(position) is earlier than review \(position - 1)")
            }
            out.append((rating, time))
        }
        return Sequence(start: start, reviews: out)
    }

    private static func instant(_ value: ReplayJSON, field: String) throws -> Instant {
        guard case .string(let text) = value else {
            throw ReplayInputError("\(field): expected an ISO 8601 string, got \(value)")
        }
        guard let instant = Instant(iso8601: text) else {
            throw ReplayInputError(
                "\(field): '\(text)' is not an ISO 8601 date-time (for example 2024-03-01T08:00:00Z)")
        }
        return instant
    }
}

/// A decoded JSON value, so the input can be checked field by field with precise messages.
indirect enum ReplayJSON: Decodable, Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([ReplayJSON])
    case object([String: ReplayJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([ReplayJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: ReplayJSON].self))
        }
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let value): "\(value)"
        case .number(let value): "\(value)"
        case .string(let value): "\"\(value)\""
        case .array: "a list"
        case .object: "an object"
        }
    }

    func number(_ field: String) throws -> Double {
        guard case .number(let value) = self, value.isFinite else {
            throw ReplayInputError("\(field): expected a number, got \(self)")
        }
        return value
    }

    func integer(_ field: String) throws -> Int {
        guard case .number(let value) = self, value == value.rounded(), abs(value) < 1e15 else {
            throw ReplayInputError("\(field): expected an integer, got \(self)")
        }
        return Int(value)
    }

    func bool(_ field: String) throws -> Bool {
        guard case .bool(let value) = self else {
            throw ReplayInputError("\(field): expected true or false, got \(self)")
        }
        return value
    }

    func numbers(_ field: String) throws -> [Double] {
        guard case .array(let values) = self else {
            throw ReplayInputError("\(field): expected a list of numbers, got \(self)")
        }
        return try values.enumerated().map { index, value in try value.number("\(field)[\(index)]") }
    }

    /// JSONSerialization's account of a syntax error ("Invalid value around character 7."),
    /// which is more precise than JSONDecoder's.
    static func describeSyntaxError(in data: Data) -> String {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            if let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String { return detail }
            return "\(error)"
        }
        return "not a JSON document"
    }
}
