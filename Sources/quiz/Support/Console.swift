import Synchronization

#if canImport(Glibc)
import Glibc
#endif
import Presentation

/// Line-based terminal I/O for interactive commands: prompts without a newline are flushed,
/// Ctrl-C ends the current read so the command can still print its summary.
struct Console {
    /// Whether stdin and stdout are both terminals (colour and progress counters then).
    let isInteractive: Bool
    let color: Bool

    init() {
        isInteractive = Terminal.isTerminal(0) && Terminal.isTerminal(1)
        color = Terminal.allowsColor(fileDescriptor: 1)
        Console.installInterruptHandler()
    }

    func write(_ text: String) {
        print(text, terminator: "")
        fflush(nil)  // all streams; `stdout` itself is not concurrency-safe to name in Swift 6
    }

    func line(_ text: String = "") {
        print(text)
    }

    /// Prints `prompt` and reads one line; nil at end of input or after Ctrl-C.
    func ask(_ prompt: String) -> String? {
        write(prompt)
        guard !Console.wasInterrupted, let line = LineReader.next() else {
            if isInteractive { print() }
            return nil
        }
        if Console.wasInterrupted { return nil }
        if !isInteractive { print(line) }  // echo piped answers so transcripts read like sessions
        return line
    }

    /// Questions rendered for this console: coloured where allowed, counted when interactive.
    var presenter: QuestionPresenter { QuestionPresenter(color: color, showsCounter: isInteractive) }

    func paint(_ text: String, _ style: Terminal.Style) -> String {
        Terminal.paint(text, style, enabled: color)
    }

    // MARK: Ctrl-C

    /// Set by the SIGINT handler: a lock-free atomic, the only kind of shared state a
    /// signal handler may write while another thread reads it.
    private static let interruptFlag = Atomic<Bool>(false)

    static var wasInterrupted: Bool { interruptFlag.load(ordering: .relaxed) }

    /// Installs a SIGINT handler without SA_RESTART, so a blocked read returns and the
    /// round ends with its summary instead of the process dying mid-line.
    private static func installInterruptHandler() {
        // Initialise the lazy static now: its one-time initialiser is not async-signal-safe.
        _ = wasInterrupted
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in Console.interruptFlag.store(true, ordering: .relaxed) }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        // A parent may have started us with SIGINT blocked (threads of test runners do);
        // unblock it, or the handler never runs.
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
    }
}
