/// The FSRS oracle's input (`shared/reference/fsrs_oracle.py`), validated: a scheduler and the
/// review times of every sequence, ready to replay.
///
/// The input is a JSON list of sequences, or an object with any of `parameters`,
/// `desired_retention`, `learning_steps_seconds`, `relearning_steps_seconds`,
/// `maximum_interval`, `start`, `enable_fuzzing` and `sequences`.
public struct ReplayInput: Sendable {
    /// One card's reviews, oldest first.
    public struct Sequence: Sendable {
        public var start: Instant
        public var reviews: [(rating: Rating, time: Instant)]
    }

    public var scheduler: Scheduler
    public var sequences: [Sequence]

    static let defaultStart = "2024-01-01T00:00:00+00:00"

    /// Validates a decoded input; every problem names its field.
    public init(_ root: JSONValue) throws(ReplayInputError) {
        var fields: [String: JSONValue]
        switch root {
        case .array: fields = ["sequences": root]
        case .object(let object): fields = object
        default: throw ReplayInputError("input must be a JSON list of sequences or an object")
        }
        if let mode = fields["mode"], mode != .string("schedule") {
            throw ReplayInputError("mode: only \"schedule\" is supported by quiz fsrs replay, got \(mode)")
        }
        scheduler = try Self.scheduler(fields)
        let start = try (fields["start"] ?? .string(Self.defaultStart)).instant("start")
        guard let rawSequences = fields["sequences"] else { throw ReplayInputError("sequences: missing") }
        guard case .array(let list) = rawSequences else {
            throw ReplayInputError("sequences: expected a list of sequences, got \(rawSequences)")
        }
        sequences = []
        for (index, raw) in list.enumerated() {
            sequences.append(try Self.sequence(raw, index: index, start: start))
        }
    }

    /// Replays every sequence; a sequence's card is keyed `sequence-<index>` (the fuzz's key).
    public func replay() -> [[ReplayStep]] {
        sequences.enumerated().map { index, sequence in
            var card = CardState(key: "sequence-\(index)", due: sequence.start)
            return sequence.reviews.map { rating, time in
                let neverReviewed = card.lastReview == nil || card.stability == nil
                let (next, log) = scheduler.review(card, rating: rating, at: time)
                card = next
                return ReplayStep(
                    card: next, intervalMicroseconds: log.intervalMicroseconds,
                    retrievability: neverReviewed ? nil : log.retrievability)
            }
        }
    }

    /// The scheduler the settings describe, naming every problem of the parameters and the
    /// settings in one error.
    private static func scheduler(_ fields: [String: JSONValue]) throws(ReplayInputError) -> Scheduler {
        func optional<T>(_ name: String, _ read: (JSONValue) throws(ReplayInputError) -> T) throws(ReplayInputError)
            -> T?
        {
            guard let value = fields[name] else { return nil }
            return try read(value)
        }
        let weights = try optional("parameters") { v throws(ReplayInputError) in try v.numbers("parameters") }
        let retention = try optional("desired_retention") { v throws(ReplayInputError) in
            try v.number("desired_retention")
        }
        let learning = try optional("learning_steps_seconds") { v throws(ReplayInputError) in
            try v.numbers("learning_steps_seconds")
        }
        let relearning = try optional("relearning_steps_seconds") { v throws(ReplayInputError) in
            try v.numbers("relearning_steps_seconds")
        }
        let maximum = try optional("maximum_interval") { v throws(ReplayInputError) in
            try v.integer("maximum_interval")
        }
        let fuzz = try optional("enable_fuzzing") { v throws(ReplayInputError) in try v.bool("enable_fuzzing") }
        var problems: [FSRSConfigurationError.Problem] = []
        var parameters = FSRSParameters.default
        do {
            parameters = try FSRSParameters(weights: weights ?? FSRSParameters.defaultWeights)
        } catch {
            problems += error.problems
        }
        var configuration = SchedulerConfiguration.default
        do {
            configuration = try SchedulerConfiguration(
                parameters: parameters, desiredRetention: retention ?? 0.9, learningSteps: learning ?? [60, 600],
                relearningSteps: relearning ?? [600], maximumInterval: maximum ?? 36500, isFuzzEnabled: fuzz ?? false)
        } catch {
            problems += error.problems
        }
        guard problems.isEmpty else { throw ReplayInputError(messages: problems.map(message)) }
        return Scheduler(configuration)
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

    private static func sequence(_ raw: JSONValue, index: Int, start defaultStart: Instant) throws(ReplayInputError)
        -> Sequence
    {
        var field = "sequences[\(index)]"
        var start = defaultStart
        let reviews: [JSONValue]
        switch raw {
        case .array(let list):
            reviews = list
        case .object(let object):
            if let value = object["start"] { start = try value.instant("\(field).start") }
            guard case .array(let list)? = object["reviews"] else {
                throw ReplayInputError("\(field).reviews: expected a list of reviews")
            }
            reviews = list
            field += ".reviews"
        default:
            throw ReplayInputError("\(field): expected a list of reviews or {\"start\", \"reviews\"}, got \(raw)")
        }
        var out: [(rating: Rating, time: Instant)] = []
        for (position, review) in reviews.enumerated() {
            let place = "\(field)[\(position)]"
            let (rating, time) = try Self.review(review, place: place, start: start)
            if let previous = out.last, time < previous.time {
                throw ReplayInputError("\(place): review \(position) is earlier than review \(position - 1)")
            }
            out.append((rating, time))
        }
        return Sequence(start: start, reviews: out)
    }

    private static func review(_ review: JSONValue, place: String, start: Instant) throws(ReplayInputError)
        -> (Rating, Instant)
    {
        guard case .object(let object) = review else { throw ReplayInputError("\(place): expected an object") }
        guard let ratingValue = object["rating"] else { throw ReplayInputError("\(place): needs 'rating'") }
        let number = try ratingValue.integer("\(place).rating")
        guard let rating = Rating(rawValue: number) else {
            throw ReplayInputError("\(place).rating: must be 1 (again), 2 (hard), 3 (good) or 4 (easy), got \(number)")
        }
        if let timestamp = object["timestamp"] {
            return (rating, try timestamp.instant("\(place).timestamp"))
        }
        guard let days = object["days_since_start"] else {
            throw ReplayInputError("\(place): needs 'days_since_start' or 'timestamp'")
        }
        let value = try days.number("\(place).days_since_start")
        // Keeps microsecond arithmetic far from Int64 overflow (about ±27,000 years).
        guard abs(value) <= 1e7 else {
            throw ReplayInputError("\(place).days_since_start: \(value) is out of range (±10000000 days)")
        }
        return (rating, start.advanced(byDays: value))
    }
}
