import SeededRandom

/// Trace questions: template validation and answers computed by running the traced
/// implementation (the contract is `briefs/trace-spec.md`).
///
///     let answer = try TraceQuestion.answer(
///         algorithm: "bubble-sort", ask: .arrayAfterPass, pass: 1, input: [5, 2, 4, 6, 1, 3])
///     print(answer)
///     // Prints "2 4 5 1 3 6"
public enum TraceQuestion {
    /// The allowed input sizes.
    public static let sizeRange = 2...16
    /// The allowed values of `min` and `max` (at most four digits, to stay readable).
    public static let valueRange = -9999...9999
    public static let defaultSize = 6
    public static let defaultMin = 0
    public static let defaultMax = 9
    /// How many inputs ``instance(algorithm:ask:pass:k:size:min:max:seed:)`` draws before giving up.
    public static let maximumDraws = 100

    /// Every problem of a template's parameters, as written by an author; empty when
    /// the template is valid. Omitted `size`, `min`, `max` take the defaults 6, 0, 9.
    ///
    /// Checks: the algorithm is in the catalog and the ask exists (both with
    /// suggestions); the ask is valid for the algorithm; `pass` is given exactly for
    /// `array-after-pass`, at least 1 and at most the most passes the algorithm can make
    /// on `size` values; `k` is given for quickselect's `kth-smallest`, `comparisons` and
    /// `swaps` (optional for its `pivot-index`, unused elsewhere) and is in `1...size`;
    /// `size` is in 2...16; `min` and `max` are in -9999...9999 with `min < max`.
    public static func validate(
        algorithm: String, ask: String, pass: Int? = nil, k: Int? = nil,
        size: Int? = nil, min: Int? = nil, max: Int? = nil
    ) -> [TraceQuestionError] {
        var problems: [TraceQuestionError] = []
        let size = size ?? defaultSize
        let lower = min ?? defaultMin
        let upper = max ?? defaultMax
        let entry = AlgorithmCatalog.entry(named: algorithm)
        if entry == nil {
            problems.append(.unknownAlgorithm(algorithm, suggestions: AlgorithmCatalog.suggestions(for: algorithm)))
        }
        var parsedAsk: TraceAsk?
        do { parsedAsk = try TraceAsk.parse(ask) } catch { problems.append(error) }

        let sizeIsValid = sizeRange.contains(size)
        if !sizeIsValid { problems.append(.sizeOutOfRange(size)) }
        let valueProblems = rangeProblems(min: lower, max: upper)
        problems += valueProblems
        let rangeIsValid = valueProblems.isEmpty

        guard let entry, let ask = parsedAsk else { return problems }
        guard ask.isValid(for: entry) else {
            problems.append(.askNotValid(ask, algorithm: entry.name))
            return problems
        }
        // pass
        if ask == .arrayAfterPass {
            if let pass {
                if pass < 1 {
                    problems.append(.passBelowOne(pass))
                } else if sizeIsValid, rangeIsValid,
                    let maximum = maximumPasses(algorithm: entry.name, size: size, min: lower, max: upper),
                    pass > maximum
                {
                    problems.append(.passBeyondMaximum(pass, maximum: maximum, algorithm: entry.name, size: size))
                }
            } else {
                problems.append(.missing("pass", ask: ask, algorithm: entry.name))
            }
        } else if pass != nil {
            problems.append(.unused("pass", ask: ask, algorithm: entry.name))
        }
        // k
        if entry.kind == .selection {
            if let k {
                if sizeIsValid && !(1...size).contains(k) { problems.append(.kOutOfRange(k: k, size: size)) }
            } else if ask != .pivotIndex {
                problems.append(.missing("k", ask: ask, algorithm: entry.name))
            }
        } else if k != nil {
            problems.append(.unused("k", ask: ask, algorithm: entry.name))
        }
        return problems
    }

    /// The problems of a template's `min` and `max` alone: each in ``valueRange``, and
    /// `min < max`. Empty exactly when `min...max` is a usable range. `package`: the trace
    /// questions beyond sorting (AlgorithmTraces) check their values the same way.
    package static func rangeProblems(min: Int, max: Int) -> [TraceQuestionError] {
        var problems: [TraceQuestionError] = []
        for (field, value) in [("min", min), ("max", max)] where !valueRange.contains(value) {
            problems.append(.valueOutOfRange(field, value))
        }
        if problems.isEmpty && min >= max { problems.append(.emptyRange(min: min, max: max)) }
        return problems
    }

    /// The most passes `algorithm` can make on `size` values in `min...max`, or nil for
    /// an unknown algorithm. (Whether a given input reaches that many is up to the input.)
    ///
    /// bubble, selection, insertion, merge-sort, the quicksorts, quickselect and (for
    /// size ≤ 16) introsort: size − 1; shell-sort: the number of Ciura gaps below size;
    /// merge-sort-bottom-up: ⌈log₂ size⌉; heap-sort: size; counting-sort and
    /// bucket-sort: 2; radix-sort: the number of decimal digits of max − min.
    public static func maximumPasses(algorithm: String, size: Int, min: Int, max: Int) -> Int? {
        guard size >= 2 else { return AlgorithmCatalog.entry(named: algorithm) == nil ? nil : 0 }
        switch algorithm {
        case "bubble-sort", "selection-sort", "insertion-sort", "merge-sort", "quicksort-lomuto",
            "quicksort-hoare", "quicksort-3way", "quickselect":
            return size - 1
        case "introsort":
            return size <= 16 ? size - 1 : nil
        case "shell-sort":
            return _ciuraGaps(below: size).count
        case "merge-sort-bottom-up":
            return Int.bitWidth - (size - 1).leadingZeroBitCount
        case "heap-sort":
            return size
        case "counting-sort", "bucket-sort":
            return 2
        case "radix-sort":
            var digits = 1
            var rest = UInt(bitPattern: max &- min) / 10
            while rest > 0 {
                digits += 1
                rest /= 10
            }
            return digits
        default:
            return nil
        }
    }

    /// The answer of a trace question on one input, computed by running the traced
    /// implementation.
    ///
    /// - Parameters:
    ///   - algorithm: A catalog name.
    ///   - ask: What to predict.
    ///   - pass: For `array-after-pass`: the 1-based pass.
    ///   - k: For quickselect: the 1-based rank (required except for `pivot-index`, where
    ///     the lower median is used when it is omitted).
    ///   - input: The values to run on.
    /// - Returns: `.array` for `array-after-pass`, `.number` otherwise.
    /// - Throws: `TraceQuestionError`: `.unknownAlgorithm`, `.askNotValid`,
    ///   `.missingParameter`, `.passOutOfRange` (pass < 1), `.kOutOfRange`; and, depending
    ///   on the input, `.passBeyondRun` when the run ends before `pass`, `.noPartition`
    ///   when a `pivot-index` run made no partition.
    public static func answer(
        algorithm: String, ask: TraceAsk, pass: Int? = nil, k: Int? = nil, input: [Int]
    ) throws(TraceQuestionError) -> TraceAnswer {
        let entry = try AlgorithmCatalog.entry(for: algorithm)
        guard ask.isValid(for: entry) else { throw .askNotValid(ask, algorithm: entry.name) }
        if entry.kind == .selection && k == nil && ask != .pivotIndex {
            throw .missing("k", ask: ask, algorithm: entry.name)
        }
        var wanted = 0
        if ask == .arrayAfterPass {
            guard let pass else { throw .missing("pass", ask: ask, algorithm: entry.name) }
            guard pass >= 1 else { throw .passBelowOne(pass) }
            wanted = pass
        }
        let trace = try entry.trace(input, k: k, full: false)
        switch ask {
        case .arrayAfterPass:
            guard let array = trace.array(afterPass: wanted) else {
                throw .passBeyondRun(wanted, passes: trace.passes, algorithm: entry.name)
            }
            return .array(array)
        case .passes:
            return .number(trace.passes)
        case .comparisons:
            return .number(trace.comparisons)
        case .swaps:
            return .number(trace.swaps)
        case .pivotIndex:
            guard let index = trace.firstPivotIndex else { throw .noPartition(algorithm: entry.name) }
            return .number(index)
        case .kthSmallest:
            guard let selected = trace.selected else { throw .kOutOfRange(k: k ?? 0, size: input.count) }
            return .number(selected)
        }
    }
}

extension TraceQuestion {
    /// The instance of a trace question for `seed`: the first of up to 100 inputs drawn in
    /// turn from one `Xoshiro256StarStar(seed: seed)` (each `size` values
    /// `uniform(in: min...max)`) whose run reaches the requested pass; every other ask
    /// takes the first input.
    ///
    /// - Throws: the first problem of ``validate(algorithm:ask:pass:k:size:min:max:)``, or
    ///   `.unanswerable` when no drawn input reaches the pass.
    public static func instance(
        algorithm: String, ask: TraceAsk, pass: Int? = nil, k: Int? = nil, size: Int = defaultSize,
        min: Int = defaultMin, max: Int = defaultMax, seed: UInt64
    ) throws(TraceQuestionError) -> TraceInstance {
        let problems = validate(
            algorithm: algorithm, ask: ask.rawValue, pass: pass, k: k, size: size, min: min, max: max)
        if let problem = problems.first { throw problem }
        var generator = Xoshiro256StarStar(seed: seed)
        var last: TraceQuestionError?
        for draw in 0..<maximumDraws {
            let input = InputGenerator.traceInput(size: size, min: min, max: max, using: &generator)
            do {
                let answer = try answer(algorithm: algorithm, ask: ask, pass: pass, k: k, input: input)
                return TraceInstance(input: input, answer: answer, draw: draw)
            } catch {
                guard error.code == .passBeyondRun else { throw error }
                last = error
            }
        }
        throw .unanswerable(attempts: maximumDraws, last: last!)
    }
}

/// One instance of a trace question: its input and the answer.
public struct TraceInstance: Hashable, Sendable {
    /// The values drawn: the array to sort, or for the algorithms beyond sorting every number
    /// the input holds, in the order ``inputText`` shows them.
    public var input: [Int]
    public var answer: TraceAnswer
    /// How many inputs were drawn and skipped before this one.
    public var draw: Int
    /// The input as a prompt shows it (markdown): `Input: [5, 2, 4]` for a sort; a heap's
    /// operations, a graph's adjacency lists or a table's keys for the other algorithms.
    public var inputText: String
    /// What an `.array` answer lists, such as "the probed indices", when it is not the array
    /// itself; its length is then part of the answer, not something to check before grading.
    public var sequenceName: String?

    /// An instance; `inputText` defaults to the sorts' `Input: [5, 2, 4]`.
    public init(input: [Int], answer: TraceAnswer, draw: Int, inputText: String? = nil, sequenceName: String? = nil) {
        self.input = input
        self.answer = answer
        self.draw = draw
        self.inputText = inputText ?? "Input: [" + input.map(String.init).joined(separator: ", ") + "]"
        self.sequenceName = sequenceName
    }
}
