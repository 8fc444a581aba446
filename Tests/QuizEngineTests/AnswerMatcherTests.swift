import QuizEngine
import Testing

/// Fair grading of typed answers: near misses, numbers, acronyms and parenthesised forms.
@Suite("Answer matching")
struct AnswerMatcherTests {
    @Test(
        arguments: [
            // Exact after normalising.
            ("Reentrant", ["reentrant"], AnswerMatcher.Kind.exact, "reentrant"),
            ("too-many requests", ["429", "too many requests"], .exact, "too many requests"),
            // Near misses: distance 1 for 5-12 characters, 2 above, adjacent swaps cost one.
            ("reentrnat", ["reentrant"], .close, "reentrant"),
            ("reentran", ["reentrant"], .close, "reentrant"),
            ("reetnrant", ["reentrant"], .close, "reentrant"),
            ("raentrnat", ["reentrant"], .wrong, "reentrant"),
            ("idempotensy key", ["idempotency key"], .close, "idempotency key"),
            ("idempotenzy kee", ["idempotency key"], .close, "idempotency key"),
            ("idempetenzy kez", ["idempotency key"], .wrong, "idempotency key"),
            // Short forms must be exact.
            ("TSL", ["TLS"], .wrong, "TLS"),
            ("GIL", ["GIL"], .exact, "GIL"),
            // Numbers: the digits (and decimal points) must match; no typo allowance.
            ("428", ["429"], .wrong, "429"),
            ("432", ["43.2"], .wrong, "43.2"),
            ("43.2", ["43.2"], .exact, "43.2"),
            ("38", ["37.5%", "3/8"], .wrong, "3/8"),
            ("3/8", ["37.5%", "3/8"], .exact, "3/8"),
            ("$145,646", ["145,646"], .exact, "145,646"),
            ("5 ms", ["5", "5 ms"], .exact, "5 ms"),
            ("50 ms", ["5 ms"], .wrong, "5 ms"),
            // Parenthesised forms match either way.
            ("SNI", ["Server Name Indication (SNI)"], .exact, "Server Name Indication (SNI)"),
            ("server name indication", ["Server Name Indication (SNI)"], .exact, "Server Name Indication (SNI)"),
            ("Server Name Indication (SNI)", ["SNI"], .exact, "SNI"),
            ("Server Name Indication (SNI)", ["server name indication"], .exact, "server name indication"),
            // An answer's initials answer a one-word accepted acronym; phrases do not match phrases so.
            ("remote procedure call", ["RPC"], .exact, "RPC"),
            ("server name indication", ["SNI"], .exact, "SNI"),
            ("O(n log n)", ["O(n log n)"], .exact, "O(n log n)"),
            ("O", ["O(n log n)"], .wrong, "O(n log n)"),
        ] as [(String, [String], AnswerMatcher.Kind, String)])
    func grading(_ answer: String, _ accepted: [String], _ kind: AnswerMatcher.Kind, _ form: String) {
        let match = AnswerMatcher.match(answer, accepted: accepted)
        #expect(match.kind == kind, "\(answer) against \(accepted)")
        #expect(match.accepted == form, "\(answer) against \(accepted)")
    }

    @Test func theNearestAcceptedFormIsNamedWhenWrong() {
        let match = AnswerMatcher.match("reentry lock", accepted: ["recursive mutex", "reentrant lock", "RLock"])
        #expect(match.kind == .wrong)
        #expect(match.accepted == "reentrant lock")
    }

    @Test func emptyAnswersAreWrong() {
        #expect(AnswerMatcher.match("  ...  ", accepted: ["x"]).kind == .wrong)
    }
}
