// The byte offsets of every record's fields (FORMAT.md, "Records"): the writer, the reader
// and the verifier all name fields through these, never by bare numbers. All integers are
// little-endian; string fields hold a string id (``IndexFormat/none`` when absent).

/// A question record (``IndexFormat/questionRecordSize`` bytes).
enum QuestionField {
    static let bank = 0
    static let id = 4
    static let prompt = 8
    static let answer = 12
    static let guidance = 16
    static let explanation = 20
    static let source = 24
    static let module = 28
    static let file = 32
    static let line = 36
    static let column = 40
    static let revision = 44
    /// A trace record's index, or ``IndexFormat/none``.
    static let trace = 48
    /// u8: an index into ``IndexFormat/questionTypes``.
    static let type = 52
    /// u8: an index into ``IndexFormat/difficulties``.
    static let difficulty = 53
    /// u16, zero.
    static let reserved = 54
}

/// A choice record (``IndexFormat/choiceRecordSize`` bytes).
enum ChoiceField {
    static let text = 0
    static let why = 4
    /// Bit 0: correct; bit 1: fixed in place.
    static let flags = 8
}

/// A tag record (``IndexFormat/tagRecordSize`` bytes).
enum TagField {
    static let name = 0
    static let description = 4
    /// Bit 0: declared in tags.yaml (then it has a description).
    static let flags = 8
    /// How many questions carry the tag.
    static let count = 12
    /// The tag's first container record.
    static let firstContainer = 16
    static let containerCount = 20
}

/// A posting container record (``IndexFormat/containerRecordSize`` bytes).
enum ContainerField {
    /// u16: the high 16 bits of the ordinals in the container.
    static let key = 0
    /// u8: ``IndexFormat/containerArray`` or ``IndexFormat/containerBitset``.
    static let kind = 2
    /// u8, zero.
    static let reserved = 3
    /// How many ordinals the container holds.
    static let cardinality = 4
    /// The payload's offset in the postings section.
    static let payload = 8
}

/// A trace record (``IndexFormat/traceRecordSize`` bytes).
enum TraceField {
    static let algorithm = 0
    static let ask = 4
    /// Bit 0: `pass` present; bit 1: `k` present.
    static let flags = 8
    /// u32, zero.
    static let reserved = 12
    /// i64 fields from here on.
    static let pass = 16
    static let k = 24
    static let size = 32
    static let minimum = 40
    static let maximum = 48
}

/// A bank record (``IndexFormat/bankRecordSize`` bytes).
enum BankField {
    static let id = 0
    static let title = 4
    static let description = 8
    /// Bit 0: a course.
    static let flags = 12
    static let file = 16
    static let line = 20
    static let column = 24
}

/// A course module record (``IndexFormat/moduleRecordSize`` bytes).
enum ModuleField {
    static let course = 0
    static let id = 4
    static let title = 8
    static let algorithm = 12
    static let lesson = 16
    static let best = 20
    static let average = 24
    static let worst = 28
    static let space = 32
    /// The string fields, in record order.
    static let strings = [course, id, title, algorithm, lesson, best, average, worst, space]
    /// Bit 0: stable; bit 1: in place.
    static let flags = 36
    static let file = 40
    static let line = 44
    static let column = 48
}
