import Presentation

/// Prints a rendered trace; with `step` on a terminal, waits for Enter after each row.
enum TracePrinter {
    static func print(_ trace: some SteppedTrace, step: Bool) {
        let waits = step && Terminal.isTerminal(0)
        trace.header.forEach { Swift.print($0) }
        for row in trace.rows {
            Swift.print(row)
            if waits { _ = LineReader.next() }
        }
        trace.footer.forEach { Swift.print($0) }
    }
}
