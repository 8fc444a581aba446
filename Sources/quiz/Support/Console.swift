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
        Interrupt.install()
    }

    func write(_ text: String) {
        print(text, terminator: "")
        StandardOutput.flush()
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

    static var wasInterrupted: Bool { Interrupt.happened }
}
