import FuzzHarness

#if canImport(Glibc)
import Glibc
#endif

/// Issue 8's budget: the wall time and peak-RSS increase of compiling each hostile input
/// (FuzzHarness's ``HostileCorpus``), each in a fresh child process so one input's high-water
/// mark cannot hide the next one's.
///
/// The child is this binary again with `QUIZ_BENCH_HOSTILE_ONE=<name>`: it builds the input,
/// reads `ru_maxrss`, compiles, reads it again and prints one row.
struct HostileBenchmark {
    static let variable = "QUIZ_BENCH_HOSTILE_ONE"
    /// Per input: at most this long, in a release build.
    static let timeBudget = 0.5
    /// Per input: the peak RSS may grow by at most 4x the input plus 32 MB.
    static func memoryBudgetKB(inputBytes: Int) -> Int { 4 * inputBytes / 1024 + 32 * 1024 }

    func run() -> Bool {
        if let name = getenv(Self.variable).map({ String(cString: $0) }) {
            exit(Self.runOne(name) ? 0 : 1)
        }
        print("hostile inputs: \(HostileCorpus.inputs.count), each compiled in a child process")
        print("  " + "input".padding(44) + "bytes".padding(10) + "time".padding(12) + "RSS +".padding(12) + "outcome")
        var failures = 0
        for input in HostileCorpus.inputs {
            if !Self.spawn(input.name) { failures += 1 }
        }
        print(
            "  \(HostileCorpus.inputs.count - failures) of \(HostileCorpus.inputs.count) within budget "
                + "(time <= \(Self.timeBudget) s, RSS + <= 4x input + 32 MB) with the expected outcome")
        return failures == 0
    }

    /// In the child: one input, one row; true when within budget with the expected outcome.
    static func runOne(_ name: String) -> Bool {
        guard let input = HostileCorpus.inputs.first(where: { $0.name == name }) else {
            print("  \(name): no such input")
            return false
        }
        let bytes = input.make()
        let before = maxRSSKB()
        let clock = ContinuousClock()
        let start = clock.now
        let result = input.compile(bytes)
        let seconds = Measure.seconds(clock.now - start)
        let grown = maxRSSKB() - before
        let problems = input.problems(in: result)
        let withinBudget = seconds <= timeBudget && grown <= memoryBudgetKB(inputBytes: bytes.count)
        let outcome =
            problems.isEmpty
            ? (result.errorCount == 0 ? "accepted" : "rejected (\(result.errorCount) errors)") : "WRONG: \(problems[0])"
        print(
            "  " + name.padding(44) + "\(bytes.count)".padding(10) + Measure.format(seconds).padding(12)
                + "\(grown / 1024) MB".padding(12) + outcome + (withinBudget ? "" : "  OVER BUDGET"))
        fflush(nil)
        return withinBudget && problems.isEmpty
    }

    static func maxRSSKB() -> Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return usage.ru_maxrss
    }

    /// Runs this binary as a child for one input and waits for it.
    static func spawn(_ name: String) -> Bool {
        fflush(nil)
        var environment: [String] = []
        var index = 0
        while let entry = environ[index] {
            environment.append(String(cString: entry))
            index += 1
        }
        environment.append("\(variable)=\(name)")
        let arguments = [CommandLine.arguments[0], "hostile"]
        var cArguments = arguments.map { strdup($0) } + [nil]
        var cEnvironment = environment.map { strdup($0) } + [nil]
        defer {
            for pointer in cArguments { free(pointer) }
            for pointer in cEnvironment { free(pointer) }
        }
        var pid = pid_t()
        guard posix_spawn(&pid, "/proc/self/exe", nil, nil, &cArguments, &cEnvironment) == 0 else {
            print("  \(name): cannot start a child process")
            return false
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return status == 0
    }
}

extension String {
    /// Left-aligned in a column of `width` characters.
    fileprivate func padding(_ width: Int) -> String {
        self + String(repeating: " ", count: max(1, width - count))
    }
}
