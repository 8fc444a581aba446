/// A compiled question index (`Build/banks.qbx`), verified once at open and then read in
/// place.
///
/// Opening maps the file read-only and checks everything a reader relies on in one linear
/// pass (magic, versions, feature bits, length, checksums, bounds, order, counts, UTF-8,
/// postings); a damaged or hostile file is rejected with an ``IndexError``, never a crash.
/// After that, accessors read fields straight from the mapping and decode strings only when
/// asked.
///
///     let index = try QuestionIndex(contentsOf: "Build/banks.qbx")
///     if let ordinal = index.ordinal(forKey: "behavioral/negative-feedback") {
///         print(index.question(at: ordinal).prompt)
///     }
///     // Prints "Tell me about a time you received negative feedback."
///
/// An index is immutable and safe to share between tasks.
public final class QuestionIndex: @unchecked Sendable {
    // @unchecked: the bytes are read-only (a private read-only mapping or a private copy)
    // and nothing here mutates after init.

    /// Keeps the bytes alive: a `MappedFile` or an `OwnedBytes`.
    private let owner: AnyObject
    let base: UnsafeRawPointer
    let layout: IndexLayout

    /// Opens and verifies the index file at `path`, mapping it into memory.
    ///
    /// - Throws: ``IndexError``: `.io` when the file cannot be read, otherwise what is wrong
    ///   with it (its message says what to do).
    /// - Complexity: O(n) in the file size.
    public convenience init(contentsOf path: String) throws(IndexError) {
        let file = try MappedFile(path: path)
        let buffer = UnsafeRawBufferPointer(start: file.base, count: file.count)
        do {
            try self.init(owner: file, buffer: buffer)
        } catch {
            throw error.at(path)
        }
    }

    /// Verifies an index held in memory (tests, the copy embedded in the binary). The bytes
    /// are copied into aligned storage.
    ///
    /// - Throws: ``IndexError`` saying what is wrong with the bytes.
    public convenience init(bytes: [UInt8]) throws(IndexError) {
        let owned = OwnedBytes(bytes)
        try self.init(owner: owned, buffer: UnsafeRawBufferPointer(start: owned.pointer, count: bytes.count))
    }

    /// Decodes and verifies a base64 index, such as the one embedded in the `quiz` binary.
    public convenience init(base64: StaticString) throws(IndexError) {
        guard let bytes = Base64.decode(base64) else { throw .notAnIndex("invalid base64") }
        try self.init(bytes: bytes)
    }

    private init(owner: AnyObject, buffer: UnsafeRawBufferPointer) throws(IndexError) {
        layout = try IndexLayout.verify(buffer)
        // verify() succeeds only on at least a full header, so the buffer has an address.
        base = buffer.baseAddress!
        self.owner = owner
    }

    // MARK: Metadata

    /// A format version, such as 1.0.
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
    /// The compiler that wrote the index, as given to ``IndexWriter``.
    public var compilerVersion: String { string(layout.compilerVersion) }
    /// The bank schema version the sources were checked against.
    public var schemaVersion: String { string(layout.schemaVersion) }
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
    public func question(at ordinal: Int) -> Question {
        let r = record(ordinal)
        typealias F = QuestionField
        func list(_ k: Int) -> [String] { strings(inList: ordinal * IndexFormat.listsPerQuestion + k) }
        return Question(
            bank: string(base.u32(r + F.bank)),
            id: string(base.u32(r + F.id)),
            type: type(at: ordinal),
            prompt: string(base.u32(r + F.prompt)),
            answer: optionalString(base.u32(r + F.answer)),
            accept: list(IndexFormat.listAccept),
            choices: choices(at: ordinal),
            items: list(IndexFormat.listItems),
            guidance: optionalString(base.u32(r + F.guidance)),
            rubric: list(IndexFormat.listRubric),
            explanation: optionalString(base.u32(r + F.explanation)),
            tags: tags(at: ordinal),
            difficulty: difficulty(at: ordinal),
            source: optionalString(base.u32(r + F.source)),
            refs: list(IndexFormat.listRefs),
            revision: Int(Int32(bitPattern: base.u32(r + F.revision))),
            module: optionalString(base.u32(r + F.module)),
            trace: trace(base.u32(r + F.trace)),
            location: SourceLocation(
                file: string(base.u32(r + F.file)), line: Int(base.u32(r + F.line)),
                column: Int(base.u32(r + F.column)))
        )
    }

    /// The key (`bank/id`) of the question at `ordinal`.
    public func key(at ordinal: Int) -> String {
        let r = record(ordinal)
        return string(base.u32(r + QuestionField.bank)) + "/" + string(base.u32(r + QuestionField.id))
    }

    /// The bank id of the question at `ordinal`.
    public func bank(at ordinal: Int) -> String { string(base.u32(record(ordinal) + QuestionField.bank)) }

    /// The prompt of the question at `ordinal`.
    public func prompt(at ordinal: Int) -> String { string(base.u32(record(ordinal) + QuestionField.prompt)) }

    /// The type of the question at `ordinal`.
    public func type(at ordinal: Int) -> QuestionType {
        IndexFormat.questionTypes[Int(base.u8(record(ordinal) + QuestionField.type))]
    }

    /// The difficulty of the question at `ordinal`, if it has one.
    public func difficulty(at ordinal: Int) -> Difficulty? {
        IndexFormat.difficulties[Int(base.u8(record(ordinal) + QuestionField.difficulty))]
    }

    /// The revision of the question at `ordinal`.
    public func revision(at ordinal: Int) -> Int {
        Int(Int32(bitPattern: base.u32(record(ordinal) + QuestionField.revision)))
    }

    /// The full tag set of the question at `ordinal`, sorted by UTF-8 bytes.
    public func tags(at ordinal: Int) -> [String] {
        tagIDs(at: ordinal).map { string(base.u32(tagRecord($0))) }
    }

    /// The ids (positions in ``tags``) of the tags of the question at `ordinal`, ascending.
    public func tagIDs(at ordinal: Int) -> [Int] {
        let start = Int(base.u32(layout.questionTagOffsets + 4 * ordinal))
        let end = Int(base.u32(layout.questionTagOffsets + 4 * ordinal + 4))
        return (start..<end).map { Int(base.u32(layout.questionTags + 4 * $0)) }
    }

    /// The ordinal of the question whose key is `key`, or `nil`.
    ///
    /// - Complexity: O(log n · k), where n is the number of questions and k the key length.
    public func ordinal(forKey key: String) -> Int? {
        var key = key
        return key.withUTF8 { query -> Int? in
            let q = ByteRope(UnsafeRawBufferPointer(query))
            var lo = 0
            var hi = layout.questionCount
            while lo < hi {
                let mid = (lo + hi) / 2
                let ordinal = Int(base.u32(layout.keys + 4 * mid))
                let c = layout.key(base, ordinal).compare(q)
                if c == 0 { return ordinal }
                if c < 0 { lo = mid + 1 } else { hi = mid }
            }
            return nil
        }
    }

    /// The keys of all questions, in ordinal order.
    public var keys: Keys { Keys(index: self) }

    /// The keys of an index, in ordinal order, decoded as they are read.
    public struct Keys: RandomAccessCollection, Sendable {
        let index: QuestionIndex
        public var startIndex: Int { 0 }
        public var endIndex: Int { index.count }
        public subscript(position: Int) -> String { index.key(at: position) }
    }

    /// The ordinals of all questions in key order (UTF-8 bytes of `bank/id`).
    public var ordinalsInKeyOrder: [Int] {
        (0..<count).map { Int(base.u32(layout.keys + 4 * $0)) }
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
    public var tags: [Tag] { (0..<tagCount).map(tag(at:)) }

    /// The tag with id `id`.
    ///
    /// - Precondition: `0 <= id < tagCount`.
    public func tag(at id: Int) -> Tag {
        let r = tagRecord(id)
        return Tag(
            id: id, name: string(base.u32(r)), description: optionalString(base.u32(r + 4)),
            count: Int(base.u32(r + 12)))
    }

    /// The id of the tag named `name`, or `nil` (binary search).
    public func tagID(named name: String) -> Int? {
        var name = name
        return name.withUTF8 { query -> Int? in
            let q = ByteRope(UnsafeRawBufferPointer(query))
            var lo = 0
            var hi = layout.tagCount
            while lo < hi {
                let mid = (lo + hi) / 2
                let c = ByteRope(layout.stringBuffer(base, base.u32(tagRecord(mid)))).compare(q)
                if c == 0 { return mid }
                if c < 0 { lo = mid + 1 } else { hi = mid }
            }
            return nil
        }
    }

    /// The questions carrying the tag `id`, as roaring-style containers.
    public func postings(forTag id: Int) -> PostingList {
        let r = tagRecord(id)
        return PostingList(
            index: self, firstContainer: Int(base.u32(r + 16)), containerCount: Int(base.u32(r + 20)),
            count: Int(base.u32(r + 12)))
    }

    /// The questions carrying the tag named `name`, or `nil` if no question or declaration
    /// knows the tag.
    public func postings(forTag name: String) -> PostingList? {
        tagID(named: name).map { postings(forTag: $0) }
    }

    // MARK: Banks and modules

    /// Every bank and course, in canonical order.
    public var banks: [BankInfo] {
        (0..<layout.bankCount).map { b in
            let r = layout.banks + b * layout.bankStride
            return BankInfo(
                id: string(base.u32(r)), title: string(base.u32(r + 4)),
                description: optionalString(base.u32(r + 8)), isCourse: base.u32(r + 12) & 1 != 0,
                location: SourceLocation(
                    file: string(base.u32(r + 16)), line: Int(base.u32(r + 20)), column: Int(base.u32(r + 24))))
        }
    }

    /// Every course module, in canonical order.
    public var modules: [CourseModule] {
        (0..<layout.moduleCount).map { m in
            let r = layout.modules + m * layout.moduleStride
            func s(_ k: Int) -> String { string(base.u32(r + 4 * k)) }
            let flags = base.u32(r + 36)
            return CourseModule(
                course: s(0), id: s(1), title: s(2), algorithm: s(3), lesson: s(4),
                complexity: .init(best: s(5), average: s(6), worst: s(7), space: s(8)),
                isStable: flags & 1 != 0, isInPlace: flags & 2 != 0,
                tags: strings(inList: layout.questionCount * IndexFormat.listsPerQuestion + m),
                location: SourceLocation(
                    file: string(base.u32(r + 40)), line: Int(base.u32(r + 44)), column: Int(base.u32(r + 48))))
        }
    }

    /// Decodes everything back into a ``QuestionSet`` (declared tags only, sorted by name).
    ///
    /// - Complexity: O(n) in the size of the index.
    public func questionSet() -> QuestionSet {
        var declared: [TagInfo] = []
        for t in 0..<tagCount {
            let r = tagRecord(t)
            if let description = optionalString(base.u32(r + 4)) {
                declared.append(TagInfo(name: string(base.u32(r)), description: description))
            }
        }
        return QuestionSet(
            tags: declared, banks: banks, modules: modules, questions: (0..<count).map(question(at:)),
            sourceDigest: sourceDigest)
    }

    // MARK: Internals

    @inline(__always) func record(_ ordinal: Int) -> Int {
        precondition(ordinal >= 0 && ordinal < layout.questionCount, "question ordinal out of range")
        return layout.questions + ordinal * layout.questionStride
    }

    @inline(__always) func tagRecord(_ id: Int) -> Int {
        precondition(id >= 0 && id < layout.tagCount, "tag id out of range")
        return layout.tags + id * layout.tagStride
    }

    func string(_ id: UInt32) -> String {
        String(decoding: layout.stringBuffer(base, id), as: UTF8.self)
    }

    func optionalString(_ id: UInt32) -> String? {
        id == IndexFormat.none ? nil : string(id)
    }

    func strings(inList list: Int) -> [String] {
        let start = Int(base.u32(layout.listOffsets + 4 * list))
        let end = Int(base.u32(layout.listOffsets + 4 * list + 4))
        return (start..<end).map { string(base.u32(layout.listStrings + 4 * $0)) }
    }

    func choices(at ordinal: Int) -> [Choice] {
        let start = Int(base.u32(layout.choiceOffsets + 4 * ordinal))
        let end = Int(base.u32(layout.choiceOffsets + 4 * ordinal + 4))
        return (start..<end).map { c in
            let r = layout.choices + c * layout.choiceStride
            let flags = base.u32(r + 8)
            return Choice(
                text: string(base.u32(r)), isCorrect: flags & 1 != 0, why: optionalString(base.u32(r + 4)),
                isFixed: flags & 2 != 0)
        }
    }

    func trace(_ id: UInt32) -> TraceTemplate? {
        guard id != IndexFormat.none else { return nil }
        let r = layout.traces + Int(id) * layout.traceStride
        let flags = base.u32(r + 8)
        return TraceTemplate(
            algorithm: string(base.u32(r)), ask: string(base.u32(r + 4)),
            pass: flags & 1 != 0 ? Int(base.i64(r + 16)) : nil,
            k: flags & 2 != 0 ? Int(base.i64(r + 24)) : nil,
            size: Int(base.i64(r + 32)), minimum: Int(base.i64(r + 40)), maximum: Int(base.i64(r + 48)))
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
