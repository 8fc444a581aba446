/// A run of questions stored as one block of bytes: what the compiler holds for each bank file
/// between lowering it and writing the index.
///
/// A ``Question`` keeps each of its texts in its own heap string and each list in its own
/// array, a dozen allocations with their headers; for a bank of 100,000 questions that is
/// twice the size of the text itself. Packed, a question is its texts' UTF-8 bytes behind
/// varint lengths, and the strings nearly every question of a file repeats (bank, file,
/// module, source, tag names) are stored once per run and referred to by number.
///
/// The bytes never move once packed, so the index writer reads a question's texts in place
/// (``Reader``), without decoding them into strings.
///
///     let packed = PackedQuestions(questions)
///     packed[0] == questions[0]  // true
public final class PackedQuestions: Sendable {
    /// The packed records, one after another, in a block of their exact size.
    private let block: MappedBlock
    /// The number of questions.
    public let count: Int
    /// Where the records end in `block`: after them come, aligned, where each record starts
    /// and where the last one ends (`count + 1` little-endian integers of `startWidth` bytes:
    /// 4, or 8 for a run of 4 GiB or more).
    private let recordsEnd: Int
    private let startsOffset: Int
    private let startWidth: Int
    /// The strings that questions refer to by number: bank, file, module, source and tags.
    let shared: [String]
    /// Every tag the run's questions carry, once each, in order of first use.
    let tagNames: [String]

    /// Packs `questions`, in order.
    ///
    /// - Complexity: O(n) for n bytes of text.
    public convenience init(_ questions: some Sequence<Question>) {
        self.init(questions, wideStarts: false)
    }

    /// Packs `questions`; with `wideStarts`, the record starts take 8 bytes even when 4 would
    /// do (what a run of 4 GiB or more needs, which tests cannot build).
    init(_ questions: some Sequence<Question>, wideStarts: Bool) {
        var encoder = Encoder()
        for question in questions { encoder.append(question) }
        count = encoder.starts.count - 1
        recordsEnd = encoder.bytes.count
        let width = wideStarts || recordsEnd > Int(UInt32.max) ? 8 : 4
        startWidth = width
        startsOffset = (recordsEnd + width - 1) / width * width
        encoder.bytes += repeatElement(0, count: startsOffset - recordsEnd)
        for start in encoder.starts {
            if width == 4 {
                withUnsafeBytes(of: UInt32(start).littleEndian) { encoder.bytes += $0 }
            } else {
                withUnsafeBytes(of: UInt64(start).littleEndian) { encoder.bytes += $0 }
            }
        }
        // A bank file's run is packed on the file's worker thread and read, then let go, on
        // the writer's (a ``MappedBlock`` goes back to the kernel from any thread).
        block = encoder.bytes.withUnsafeBytes { MappedBlock(copying: $0) }
        shared = encoder.shared
        tagNames = encoder.tagNumbers.map { encoder.shared[$0] }
    }

    /// Where record `position` starts (the end of the last one at `count`).
    private func start(_ position: Int) -> Int {
        let offset = startsOffset + startWidth * position
        if startWidth == 4 {
            return Int(UInt32(littleEndian: block.bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
        }
        return Int(UInt64(littleEndian: block.bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
    }

    /// The question at `position`, decoded into its own strings and arrays.
    ///
    /// - Complexity: O(n) for n bytes of the question's text.
    public subscript(position: Int) -> Question {
        precondition(position >= 0 && position < count, "question \(position) is out of range 0..<\(count)")
        var reader = reader(position)
        return reader.question()
    }

    /// Every question, decoded.
    public var questions: [Question] { (0..<count).map { self[$0] } }

    /// A reader over the record at `position`, whose bytes stay valid while `self` lives.
    func reader(_ position: Int) -> Reader {
        Reader(
            bytes: UnsafeRawBufferPointer(rebasing: block.bytes[start(position)..<start(position + 1)]), shared: shared)
    }

    /// The tag names of the question at `position`, without decoding the rest.
    public func tags(at position: Int) -> [String] {
        var reader = reader(position)
        reader.skipToTags()
        return reader.tagNumbers().map { shared[$0] }
    }

    /// The difficulty of the question at `position`, without decoding the rest.
    public func difficulty(at position: Int) -> Difficulty? {
        reader(position).difficulty
    }
}

extension PackedQuestions {
    /// Builds the packed bytes. The field order here is the one ``Reader`` reads in, and the
    /// order in which the index writer interns a question's strings.
    private struct Encoder {
        var bytes: [UInt8] = []
        var starts: [Int] = [0]
        var shared: [String] = []
        /// The shared strings used as tags, in order of first use.
        var tagNumbers: [Int] = []
        /// The numbers of the shared strings equal to a key. `String` equality is canonical
        /// equivalence, so `"caf\u{E9}"` and `"cafe\u{301}"` share a key; the index keeps
        /// each one's bytes, so they are told apart by their UTF-8.
        private var sharedNumbers: [String: [Int]] = [:]
        private var isTag: [Bool] = []

        mutating func append(_ q: Question) {
            bytes.append(IndexFormat.code(of: q.type))
            bytes.append(IndexFormat.code(of: q.difficulty))
            signed(q.revision)
            unsigned(q.location.line)
            unsigned(q.location.column)
            sharedString(q.bank)
            string(q.id)
            string(q.prompt)
            optionalString(q.answer)
            optionalString(q.guidance)
            optionalString(q.explanation)
            optionalSharedString(q.source)
            optionalSharedString(q.module)
            sharedString(q.location.file)
            if let trace = q.trace {
                bytes.append(1 | (trace.pass != nil ? 2 : 0) | (trace.k != nil ? 4 : 0))
                string(trace.algorithm)
                string(trace.ask)
                if let pass = trace.pass { signed(pass) }
                if let k = trace.k { signed(k) }
                signed(trace.size)
                signed(trace.minimum)
                signed(trace.maximum)
            } else {
                bytes.append(0)
            }
            unsigned(q.tags.count)
            for tag in q.tags {
                let number = number(of: tag)
                unsigned(number)
                if !isTag[number] {
                    isTag[number] = true
                    tagNumbers.append(number)
                }
            }
            unsigned(q.choices.count)
            for choice in q.choices {
                bytes.append((choice.isCorrect ? 1 : 0) | (choice.isFixed ? 2 : 0))
                string(choice.text)
                optionalString(choice.why)
            }
            for list in [q.accept, q.items, q.rubric, q.refs] {
                unsigned(list.count)
                for item in list { string(item) }
            }
            starts.append(bytes.count)
        }

        private mutating func unsigned(_ value: Int) { varint(UInt64(UInt(bitPattern: value))) }

        /// Zigzag, so small negative numbers stay short.
        private mutating func signed(_ value: Int) {
            let wide = Int64(value)
            varint(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
        }

        private mutating func varint(_ value: UInt64) {
            var value = value
            while value >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
                value >>= 7
            }
            bytes.append(UInt8(value))
        }

        private mutating func string(_ text: String) {
            unsigned(text.utf8.count)
            bytes += text.utf8
        }

        /// Length plus one; zero for nil.
        private mutating func optionalString(_ text: String?) {
            guard let text else { return varint(0) }
            varint(UInt64(text.utf8.count) + 1)
            bytes += text.utf8
        }

        private mutating func sharedString(_ text: String) { unsigned(number(of: text)) }

        /// Number plus one; zero for nil.
        private mutating func optionalSharedString(_ text: String?) {
            guard let text else { return varint(0) }
            unsigned(number(of: text) + 1)
        }

        private mutating func number(of text: String) -> Int {
            let candidates = sharedNumbers[text, default: []]
            if let number = candidates.first(where: { shared[$0].utf8.elementsEqual(text.utf8) }) { return number }
            shared.append(text)
            isTag.append(false)
            sharedNumbers[text, default: []].append(shared.count - 1)
            return shared.count - 1
        }
    }

    /// Reads one packed question's fields in order. Texts come back as views of the packed
    /// bytes, valid while the ``PackedQuestions`` lives.
    struct Reader {
        private let bytes: UnsafeRawBufferPointer
        let shared: [String]
        private var cursor = 5

        init(bytes: UnsafeRawBufferPointer, shared: [String]) {
            self.bytes = bytes
            self.shared = shared
        }

        // The fixed head: type, difficulty, then varints from `cursor`.
        var type: QuestionType { IndexFormat.questionTypes[Int(bytes[0])] }
        var difficulty: Difficulty? { IndexFormat.difficulties[Int(bytes[1])] }

        /// Revision, line and column, which open every record.
        mutating func numbers() -> (revision: Int, line: Int, column: Int) {
            cursor = 2
            let revision = signed()
            let line = unsigned()
            return (revision, line, unsigned())
        }

        mutating func sharedNumber() -> Int { unsigned() }

        mutating func optionalSharedNumber() -> Int? {
            let value = unsigned()
            return value == 0 ? nil : value - 1
        }

        mutating func text() -> UnsafeRawBufferPointer {
            let length = unsigned()
            defer { cursor += length }
            return UnsafeRawBufferPointer(rebasing: bytes[cursor..<cursor + length])
        }

        mutating func optionalText() -> UnsafeRawBufferPointer? {
            let length = unsigned()
            guard length > 0 else { return nil }
            defer { cursor += length - 1 }
            return UnsafeRawBufferPointer(rebasing: bytes[cursor..<cursor + length - 1])
        }

        mutating func trace() -> TraceTemplate? {
            let flags = bytes[cursor]
            cursor += 1
            guard flags & 1 != 0 else { return nil }
            let algorithm = Self.string(text())
            let ask = Self.string(text())
            let pass = flags & 2 != 0 ? signed() : nil
            let k = flags & 4 != 0 ? signed() : nil
            let size = signed()
            let minimum = signed()
            return TraceTemplate(
                algorithm: algorithm, ask: ask, pass: pass, k: k, size: size, minimum: minimum, maximum: signed())
        }

        /// The tags' numbers in ``PackedQuestions/shared``, read after the trace.
        mutating func tagNumbers() -> [Int] {
            (0..<unsigned()).map { _ in unsigned() }
        }

        /// Calls `body` with each tag's number in ``PackedQuestions/shared``.
        mutating func forEachTagNumber(_ body: (Int) -> Void) {
            for _ in 0..<unsigned() { body(unsigned()) }
        }

        /// Calls `body` with each choice: its text, its `why`, whether it is correct and fixed.
        mutating func forEachChoice(
            _ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer?, Bool, Bool) throws(IndexError) -> Void
        ) throws(IndexError) {
            for _ in 0..<unsigned() {
                let flags = bytes[cursor]
                cursor += 1
                let text = text()
                try body(text, optionalText(), flags & 1 != 0, flags & 2 != 0)
            }
        }

        /// Calls `body` with each item of the next list (accepted forms, items, rubric, refs).
        mutating func forEachListItem(_ body: (UnsafeRawBufferPointer) -> Void) {
            for _ in 0..<unsigned() { body(text()) }
        }

        /// Moves past everything before the tags.
        mutating func skipToTags() {
            _ = numbers()
            _ = sharedNumber()
            for _ in 0..<2 { _ = text() }
            for _ in 0..<3 { _ = optionalText() }
            for _ in 0..<2 { _ = optionalSharedNumber() }
            _ = sharedNumber()
            _ = trace()
        }

        /// The whole question, decoded.
        mutating func question() -> Question {
            let (revision, line, column) = numbers()
            let bank = shared[sharedNumber()]
            let id = Self.string(text())
            let prompt = Self.string(text())
            let answer = optionalText().map(Self.string)
            let guidance = optionalText().map(Self.string)
            let explanation = optionalText().map(Self.string)
            let source = optionalSharedNumber().map { shared[$0] }
            let module = optionalSharedNumber().map { shared[$0] }
            let file = shared[sharedNumber()]
            let trace = trace()
            let tags = tagNumbers().map { shared[$0] }
            var choices: [Choice] = []
            // A choice's closure cannot throw here, so neither can the loop.
            try? forEachChoice { text, why, correct, fixed in
                choices.append(Choice(text: Self.string(text), isCorrect: correct, why: why.map(Self.string), isFixed: fixed))
            }
            var lists: [[String]] = []
            for _ in 0..<4 {
                var list: [String] = []
                forEachListItem { list.append(Self.string($0)) }
                lists.append(list)
            }
            return Question(
                bank: bank, id: id, type: type, prompt: prompt, answer: answer, accept: lists[0], choices: choices,
                items: lists[1], guidance: guidance, rubric: lists[2], explanation: explanation, tags: tags,
                difficulty: difficulty, source: source, refs: lists[3], revision: revision, module: module,
                trace: trace, location: SourceLocation(file: file, line: line, column: column))
        }

        private static func string(_ bytes: UnsafeRawBufferPointer) -> String {
            String(decoding: bytes, as: UTF8.self)
        }

        private mutating func varint() -> UInt64 {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let byte = bytes[cursor]
                cursor += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
        }

        private mutating func unsigned() -> Int { Int(bitPattern: UInt(varint())) }

        private mutating func signed() -> Int {
            let raw = varint()
            return Int(truncatingIfNeeded: Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1))
        }
    }
}
