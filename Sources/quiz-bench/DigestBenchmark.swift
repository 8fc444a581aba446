import QuizEngine

/// Why the sources' digest keeps its own SHA-256: the SHA-NI kernel against the portable
/// Swift rounds, on the generated banks' bytes (`quiz compile` digests every source).
struct DigestBenchmark {
    let questionCount: Int
    let runs: Int

    func run() {
        let bytes = BankGenerator(questionCount: questionCount, seed: 7).files().flatMap { Array($0.text.utf8) }
        var digests: [[UInt8]] = [[], []]
        let times = Measure.interleaved(
            runs: runs,
            [true, false].enumerated().map { slot, hardware in
                {
                    var hash = SHA256(hardware: hardware)
                    hash.update(bytes)
                    digests[slot] = hash.finalize()
                }
            })
        let megabytes = Double(bytes.count) / 1_000_000
        print("digest: SHA-256 of \(bytes.count) bytes of generated YAML, median of \(runs)")
        print("  SHA-NI kernel:  \(Self.format(times[0] * 1000)) ms (\(Self.format(megabytes / times[0])) MB/s)")
        print("  portable Swift: \(Self.format(times[1] * 1000)) ms (\(Self.format(megabytes / times[1])) MB/s)")
        print("  same digest: \(digests[0] == digests[1])")
    }

    private static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
