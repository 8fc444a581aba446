import ArgumentParser

/// Checks and quotes the values a user typed, so every refusal names the option and its range.
enum CommandLineText {
    /// At most `limit` characters of `text`, with an ellipsis when cut: a 5,000-character
    /// argument must not fill the terminal when an error message quotes it.
    static func excerpt(_ text: String, limit: Int = 60) -> String {
        guard text.count > limit else { return text }
        return String(text.prefix(limit)) + "…"
    }

    /// Throws a validation error naming `option` and `range` unless `value` lies in it.
    static func require<Value: Comparable>(_ value: Value, in range: ClosedRange<Value>, for option: String) throws {
        guard range.contains(value) else {
            throw ValidationError("\(option) must be from \(range.lowerBound) to \(range.upperBound), got \(value)")
        }
    }
}
