/// Reads standard input line by line with `read(2)`, so Ctrl-C can end a blocked read.
///
/// The standard library's `readLine()` retries `getline` after `EINTR`, which leaves an
/// interrupted prompt spinning; this reader returns nil instead once SIGINT has arrived.
enum LineReader {
    nonisolated(unsafe) private static var buffer: [UInt8] = []
    nonisolated(unsafe) private static var reachedEnd = false

    /// The next line without its line break, or nil at end of input or after Ctrl-C.
    static func next() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                var line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                if line.last == 0x0D { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            if reachedEnd {
                guard !buffer.isEmpty else { return nil }
                defer { buffer.removeAll() }
                return String(decoding: buffer, as: UTF8.self)
            }
            switch StandardInput.read(upTo: 4096) {
            case .bytes(let chunk): buffer.append(contentsOf: chunk)
            case .end: reachedEnd = true
            case .interrupted where !Console.wasInterrupted: continue
            case .interrupted, .failed: return nil
            }
            if Console.wasInterrupted { return nil }
        }
    }
}
