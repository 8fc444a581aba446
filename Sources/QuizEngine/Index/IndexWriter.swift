/// Encodes a ``QuestionSet`` as a QBX index (see `FORMAT.md`) and writes it atomically.
///
/// The output is a function of the set's values alone: strings are deduplicated and numbered
/// in order of first use as the set is visited in its canonical order, keys and tags are
/// sorted by UTF-8 bytes, and nothing depends on hashing order, time or the machine.
/// Encoding the same set twice gives the same bytes.
///
///     let writer = IndexWriter(compilerVersion: "quiz 0.1.0", schemaVersion: "1")
///     try writer.write(set, to: "Build/banks.qbx")
///
/// Canonical forms the writer applies (so a read-back set equals the input when the input
/// already follows them, as the compiler's output does):
/// - ``QuestionSet/tags`` is stored sorted by name (UTF-8 bytes), first description wins;
/// - each question's ``Question/tags`` is stored sorted by UTF-8 bytes and unique.
/// A tag used by a question but not declared is recorded as undeclared and is not returned
/// in ``QuestionIndex/questionSet()``'s `tags`.
public struct IndexWriter: Sendable {
    /// Recorded in the header, such as `quiz 0.3.0`.
    public var compilerVersion: String
    /// The bank schema version the sources were checked against, such as `1`.
    public var schemaVersion: String

    public init(compilerVersion: String, schemaVersion: String) {
        self.compilerVersion = compilerVersion
        self.schemaVersion = schemaVersion
    }

    /// Writes the index of `set` to `path`, replacing any file there atomically: a reader
    /// sees the old index or the new one, never a mix (temporary file in the same directory,
    /// `fsync`, `rename`, `fsync` of the directory).
    ///
    /// - Throws: ``IndexError`` with code `.invalidInput` when the set cannot be encoded,
    ///   `.io` when the file cannot be written.
    public func write(_ set: QuestionSet, to path: String) throws(IndexError) {
        try write(PackedQuestionSet(set), to: path)
    }

    /// Writes the index of the packed `set` to `path`, as ``write(_:to:)-(QuestionSet,_)`` does.
    ///
    /// The file is written section by section, never assembled in memory, and given the only
    /// reference to `set`, the writer frees each run of questions once it has read it.
    public func write(_ set: consuming PackedQuestionSet, to path: String) throws(IndexError) {
        try AtomicFile.write(parts: parts(consume set), to: path)
    }

    /// The index of `set`, as bytes.
    ///
    /// - Throws: ``IndexError`` with code `.invalidInput` for a duplicate key, a source
    ///   digest longer than 32 bytes, a revision outside `Int32`, a line or column outside
    ///   `UInt32`, or more than 4 GiB of strings.
    /// - Complexity: O(n + q log q) expected, where n is the total size of the set and q
    ///   the number of questions (the key table is sorted).
    public func encode(_ set: QuestionSet) throws(IndexError) -> [UInt8] {
        try encode(PackedQuestionSet(set))
    }

    /// The index of the packed `set`, as bytes: the same bytes as its unpacked set's.
    ///
    /// The questions' texts are read where the runs hold them, never copied into strings.
    public func encode(_ set: consuming PackedQuestionSet) throws(IndexError) -> [UInt8] {
        let parts = try parts(consume set)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts { bytes += part }
        return bytes
    }

    /// The index of `set` in parts whose concatenation is the file: the header and section
    /// table, then each section with the padding after it.
    private func parts(_ set: consuming PackedQuestionSet) throws(IndexError) -> [[UInt8]] {
        var set = consume set
        let questionCount = set.questionCount
        // Most sets have about five distinct strings per question.
        var builder = Builder(expectedStrings: questionCount * 5 + 64, questionCount: questionCount)
        return try builder.build(&set, compilerVersion: compilerVersion, schemaVersion: schemaVersion)
    }
}

// MARK: - Building

private typealias SID = UInt32

/// Byte-wise comparison of UTF-8 sequences (`<` on `String` is not byte order).
private func bytesPrecede(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    a.withUnsafeBytes { x in
        b.withUnsafeBytes { y in
            ByteRope(x).compare(ByteRope(y)) < 0
        }
    }
}

private struct Builder {
    var pool: StringPool
    /// Counts the pool's tokens on another core as the steps below fill the pool.
    let counter: TokenCounter

    // What the steps fill in, section by section.
    var allTags: [String] = []
    var tagDescriptions: [String: String] = [:]
    var tagIndex: [String: UInt32] = [:]
    var tagMembers: [[UInt32]] = []
    var questionRecords = ByteBuffer()
    var questionTagOffsets: [UInt32] = [0]
    var questionTags: [UInt32] = []
    var choiceOffsets: [UInt32] = [0]
    var choiceRecords = ByteBuffer()
    var choiceCount = 0
    var listOffsets: [UInt32] = [0]
    var listStrings: [SID] = []
    var traces: [TraceTemplate] = []
    var keys: KeyTable

    init(expectedStrings: Int, questionCount: Int) {
        pool = StringPool(expectedCount: expectedStrings)
        counter = TokenCounter(expectedCount: expectedStrings / 4)
        keys = KeyTable(expectedCount: questionCount)
    }

    mutating func sid(_ s: String) -> SID { pool.intern(s) }

    mutating func sid(_ s: String?) -> SID {
        guard let s else { return IndexFormat.none }
        return pool.intern(s)
    }

    /// The text at `view`, which the pool copies if it is new.
    mutating func sid(view: UnsafeRawBufferPointer) -> SID { pool.intern(view) }

    mutating func sid(view: UnsafeRawBufferPointer?) -> SID {
        guard let view else { return IndexFormat.none }
        return pool.intern(view)
    }

    /// The ids of a run's shared strings (bank, file, module, source), interned the first
    /// time a question of the run uses each: the order in which they first occur, so the ids
    /// are those that interning every question's own copy would give.
    struct SharedIDs {
        private var ids: [SID?]

        init(_ run: PackedQuestions) { ids = Array(repeating: nil, count: run.shared.count) }

        mutating func sid(_ number: Int, of run: PackedQuestions, in pool: inout StringPool) -> SID {
            if let id = ids[number] { return id }
            let id = pool.intern(run.shared[number])
            ids[number] = id
            return id
        }

        mutating func sid(_ number: Int?, of run: PackedQuestions, in pool: inout StringPool) -> SID {
            guard let number else { return IndexFormat.none }
            return sid(number, of: run, in: &pool)
        }
    }

    func u32(_ v: Int, _ what: String) throws(IndexError) -> UInt32 {
        guard let r = UInt32(exactly: v) else { throw .invalidInput("\(what) \(v) is out of range 0...\(UInt32.max)") }
        return r
    }

    /// The index's parts: tags first (questions refer to them by id), then the questions and
    /// their lists, the module, bank and trace records, the tags' postings, the interview
    /// plans, and the string pool, which every step above added to; then the header and the
    /// section table, which come first in the file.
    ///
    /// Each run of `set` is replaced by an empty one once read: its strings are in the pool.
    mutating func build(
        _ set: inout PackedQuestionSet, compilerVersion: String, schemaVersion: String
    ) throws(IndexError) -> [[UInt8]] {
        let n = set.questionCount
        guard n < Int(IndexFormat.none) else { throw .invalidInput("too many questions (\(n))") }
        guard set.sourceDigest.count <= IndexFormat.digestCapacity else {
            throw .invalidInput(
                "source digest of \(set.sourceDigest.count) bytes; at most \(IndexFormat.digestCapacity) fit")
        }
        let compilerSID = sid(compilerVersion)
        let schemaSID = sid(schemaVersion)
        collectTags(set)
        try addQuestions(&set)
        // Keys, sorted by UTF-8 bytes; duplicates are an error.
        let order = try keys.sortedOrdinals(pool: pool)
        let modules = try moduleRecords(set.modules)
        let banks = try bankRecords(set.banks)
        let traceBytes = traceRecords()
        let (tags, containers, postings) = try tagRecordsAndPostings()
        let plans = set.plans.isEmpty ? nil : try planWords(set.plans)
        // The string pool, now complete, compressed (format 1.3).
        let strings = try StringCompressor.compress(pool, tokens: counter.finish(pool))
        pool = StringPool(expectedCount: 0)

        var sections: [(SectionType, [[UInt8]])] = [
            (.stringOffsets, [strings.offsets]), (.stringCode, [strings.dictionary]), (.stringBytes, strings.streams),
        ]
        let whole: [(SectionType, [UInt8])] = [
            (.questions, questionRecords.bytes),
            (.keys, u32Array(order)), (.questionTagOffsets, u32Array(questionTagOffsets)),
            (.questionTags, u32Array(questionTags)), (.choiceOffsets, u32Array(choiceOffsets)),
            (.choices, choiceRecords.bytes), (.listOffsets, u32Array(listOffsets)),
            (.listStrings, u32Array(listStrings)), (.tags, tags), (.containers, containers), (.postings, postings),
            (.traces, traceBytes), (.banks, banks), (.modules, modules),
        ]
        sections += whole.map { ($0.0, [$0.1]) }
        // Optional since 1.2: an index without plans has no plan section.
        if let plans { sections.append((.interviewPlans, [plans])) }
        sections.append((.blockChecksums, [BlockChecksums.encode(sections.map(\.1))]))
        return assemble(
            sections, questionCount: UInt32(n), compilerVersion: compilerSID, schemaVersion: schemaSID,
            digest: set.sourceDigest)
    }

    /// Tags: declared ∪ used, sorted by UTF-8 bytes, first description winning.
    private mutating func collectTags(_ set: PackedQuestionSet) {
        var tagNames: [String] = []
        for tag in set.tags where tagDescriptions[tag.name] == nil {
            tagDescriptions[tag.name] = tag.description
            tagNames.append(tag.name)
        }
        var used: Set<String> = []
        for run in set.runs {
            for t in run.tagNames where tagDescriptions[t] == nil && used.insert(t).inserted {
                tagNames.append(t)
            }
        }
        allTags = tagNames.sorted { bytesPrecede(Array($0.utf8), Array($1.utf8)) }
        for (i, name) in allTags.enumerated() { tagIndex[name] = UInt32(i) }
        tagMembers = [[UInt32]](repeating: [], count: allTags.count)
    }

    /// One string list (accepted answers, items, rubric, refs, a module's tags).
    private mutating func addList(_ items: [String]) {
        for s in items { listStrings.append(sid(s)) }
        listOffsets.append(UInt32(truncatingIfNeeded: listStrings.count))
    }

    /// Question records, each question's tag ids, choices and lists, in ordinal order.
    private mutating func addQuestions(_ set: inout PackedQuestionSet) throws(IndexError) {
        let n = set.questionCount
        questionRecords.reserve(n * IndexFormat.questionRecordSize)
        questionTagOffsets.reserveCapacity(n + 1)
        choiceOffsets.reserveCapacity(n + 1)
        listOffsets.reserveCapacity(n * IndexFormat.listsPerQuestion + set.modules.count + 1)
        var ordinal = 0
        let emptyRun = PackedQuestions([Question]())
        for index in set.runs.indices {
            let run = set.runs[index]
            // The pool copies what it keeps, so the run can go as soon as it is read.
            set.runs[index] = emptyRun
            var shared = SharedIDs(run)
            let tagIDs = run.shared.map { tagIndex[$0] }
            for position in 0..<run.count {
                var reader = run.reader(position)
                try addQuestion(&reader, of: run, shared: &shared, tagIDs: tagIDs, ordinal: ordinal)
                counter.offer(pool)
                ordinal += 1
            }
        }
    }

    /// One question's record, tags, choices and lists, read in the order of its packed fields
    /// (the order in which its strings are interned).
    private mutating func addQuestion(
        _ q: inout PackedQuestions.Reader, of run: PackedQuestions, shared: inout SharedIDs, tagIDs: [UInt32?],
        ordinal: Int
    ) throws(IndexError) {
        let (revisionValue, line, column) = q.numbers()
        guard let revision = Int32(exactly: revisionValue) else {
            var copy = q
            let question = copy.question()
            throw .invalidInput("revision \(revisionValue) of '\(question.key)' is out of range")
        }
        let bank = shared.sid(q.sharedNumber(), of: run, in: &pool)
        let id = sid(view: q.text())
        keys.append(bank: bank, id: id)
        typealias Q = QuestionField
        let r = questionRecords.appendRecord(IndexFormat.questionRecordSize)
        questionRecords.setU32(bank, at: r + Q.bank)
        questionRecords.setU32(id, at: r + Q.id)
        questionRecords.setU32(sid(view: q.text()), at: r + Q.prompt)
        questionRecords.setU32(sid(view: q.optionalText()), at: r + Q.answer)
        questionRecords.setU32(sid(view: q.optionalText()), at: r + Q.guidance)
        questionRecords.setU32(sid(view: q.optionalText()), at: r + Q.explanation)
        questionRecords.setU32(shared.sid(q.optionalSharedNumber(), of: run, in: &pool), at: r + Q.source)
        questionRecords.setU32(shared.sid(q.optionalSharedNumber(), of: run, in: &pool), at: r + Q.module)
        questionRecords.setU32(shared.sid(q.sharedNumber(), of: run, in: &pool), at: r + Q.file)
        questionRecords.setU32(try u32(line, "line"), at: r + Q.line)
        questionRecords.setU32(try u32(column, "column"), at: r + Q.column)
        questionRecords.setU32(UInt32(bitPattern: revision), at: r + Q.revision)
        if let trace = q.trace() {
            questionRecords.setU32(UInt32(traces.count), at: r + Q.trace)
            traces.append(trace)
        } else {
            questionRecords.setU32(IndexFormat.none, at: r + Q.trace)
        }
        questionRecords.setU8(IndexFormat.code(of: q.type), at: r + Q.type)
        questionRecords.setU8(IndexFormat.code(of: q.difficulty), at: r + Q.difficulty)

        let firstTag = questionTags.count
        q.forEachTagNumber { questionTags.append(tagIDs[$0]!) }
        // Sorted and unique, in place at the end of the section.
        questionTags[firstTag...].sort()
        var end = firstTag
        for position in firstTag..<questionTags.count where end == firstTag || questionTags[position] != questionTags[end - 1] {
            questionTags[end] = questionTags[position]
            tagMembers[Int(questionTags[end])].append(UInt32(ordinal))
            end += 1
        }
        questionTags.removeLast(questionTags.count - end)
        questionTagOffsets.append(UInt32(truncatingIfNeeded: questionTags.count))
        try q.forEachChoice { (text, why, isCorrect, isFixed) throws(IndexError) in
            let r = choiceRecords.appendRecord(IndexFormat.choiceRecordSize)
            choiceRecords.setU32(sid(view: text), at: r + ChoiceField.text)
            choiceRecords.setU32(sid(view: why), at: r + ChoiceField.why)
            choiceRecords.setU32((isCorrect ? 1 : 0) | (isFixed ? 2 : 0), at: r + ChoiceField.flags)
            choiceCount += 1
        }
        choiceOffsets.append(try u32(choiceCount, "choice count"))
        for _ in 0..<IndexFormat.listsPerQuestion {
            q.forEachListItem { listStrings.append(sid(view: $0)) }
            listOffsets.append(UInt32(truncatingIfNeeded: listStrings.count))
        }
    }

    /// Module records; their tag lists follow the questions' lists.
    private mutating func moduleRecords(_ modules: [CourseModule]) throws(IndexError) -> [UInt8] {
        var mb = ByteBuffer()
        for m in modules {
            typealias F = ModuleField
            let r = mb.appendRecord(IndexFormat.moduleRecordSize)
            let strings = [
                (F.course, m.course), (F.id, m.id), (F.title, m.title), (F.algorithm, m.algorithm),
                (F.lesson, m.lesson), (F.best, m.complexity.best), (F.average, m.complexity.average),
                (F.worst, m.complexity.worst), (F.space, m.complexity.space),
            ]
            for (field, text) in strings { mb.setU32(sid(text), at: r + field) }
            mb.setU32((m.isStable ? 1 : 0) | (m.isInPlace ? 2 : 0), at: r + F.flags)
            mb.setU32(sid(m.location.file), at: r + F.file)
            mb.setU32(try u32(m.location.line, "line"), at: r + F.line)
            mb.setU32(try u32(m.location.column, "column"), at: r + F.column)
            addList(m.tags)
        }
        return mb.bytes
    }

    /// The plan section's `u32` words (FORMAT.md, `PLAN`): each plan, then its stages, each
    /// followed by its slots.
    private mutating func planWords(_ plans: [InterviewPlan]) throws(IndexError) -> [UInt8] {
        var words: [UInt32] = [try u32(plans.count, "plan count")]
        for plan in plans {
            words += [
                sid(plan.name), sid(plan.title), sid(plan.description), sid(plan.location.file),
                try u32(plan.location.line, "line"), try u32(plan.location.column, "column"),
                try u32(plan.stages.count, "stage count"),
            ]
            for stage in plan.stages {
                words += [
                    sid(stage.title), sid(stage.interviewer), sid(stage.focus), try u32(stage.minutes, "minutes"),
                    try u32(stage.slots.count, "slot count"),
                ]
                for slot in stage.slots {
                    words += [
                        sid(slot.tags), try u32(slot.count, "slot count"), try u32(slot.location.line, "line"),
                        try u32(slot.location.column, "column"),
                    ]
                }
            }
        }
        return u32Array(words)
    }

    private mutating func bankRecords(_ banks: [BankInfo]) throws(IndexError) -> [UInt8] {
        var bb = ByteBuffer()
        for b in banks {
            let r = bb.appendRecord(IndexFormat.bankRecordSize)
            bb.setU32(sid(b.id), at: r + BankField.id)
            bb.setU32(sid(b.title), at: r + BankField.title)
            bb.setU32(sid(b.description), at: r + BankField.description)
            bb.setU32(b.isCourse ? 1 : 0, at: r + BankField.flags)
            bb.setU32(sid(b.location.file), at: r + BankField.file)
            bb.setU32(try u32(b.location.line, "line"), at: r + BankField.line)
            bb.setU32(try u32(b.location.column, "column"), at: r + BankField.column)
        }
        return bb.bytes
    }

    private mutating func traceRecords() -> [UInt8] {
        var trb = ByteBuffer()
        for t in traces {
            typealias F = TraceField
            let r = trb.appendRecord(IndexFormat.traceRecordSize)
            trb.setU32(sid(t.algorithm), at: r + F.algorithm)
            trb.setU32(sid(t.ask), at: r + F.ask)
            trb.setU32((t.pass != nil ? 1 : 0) | (t.k != nil ? 2 : 0), at: r + F.flags)
            trb.setI64(Int64(t.pass ?? 0), at: r + F.pass)
            trb.setI64(Int64(t.k ?? 0), at: r + F.k)
            trb.setI64(Int64(t.size), at: r + F.size)
            trb.setI64(Int64(t.minimum), at: r + F.minimum)
            trb.setI64(Int64(t.maximum), at: r + F.maximum)
        }
        return trb.bytes
    }

    /// Tag records, and each tag's members as roaring-style containers (sorted arrays of
    /// low halves up to ``IndexFormat/arrayContainerMax``, bitsets beyond) with their payloads.
    private mutating func tagRecordsAndPostings() throws(IndexError) -> (
        tags: [UInt8], containers: [UInt8], postings: [UInt8]
    ) {
        var tb = ByteBuffer()
        var pcon = ByteBuffer()
        var pdat = ByteBuffer()
        var containerCount: UInt32 = 0
        for (t, members) in tagMembers.enumerated() {
            let first = containerCount
            var i = 0
            while i < members.count {
                let key = members[i] >> 16
                var j = i
                while j < members.count && members[j] >> 16 == key { j += 1 }
                let card = j - i
                pdat.align(to: IndexFormat.alignment)
                let r = pcon.appendRecord(IndexFormat.containerRecordSize)
                pcon.setU16(UInt16(key), at: r + ContainerField.key)
                let kind = card <= IndexFormat.arrayContainerMax ? IndexFormat.containerArray : IndexFormat.containerBitset
                pcon.setU8(kind, at: r + ContainerField.kind)
                pcon.setU32(UInt32(card), at: r + ContainerField.cardinality)
                pcon.setU32(UInt32(pdat.count), at: r + ContainerField.payload)
                if card <= IndexFormat.arrayContainerMax {
                    for m in members[i..<j] { pdat.u16(UInt16(truncatingIfNeeded: m)) }
                } else {
                    var words = [UInt64](repeating: 0, count: IndexFormat.bitsetBytes / 8)
                    for m in members[i..<j] {
                        let low = Int(m & 0xFFFF)
                        words[low >> 6] |= 1 << UInt64(low & 63)
                    }
                    for w in words { pdat.u64(w) }
                }
                containerCount += 1
                i = j
            }
            let name = allTags[t]
            let r = tb.appendRecord(IndexFormat.tagRecordSize)
            tb.setU32(sid(name), at: r + TagField.name)
            tb.setU32(sid(tagDescriptions[name]), at: r + TagField.description)
            tb.setU32(tagDescriptions[name] != nil ? 1 : 0, at: r + TagField.flags)
            tb.setU32(UInt32(members.count), at: r + TagField.count)
            tb.setU32(first, at: r + TagField.firstContainer)
            tb.setU32(containerCount - first, at: r + TagField.containerCount)
        }
        pdat.align(to: IndexFormat.alignment)
        guard pdat.count <= Int(UInt32.max) else { throw .invalidInput("postings exceed 4 GiB") }
        return (tb.bytes, pcon.bytes, pdat.bytes)
    }

    private func u32Array(_ values: [UInt32]) -> [UInt8] {
        var b = ByteBuffer()
        b.reserve(values.count * 4)
        for v in values { b.u32(v) }
        return b.bytes
    }

    /// Lays out header, section table and sections, with checksums: the header and table with
    /// the padding before the first section, then each section followed by its padding.
    private func assemble(
        _ sections: [(SectionType, [[UInt8]])], questionCount: UInt32, compilerVersion: SID,
        schemaVersion: SID, digest: [UInt8]
    ) -> [[UInt8]] {
        let tableEnd = IndexFormat.headerSize + sections.count * IndexFormat.sectionEntrySize
        let lengths = sections.map { $0.1.reduce(0) { $0 + $1.count } }
        var offsets: [Int] = []
        var cursor = tableEnd
        for length in lengths {
            cursor = (cursor + IndexFormat.alignment - 1) / IndexFormat.alignment * IndexFormat.alignment
            offsets.append(cursor)
            cursor += length
        }
        let fileLength = (cursor + IndexFormat.alignment - 1) / IndexFormat.alignment * IndexFormat.alignment

        var out = ByteBuffer()
        out.reserve(tableEnd)
        out.append(IndexFormat.magic)
        out.u16(IndexFormat.major)
        out.u16(IndexFormat.minor)
        out.u32(0)  // header CRC, set below
        out.u32(UInt32(IndexFormat.headerSize))
        out.u32(UInt32(sections.count))
        out.u64(IndexFormat.compressedStrings)  // required features
        out.u64(0)  // optional features
        out.u64(UInt64(fileLength))
        out.u32(questionCount)
        out.u32(compilerVersion)
        out.u32(schemaVersion)
        out.u32(UInt32(digest.count))
        out.append(digest)
        out.zeros(IndexFormat.digestCapacity - digest.count)
        out.zeros(IndexFormat.headerSize - out.count)
        for (position, (type, parts)) in sections.enumerated() {
            out.u32(type.rawValue)
            // Block checksums and plans are optional: a 1.0 reader skips them.
            out.u32(type.isWrittenRequired ? IndexFormat.sectionRequired : 0)
            out.u64(UInt64(offsets[position]))
            out.u64(UInt64(lengths[position]))
            out.u32(UInt32(type.recordSize))
            var checksum = CRC32C()
            for part in parts { checksum.update(part) }
            out.u32(checksum.value)
        }
        let headerCRC = out.bytes.withUnsafeBytes { IndexLayout.headerChecksum($0, tableEnd: tableEnd) }
        out.setU32(headerCRC, at: IndexFormat.Header.crc)
        out.zeros((offsets.first ?? fileLength) - out.count)
        var parts = [out.bytes]
        for (position, (_, sectionParts)) in sections.enumerated() {
            let next = position + 1 < offsets.count ? offsets[position + 1] : fileLength
            parts += sectionParts
            let padding = next - offsets[position] - lengths[position]
            if padding > 0 { parts.append([UInt8](repeating: 0, count: padding)) }
        }
        return parts
    }
}
