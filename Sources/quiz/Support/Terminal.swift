#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Presentation

/// What the process's terminals can do, and the ANSI styles used when they can.
enum Terminal {
    /// Whether a stream is a terminal and colour is allowed (`NO_COLOR` unset or empty).
    static func allowsColor(fileDescriptor: Int32) -> Bool {
        if let value = getenv("NO_COLOR"), value.pointee != 0 { return false }
        return isatty(fileDescriptor) == 1
    }

    static func isTerminal(_ fileDescriptor: Int32) -> Bool { isatty(fileDescriptor) == 1 }

    typealias Style = TextStyle

    static func paint(_ text: String, _ style: Style, enabled: Bool) -> String {
        style.paint(text, enabled: enabled)
    }
}

/// Writes to standard error without buffering surprises.
enum StandardError {
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(2, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
    }
}
