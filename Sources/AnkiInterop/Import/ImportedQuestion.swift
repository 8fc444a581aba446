/// One question made from one Anki note, ready to be written to a bank.
public struct ImportedQuestion: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case flashcard, short
    }

    /// The question id, stable across imports of the same note (from its GUID).
    public var id: String
    public var kind: Kind
    public var prompt: String
    /// The answer of a flashcard.
    public var answer: String?
    /// The accepted answers of a short question.
    public var accept: [String]
    /// Shown after answering (a short question's other fields).
    public var explanation: String?
    /// Quiz tag names (already mapped from Anki's).
    public var tags: [String]
    /// Where it came from: the note GUID and deck.
    public var source: String
    /// The Anki note it came from (for history), nil for a text file.
    var noteID: Int64?
}

/// A note or row that was imported with a loss, or not at all.
public struct ImportWarning: Sendable, Hashable, CustomStringConvertible {
    /// The line of a text file, nil for a package.
    public var line: Int?
    /// What it is about: `note 'What does HTTP…' (Basic, deck Tech::Web)`.
    public var subject: String
    public var message: String

    public var description: String { "\(subject): \(message)" }
}
