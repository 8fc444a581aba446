/// A compiled question index (`Build/banks.qbx`), read in place and verified as it is read.
///
/// Opening maps the file read-only and checks what every read relies on (magic, versions,
/// feature bits, length, the header and section table, the block checksum table, the small
/// tables of tags, banks and modules); every other byte is checked the first time it is
/// read: its block's CRC-32C, then the bounds, ids, counts and UTF-8 of what is read from
/// it. So `quiz show KEY` on an index of 100,000 questions reads and checks a few blocks,
/// not 50 MB, and a damaged or hostile file still yields an ``IndexError`` from whichever
/// accessor meets the damage, never a crash or a wrong answer. ``verifyAll()`` checks the
/// whole file at once.
///
///     let index = try QuestionIndex(contentsOf: "Build/banks.qbx")
///     if let ordinal = try index.ordinal(forKey: "behavioral/negative-feedback") {
///         print(try index.question(at: ordinal).prompt)
///     }
///     // Prints "Tell me about a time you received negative feedback."
///
/// An index is immutable and safe to share between tasks.
public final class QuestionIndex: @unchecked Sendable {
    // @unchecked: the bytes are read-only (a private read-only mapping or a private copy);
    // the only mutable state, the verified-block bitmap, is updated atomically.

    /// Keeps the bytes alive: a `MappedFile` or an `OwnedBytes`.
    private let owner: AnyObject
    let reader: IndexReader
    var base: UnsafeRawPointer { reader.base }
    var layout: IndexLayout { reader.layout }

    /// The file the index was read from; `nil` for one held in memory.
    public let path: String?
    /// The compiler that wrote the index, as given to ``IndexWriter``.
    public let compilerVersion: String
    /// The bank schema version the sources were checked against.
    public let schemaVersion: String

    /// Opens the index file at `path`, mapping it into memory.
    ///
    /// - Throws: ``IndexError``: `.io` when the file cannot be read, otherwise what is wrong
    ///   with it (its message says what to do).
    /// - Complexity: O(t) in the size of the small tables; O(n) in the file size for an
    ///   index without block checksums (format 1.0), which is verified whole.
    public convenience init(contentsOf path: String) throws(IndexError) {
        let file = try MappedFile(path: path)
        let buffer = UnsafeRawBufferPointer(start: file.base, count: file.count)
        do {
            try self.init(owner: file, buffer: buffer, path: path)
        } catch {
            throw error.at(path)
        }
    }

    /// Opens an index held in memory (tests, the copy embedded in the binary). The bytes
    /// are copied into aligned storage.
    ///
    /// - Throws: ``IndexError`` saying what is wrong with the bytes.
    public convenience init(bytes: [UInt8]) throws(IndexError) {
        let owned = OwnedBytes(bytes)
        try self.init(owner: owned, buffer: UnsafeRawBufferPointer(start: owned.pointer, count: bytes.count), path: nil)
    }

    /// Decodes and opens a base64 index, such as the one embedded in the `quiz` binary.
    public convenience init(base64: StaticString) throws(IndexError) {
        guard let bytes = Base64.decode(base64) else { throw .notAnIndex("invalid base64") }
        try self.init(bytes: bytes)
    }

    private init(owner: AnyObject, buffer: UnsafeRawBufferPointer, path: String?) throws(IndexError) {
        self.path = path
        // open() succeeds only on at least a full header, so the buffer has an address.
        reader = try IndexLayout.open(buffer)
        compilerVersion = try reader.string(reader.layout.compilerVersion)
        schemaVersion = try reader.string(reader.layout.schemaVersion)
        self.owner = owner
    }

    /// Checks the whole file now: every checksum (of each section and each block), bound,
    /// order, count, UTF-8 sequence and posting, and that the postings agree with each
    /// question's tags. Reading checks the same lazily; this is for tools and tests that
    /// want every byte checked up front.
    ///
    /// - Complexity: O(n) in the file size.
    public func verifyAll() throws(IndexError) {
        _ = try IndexLayout.verify(UnsafeRawBufferPointer(start: base, count: layout.fileLength))
    }

    // MARK: Metadata

    /// A format version, such as 1.1.
    public struct FormatVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
        public var major: Int
        public var minor: Int

        public init(major: Int, minor: Int) {
            self.major = major
            self.minor = minor
        }

        public static func < (a: FormatVersion, b: FormatVersion) -> Bool { (a.major, a.minor) < (b.major, b.minor) }
        public var description: String { "\(major).\(minor)" }
    }

    /// The format version this library writes.
    public static let currentFormat = FormatVersion(major: Int(IndexFormat.major), minor: Int(IndexFormat.minor))

    /// The version of the format the file was written in.
    public var formatVersion: FormatVersion { FormatVersion(major: Int(layout.major), minor: Int(layout.minor)) }
    /// The digest of the sources the index was compiled from (empty if none was given).
    public var sourceDigest: [UInt8] { layout.digest }
    /// The size of the index in bytes.
    public var byteCount: Int { layout.fileLength }

    // MARK: Questions

    /// The number of questions.
    public var count: Int { layout.questionCount }

    /// The question at `ordinal` (its position in canonical order), fully decoded.
    ///
    /// - Precondition: `0 <= ordinal < count`.
    public func question(at ordinal: Int) throws(IndexError) -> Question {
        let r = try reader.questionRecord(ordinal)
        typealias F = QuestionField
        func list(_ k: Int) throws(IndexError) -> [String] {
            try strings(inList: ordinal * IndexFormat.listsPerQuestion + k)
        }
        return Question(
            bank: try reader.string(r.u32(F.bank)),
            id: try reader.string(r.u32(F.id)),
            type: IndexFormat.questionTypes[Int(r.u8(F.type))],
            prompt: try reader.string(r.u32(F.prompt)),
            answer: try reader.optionalString(r.u32(F.answer)),
            accept: try list(IndexFormat.listAccept),
            choices: try choices(at: ordinal),
            items: try list(IndexFormat.listItems),
            guidance: try reader.optionalString(r.u32(F.guidance)),
            rubric: try list(IndexFormat.listRubric),
            explanation: try reader.optionalString(r.u32(F.explanation)),
            tags: try tags(at: ordinal),
            difficulty: IndexFormat.difficulties[Int(r.u8(F.difficulty))],
            source: try reader.optionalString(r.u32(F.source)),
            refs: try list(IndexFormat.listRefs),
            revision: Int(Int32(bitPattern: r.u32(F.revision))),
            module: try reader.optionalString(r.u32(F.module)),
            trace: try trace(r.u32(F.trace)),
            location: SourceLocation(
                file: try reader.string(r.u32(F.file)), line: Int(r.u32(F.line)), column: Int(r.u32(F.column)))
        )
    }

    /// The key (`bank/id`) of the question at `ordinal`.
    public func key(at ordinal: Int) throws(IndexError) -> String {
        let r = try reader.questionRecord(ordinal)
        return try reader.string(r.u32(QuestionField.bank)) + "/" + reader.string(r.u32(QuestionField.id))
    }

    /// The keys of all questions, in ordinal order (for suggestions: it reads every key).
    ///
    /// - Complexity: O(n) in the number of questions.
    public func allKeys() throws(IndexError) -> [String] {
        var keys: [String] = []
        keys.reserveCapacity(count)
        for ordinal in 0..<count { keys.append(try key(at: ordinal)) }
        return keys
    }

    /// The bank id of the question at `ordinal`.
    public func bank(at ordinal: Int) throws(IndexError) -> String {
        try reader.string(reader.questionRecord(ordinal).u32(QuestionField.bank))
    }

    /// The prompt of the question at `ordinal`.
    public func prompt(at ordinal: Int) throws(IndexError) -> String {
        try reader.string(reader.questionRecord(ordinal).u32(QuestionField.prompt))
    }

    /// The type of the question at `ordinal`.
    public func type(at ordinal: Int) throws(IndexError) -> QuestionType {
        IndexFormat.questionTypes[Int(try reader.questionRecord(ordinal).u8(QuestionField.type))]
    }

    /// The difficulty of the question at `ordinal`, if it has one.
    public func difficulty(at ordinal: Int) throws(IndexError) -> Difficulty? {
        IndexFormat.difficulties[Int(try reader.questionRecord(ordinal).u8(QuestionField.difficulty))]
    }

    /// The revision of the question at `ordinal`.
    public func revision(at ordinal: Int) throws(IndexError) -> Int {
        Int(Int32(bitPattern: try reader.questionRecord(ordinal).u32(QuestionField.revision)))
    }

    /// The full tag set of the question at `ordinal`, sorted by UTF-8 bytes.
    public func tags(at ordinal: Int) throws(IndexError) -> [String] {
        var names: [String] = []
        for id in try tagIDs(at: ordinal) { names.append(try reader.string(reader.tagRecord(id).u32(TagField.name))) }
        return names
    }

    /// The ids (positions in ``tags``) of the tags of the question at `ordinal`, ascending.
    public func tagIDs(at ordinal: Int) throws(IndexError) -> [Int] {
        precondition(ordinal >= 0 && ordinal < layout.questionCount, "question ordinal out of range")
        let extent = try reader.range(.questionTagOffsets, ordinal, limit: layout.questionTagCount)
        let ids = try reader.bytes(.questionTags, 4 * extent.lowerBound, 4 * extent.count)
        var out: [Int] = []
        out.reserveCapacity(extent.count)
        for i in 0..<extent.count {
            let id = Int(ids.u32(4 * i))
            guard layout.tagCount > id, id > (out.last ?? -1) else {
                throw .malformed("question \(ordinal)'s tags are not sorted, unique and known")
            }
            out.append(id)
        }
        return out
    }

    /// The ordinal of the question whose key is `key`, or `nil`.
    ///
    /// - Complexity: O(log n · k), where n is the number of questions and k the key length.
    public func ordinal(forKey key: String) throws(IndexError) -> Int? {
        let keyAt = { (position: Int) throws(IndexError) -> [UInt8] in
            try self.reader.key(self.reader.keyOrdinal(position))
        }
        guard let position = try search(key, count: layout.questionCount, keyAt: keyAt) else { return nil }
        return try reader.keyOrdinal(position)
    }

    // MARK: Tags

    /// A tag of the index: its name, description and the number of questions carrying it.
    public struct Tag: Sendable, Hashable {
        /// The tag's position in ``QuestionIndex/tags`` (sorted by name).
        public var id: Int
        public var name: String
        /// The description from the tag vocabulary; `nil` for a tag used but not declared.
        public var description: String?
        /// The number of questions carrying the tag.
        public var count: Int
    }

    /// The number of distinct tags.
    public var tagCount: Int { layout.tagCount }

    /// Every tag, sorted by name (UTF-8 bytes).
    public var tags: [Tag] {
        get throws(IndexError) {
            var all: [Tag] = []
            for id in 0..<tagCount { all.append(try tag(at: id)) }
            return all
        }
    }

    /// The tag with id `id`.
    ///
    /// - Precondition: `0 <= id < tagCount`.
    public func tag(at id: Int) throws(IndexError) -> Tag {
        let r = reader.tagRecord(id)
        return Tag(
            id: id, name: try reader.string(r.u32(TagField.name)),
            description: try reader.optionalString(r.u32(TagField.description)), count: Int(r.u32(TagField.count)))
    }

    /// The id of the tag named `name`, or `nil` (binary search).
    public func tagID(named name: String) throws(IndexError) -> Int? {
        let nameAt = { (id: Int) throws(IndexError) -> [UInt8] in
            try self.reader.stringBytes(self.reader.tagRecord(id).u32(TagField.name))
        }
        return try search(name, count: layout.tagCount, keyAt: nameAt)
    }

    /// The questions carrying the tag `id`, as roaring-style containers.
    ///
    /// - Complexity: O(p) in the tag's postings, which are checked before they are returned.
    public func postings(forTag id: Int) throws(IndexError) -> PostingList {
        let r = reader.tagRecord(id)
        if reader.blocks != nil { try reader.checkPostings(ofTag: id) }
        return PostingList(
            index: self, firstContainer: Int(r.u32(TagField.firstContainer)),
            containerCount: Int(r.u32(TagField.containerCount)), count: Int(r.u32(TagField.count)))
    }

    /// The questions carrying the tag named `name`, or `nil` if no question or declaration
    /// knows the tag.
    public func postings(forTag name: String) throws(IndexError) -> PostingList? {
        guard let id = try tagID(named: name) else { return nil }
        return try postings(forTag: id)
    }

    // MARK: Banks and modules

    /// Every bank and course, in canonical order.
    public var banks: [BankInfo] {
        get throws(IndexError) {
            var all: [BankInfo] = []
            for b in 0..<layout.bankCount {
                let r = reader.bankRecord(b)
                all.append(
                    BankInfo(
                        id: try reader.string(r.u32(BankField.id)), title: try reader.string(r.u32(BankField.title)),
                        description: try reader.optionalString(r.u32(BankField.description)),
                        isCourse: r.u32(BankField.flags) & 1 != 0,
                        location: SourceLocation(
                            file: try reader.string(r.u32(BankField.file)), line: Int(r.u32(BankField.line)),
                            column: Int(r.u32(BankField.column)))))
            }
            return all
        }
    }

    /// Every course module, in canonical order.
    public var modules: [CourseModule] {
        get throws(IndexError) {
            var all: [CourseModule] = []
            for m in 0..<layout.moduleCount {
                let r = reader.moduleRecord(m)
                typealias F = ModuleField
                func s(_ field: Int) throws(IndexError) -> String { try reader.string(r.u32(field)) }
                let flags = r.u32(F.flags)
                all.append(
                    CourseModule(
                        course: try s(F.course), id: try s(F.id), title: try s(F.title), algorithm: try s(F.algorithm),
                        lesson: try s(F.lesson),
                        complexity: .init(
                            best: try s(F.best), average: try s(F.average), worst: try s(F.worst), space: try s(F.space)),
                        isStable: flags & 1 != 0, isInPlace: flags & 2 != 0,
                        tags: try strings(inList: layout.questionCount * IndexFormat.listsPerQuestion + m),
                        location: SourceLocation(
                            file: try reader.string(r.u32(F.file)), line: Int(r.u32(F.line)),
                            column: Int(r.u32(F.column)))))
            }
            return all
        }
    }

    /// The mock-interview plans, in source order; none for an index without them (format 1.1
    /// and older, or banks without `interviews.yaml`).
    ///
    /// - Complexity: O(p) in the size of the plans (checked when the index was opened).
    public func interviewPlans() throws(IndexError) -> [InterviewPlan] {
        try reader.interviewPlans()
    }

    /// Decodes everything back into a ``QuestionSet`` (declared tags only, sorted by name).
    ///
    /// - Complexity: O(n) in the size of the index.
    public func questionSet() throws(IndexError) -> QuestionSet {
        var declared: [TagInfo] = []
        for t in 0..<tagCount {
            let r = reader.tagRecord(t)
            if let description = try reader.optionalString(r.u32(TagField.description)) {
                declared.append(TagInfo(name: try reader.string(r.u32(TagField.name)), description: description))
            }
        }
        var questions: [Question] = []
        questions.reserveCapacity(count)
        for ordinal in 0..<count { questions.append(try question(at: ordinal)) }
        return QuestionSet(
            tags: declared, banks: try banks, modules: try modules, questions: questions,
            plans: try interviewPlans(), sourceDigest: sourceDigest)
    }

    // MARK: Internals

    /// The position in `0 ..< count` whose key has the UTF-8 bytes of `query`, for keys in
    /// ascending byte order (binary search).
    ///
    /// - Complexity: O(log count) keys read.
    private func search(
        _ query: String, count: Int, keyAt: (Int) throws(IndexError) -> [UInt8]
    ) throws(IndexError) -> Int? {
        let target = Array(query.utf8)
        var lo = 0
        var hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            let c = ByteRope.compare(try keyAt(mid), target)
            if c == 0 { return mid }
            if c < 0 { lo = mid + 1 } else { hi = mid }
        }
        return nil
    }

    func strings(inList list: Int) throws(IndexError) -> [String] {
        let extent = try reader.range(.listOffsets, list, limit: layout.listStringCount)
        let ids = try reader.bytes(.listStrings, 4 * extent.lowerBound, 4 * extent.count)
        var out: [String] = []
        out.reserveCapacity(extent.count)
        for i in 0..<extent.count { out.append(try reader.string(ids.u32(4 * i))) }
        return out
    }

    func choices(at ordinal: Int) throws(IndexError) -> [Choice] {
        let extent = try reader.range(.choiceOffsets, ordinal, limit: layout.choiceCount)
        var out: [Choice] = []
        out.reserveCapacity(extent.count)
        for c in extent {
            let r = try reader.bytes(.choices, c * layout.choiceStride, IndexFormat.choiceRecordSize)
            let flags = r.u32(ChoiceField.flags)
            guard flags & ~3 == 0 else { throw .malformed("choice \(c) has unknown flags") }
            out.append(
                Choice(
                    text: try reader.string(r.u32(ChoiceField.text)), isCorrect: flags & 1 != 0,
                    why: try reader.optionalString(r.u32(ChoiceField.why)), isFixed: flags & 2 != 0))
        }
        return out
    }

    func trace(_ id: UInt32) throws(IndexError) -> TraceTemplate? {
        guard id != IndexFormat.none else { return nil }
        typealias F = TraceField
        let r = reader.traceRecord(Int(id))
        let flags = r.u32(F.flags)
        return TraceTemplate(
            algorithm: try reader.string(r.u32(F.algorithm)), ask: try reader.string(r.u32(F.ask)),
            pass: flags & 1 != 0 ? Int(r.i64(F.pass)) : nil,
            k: flags & 2 != 0 ? Int(r.i64(F.k)) : nil,
            size: Int(r.i64(F.size)), minimum: Int(r.i64(F.minimum)), maximum: Int(r.i64(F.maximum)))
    }
}

/// A private, 16-byte aligned copy of an index held in memory.
final class OwnedBytes {
    let pointer: UnsafeMutableRawPointer

    init(_ bytes: [UInt8]) {
        pointer = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        bytes.withUnsafeBytes { if let b = $0.baseAddress { pointer.copyMemory(from: b, byteCount: $0.count) } }
    }

    deinit { pointer.deallocate() }
}

extension QuestionIndex {
    /// Checks every question record now (its blocks, its type, difficulty and trace codes),
    /// so that query filters can then read records with the unchecked accessors below in
    /// their inner loops.
    ///
    /// - Complexity: O(n) in the number of questions.
    func verifyQuestionRecords() throws(IndexError) {
        guard reader.blocks != nil else { return }  // verified whole at open
        let records = try reader.bytes(.questions, 0, count * layout.questionStride)
        for ordinal in 0..<count {
            try reader.checkCodes(ofQuestion: ordinal, at: records + ordinal * layout.questionStride)
        }
    }

    /// The question record of `ordinal`, after ``verifyQuestionRecords()``.
    @inline(__always) func verifiedRecord(_ ordinal: Int) -> UnsafeRawPointer {
        precondition(ordinal >= 0 && ordinal < count, "question ordinal out of range")
        return base + layout.questions + ordinal * layout.questionStride
    }

    /// The type of the question at `ordinal`, after ``verifyQuestionRecords()``.
    func verifiedType(at ordinal: Int) -> QuestionType {
        IndexFormat.questionTypes[Int(verifiedRecord(ordinal).u8(QuestionField.type))]
    }

    /// The difficulty of the question at `ordinal`, after ``verifyQuestionRecords()``.
    func verifiedDifficulty(at ordinal: Int) -> Difficulty? {
        IndexFormat.difficulties[Int(verifiedRecord(ordinal).u8(QuestionField.difficulty))]
    }
}
