#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Presentation
import Synchronization

// The CLI's C library calls: the only file of the target importing a platform module.

/// What the process's terminals can do, and the ANSI styles used when they can.
enum Terminal {
    /// Whether a stream is a terminal and colour is allowed (`NO_COLOR` unset or empty).
    static func allowsColor(fileDescriptor: Int32) -> Bool {
        if let value = Environment.value("NO_COLOR"), !value.isEmpty { return false }
        return isTerminal(fileDescriptor)
    }

    static func isTerminal(_ fileDescriptor: Int32) -> Bool { isatty(fileDescriptor) == 1 }

    typealias Style = TextStyle

    static func paint(_ text: String, _ style: Style, enabled: Bool) -> String {
        style.paint(text, enabled: enabled)
    }
}

/// The process's environment variables.
enum Environment {
    static func value(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }
}

/// The system clock.
enum SystemClock {
    /// Microseconds since the epoch (`CLOCK_REALTIME`).
    static var microsecondsSinceEpoch: Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000 + Int64(time.tv_nsec) / 1_000
    }
}

/// Writes to standard error without buffering surprises.
enum StandardError {
    static func write(_ text: String) { writeAll(text, to: 2) }
}

/// Writes all of `text` to `descriptor` with `write(2)`, retrying after a signal; a failed or
/// closed stream ends the write (there is nowhere to report it).
private func writeAll(_ text: String, to descriptor: Int32) {
    var text = text
    text.withUTF8 { buffer in
        var offset = 0
        while offset < buffer.count {
            let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0, errno == EINTR { continue }
            if written <= 0 { break }
            offset += written
        }
    }
}

/// Standard output, printed through `print`, or written whole.
enum StandardOutput {
    /// Flushes every C stream: a pipe is block-buffered, and a front end waits for each line
    /// (`stdout` itself is not concurrency-safe to name in Swift 6).
    static func flush() { fflush(nil) }

    /// Writes `text` after whatever `print` buffered, so the two stay in order.
    ///
    /// `print` takes `Any...` and casts each item to find how to write it; the first such cast
    /// in a process scans every conformance record of the binary (a quarter of a millisecond,
    /// by perf on `quiz show`). Commands whose whole output is one string write it with this.
    static func write(_ text: String) {
        flush()
        writeAll(text, to: 1)
    }
}

/// Standard input, read with `read(2)` so Ctrl-C can end a blocked read.
enum StandardInput {
    /// What one read returned.
    enum Chunk {
        case bytes([UInt8])
        case end
        /// A signal arrived while the read was blocked (EINTR).
        case interrupted
        case failed
    }

    static func read(upTo count: Int) -> Chunk {
        var chunk = [UInt8](repeating: 0, count: count)
        let got = chunk.withUnsafeMutableBytes { systemRead(0, $0.baseAddress, $0.count) }
        if got < 0 { return errno == EINTR ? .interrupted : .failed }
        if got == 0 { return .end }
        chunk.removeLast(count - got)
        return .bytes(chunk)
    }
}

/// Ctrl-C, turned into a flag the prompts check.
enum Interrupt {
    /// Set by the SIGINT handler: a lock-free atomic, the only kind of shared state a
    /// signal handler may write while another thread reads it.
    private static let flag = Atomic<Bool>(false)

    static var happened: Bool { flag.load(ordering: .relaxed) }

    /// Installs a SIGINT handler without SA_RESTART, so a blocked read returns and the round
    /// ends with its summary instead of the process dying mid-line.
    static func install() {
        // Initialise the lazy static now: its one-time initialiser is not async-signal-safe.
        _ = happened
        var action = sigaction()
        #if canImport(Darwin)
        action.__sigaction_u.__sa_handler = { _ in Interrupt.flag.store(true, ordering: .relaxed) }
        #else
        action.__sigaction_handler.sa_handler = { _ in Interrupt.flag.store(true, ordering: .relaxed) }
        #endif
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

/// `write(2)` and `read(2)`, named apart from the methods above.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
