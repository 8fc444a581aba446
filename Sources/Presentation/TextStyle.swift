/// The ANSI styles of terminal output, applied only where colour is allowed.
public enum TextStyle: String, Sendable {
    case bold = "1"
    case dim = "2"
    case red = "1;31"
    case green = "1;32"
    case yellow = "1;33"
    case blue = "1;34"
    case magenta = "1;35"
    case cyan = "1;36"

    /// `text` in this style, or unchanged when colour is off.
    public func paint(_ text: String, enabled: Bool) -> String {
        Self.paint(text, code: rawValue, enabled: enabled)
    }

    /// `text` wrapped in the SGR sequence `code` ("1;4" for bold underlined), then a reset.
    static func paint(_ text: String, code: String, enabled: Bool) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
