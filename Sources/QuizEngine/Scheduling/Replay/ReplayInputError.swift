/// An invalid replay input: every message names the field at fault.
public struct ReplayInputError: Error, Sendable {
    public var messages: [String]

    init(_ message: String) { messages = [message] }
    init(messages: [String]) { self.messages = messages }
}
