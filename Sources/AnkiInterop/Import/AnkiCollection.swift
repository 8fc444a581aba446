/// What quiz reads from an Anki collection, in either schema (11 or 18): note types, decks,
/// notes, cards and the review log.
struct AnkiCollection: Sendable {
    /// A note type: its fields in order, its card templates and whether it is a cloze type.
    struct NoteType: Sendable {
        var id: Int64
        var name: String
        var isCloze: Bool
        var fieldNames: [String]
        /// Each card template's question and answer format, in card order.
        var templates: [(question: String, answer: String)]

        /// The field a `{{type:Field}}` in the first template asks for, if any.
        var typedAnswerField: Int? {
            guard let front = templates.first?.question, let range = front.range(of: "{{type:") else { return nil }
            let rest = front[range.upperBound...]
            guard let end = rest.range(of: "}}") else { return nil }
            var name = String(rest[..<end.lowerBound])
            for prefix in ["cloze:", "nc:"] where name.hasPrefix(prefix) { name.removeFirst(prefix.count) }
            return fieldNames.firstIndex(of: name)
        }
    }

    struct Note: Sendable {
        var id: Int64
        var guid: String
        var noteTypeID: Int64
        var tags: [String]
        var fields: [String]
    }

    struct Card: Sendable {
        var id: Int64
        var noteID: Int64
        var deckID: Int64
        var ordinal: Int
    }

    /// One review-log row.
    struct Review: Sendable {
        /// When the review happened, in milliseconds since 1970 (the row id).
        var id: Int64
        var cardID: Int64
        /// 1 Again … 4 Easy; 0 for manual rescheduling.
        var ease: Int
        var durationMilliseconds: Int64
        /// 0 learn, 1 review, 2 relearn, 3 filtered, 4 manual, 5 rescheduled.
        var kind: Int
    }

    var noteTypes: [Int64: NoteType]
    /// Deck names with `::` between levels.
    var decks: [Int64: String]
    var notes: [Note]
    var cards: [Card]
    var reviews: [Review]
}
