/// Encodes a ``QuestionSet`` as a QBX index (see `FORMAT.md`) and writes it atomically.
///
/// The output is a function of the set's values alone: strings are deduplicated and sorted
/// by their UTF-8 bytes, keys and tags are sorted by UTF-8 bytes, and nothing depends on
/// hashing order, time or the machine. Encoding the same set twice gives the same bytes.
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
        let bytes = try encode(set)
        try AtomicFile.write(bytes, to: path)
    }

    /// The index of `set`, as bytes.
    ///
    /// - Throws: ``IndexError`` with code `.invalidInput` for a duplicate key, a source
    ///   digest longer than 32 bytes, a revision outside `Int32`, a line or column outside
    ///   `UInt32`, or more than 4 GiB of strings.
    /// - Complexity: O(n log n), where n is the total size of the set.
    public func encode(_ set: QuestionSet) throws(IndexError) -> [UInt8] {
        var builder = Builder()
        return try builder.build(set, compilerVersion: compilerVersion, schemaVersion: schemaVersion)
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

/// A byte string as a dictionary key, hashed in one call rather than byte by byte.
private struct ByteKey: Hashable {
    var bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}

private struct Builder {
    /// Provisional string ids in first-seen order; remapped to sorted order at the end.
    var stringIDs: [ByteKey: SID] = [:]
    var strings: [[UInt8]] = []

    mutating func sid(_ s: String) -> SID {
        let bytes = Array(s.utf8)
        let key = ByteKey(bytes)
        if let id = stringIDs[key] { return id }
        let id = SID(strings.count)
        strings.append(bytes)
        stringIDs[key] = id
        return id
    }

    mutating func sid(_ s: String?) -> SID {
        guard let s else { return IndexFormat.none }
        return sid(s)
    }

    func u32(_ v: Int, _ what: String) throws(IndexError) -> UInt32 {
        guard let r = UInt32(exactly: v) else { throw .invalidInput("\(what) \(v) is out of range 0...\(UInt32.max)") }
        return r
    }

    mutating func build(
        _ set: QuestionSet, compilerVersion: String, schemaVersion: String
    ) throws(IndexError) -> [UInt8] {
        let n = set.questions.count
        guard n < Int(IndexFormat.none) else { throw .invalidInput("too many questions (\(n))") }
        guard set.sourceDigest.count <= IndexFormat.digestCapacity else {
            throw .invalidInput(
                "source digest of \(set.sourceDigest.count) bytes; at most \(IndexFormat.digestCapacity) fit")
        }
        let compilerSID = sid(compilerVersion)
        let schemaSID = sid(schemaVersion)

        // Tags: declared ∪ used, sorted by UTF-8 bytes.
        var tagDescriptions: [[UInt8]: String] = [:]
        var tagNames: [[UInt8]] = []
        for tag in set.tags {
            let name = Array(tag.name.utf8)
            if tagDescriptions[name] == nil {
                tagDescriptions[name] = tag.description
                tagNames.append(name)
            }
        }
        var used: Set<[UInt8]> = []
        var usedInOrder: [[UInt8]] = []
        for q in set.questions {
            for t in q.tags {
                let name = Array(t.utf8)
                if tagDescriptions[name] == nil, used.insert(name).inserted { usedInOrder.append(name) }
            }
        }
        var allTags = tagNames + usedInOrder
        allTags.sort(by: bytesPrecede)
        var tagIndex: [[UInt8]: UInt32] = [:]
        for (i, name) in allTags.enumerated() { tagIndex[name] = UInt32(i) }
        var tagMembers = [[UInt32]](repeating: [], count: allTags.count)

        // Questions and their lists.
        var qrecs = ByteBuffer()
        qrecs.reserve(n * IndexFormat.questionRecordSize)
        var sidFixups: [Int] = []  // byte offsets of SID fields in `qrecs`, remapped at the end
        var qtagOffsets: [UInt32] = [0]
        var qtags: [UInt32] = []
        var choiceOffsets: [UInt32] = [0]
        var choices: [(text: SID, why: SID, flags: UInt32)] = []
        var listOffsets: [UInt32] = [0]
        var listStrings: [SID] = []
        var traces: [TraceTemplate] = []
        var keyBytes: [[UInt8]] = []
        keyBytes.reserveCapacity(n)

        func addList(_ items: [String], _ b: inout Builder) {
            for s in items { listStrings.append(b.sid(s)) }
            listOffsets.append(UInt32(listStrings.count))
        }

        for (ordinal, q) in set.questions.enumerated() {
            keyBytes.append(Array(q.bank.utf8) + [UInt8(ascii: "/")] + Array(q.id.utf8))
            let start = qrecs.count
            let fields: [SID] = [
                sid(q.bank), sid(q.id), sid(q.prompt), sid(q.answer), sid(q.guidance),
                sid(q.explanation), sid(q.source), sid(q.module), sid(q.location.file),
            ]
            for (k, f) in fields.enumerated() {
                sidFixups.append(start + 4 * k)
                qrecs.u32(f)
            }
            qrecs.u32(try u32(q.location.line, "line"))
            qrecs.u32(try u32(q.location.column, "column"))
            guard let revision = Int32(exactly: q.revision) else {
                throw .invalidInput("revision \(q.revision) of '\(q.key)' is out of range")
            }
            qrecs.u32(UInt32(bitPattern: revision))
            if let trace = q.trace {
                qrecs.u32(UInt32(traces.count))
                traces.append(trace)
            } else {
                qrecs.u32(IndexFormat.none)
            }
            qrecs.u8(IndexFormat.code(of: q.type))
            qrecs.u8(IndexFormat.code(of: q.difficulty))
            qrecs.u16(0)

            var ids = q.tags.map { tagIndex[Array($0.utf8)]! }
            ids.sort()
            var last: UInt32? = nil
            for id in ids where id != last {
                qtags.append(id)
                tagMembers[Int(id)].append(UInt32(ordinal))
                last = id
            }
            qtagOffsets.append(UInt32(qtags.count))

            for c in q.choices {
                choices.append((sid(c.text), sid(c.why), (c.isCorrect ? 1 : 0) | (c.isFixed ? 2 : 0)))
            }
            choiceOffsets.append(try u32(choices.count, "choice count"))

            addList(q.accept, &self)
            addList(q.items, &self)
            addList(q.rubric, &self)
            addList(q.refs, &self)
        }

        // Keys, sorted by UTF-8 bytes; duplicates are an error.
        var order = Array(0..<n)
        order.sort { bytesPrecede(keyBytes[$0], keyBytes[$1]) || (keyBytes[$0] == keyBytes[$1] && $0 < $1) }
        for i in order.indices.dropFirst() where keyBytes[order[i - 1]] == keyBytes[order[i]] {
            throw .invalidInput("duplicate key '\(String(decoding: keyBytes[order[i]], as: UTF8.self))'")
        }

        // Modules: records plus their tag lists after the questions' lists.
        var modRecs: [[SID]] = []
        var modTail: [(flags: UInt32, line: UInt32, column: UInt32)] = []
        for m in set.modules {
            modRecs.append([
                sid(m.course), sid(m.id), sid(m.title), sid(m.algorithm), sid(m.lesson),
                sid(m.complexity.best), sid(m.complexity.average), sid(m.complexity.worst),
                sid(m.complexity.space), sid(m.location.file),
            ])
            modTail.append(
                (
                    (m.isStable ? 1 : 0) | (m.isInPlace ? 2 : 0),
                    try u32(m.location.line, "line"), try u32(m.location.column, "column")
                ))
            addList(m.tags, &self)
        }

        var bankRecs:
            [(id: SID, title: SID, description: SID, flags: UInt32, file: SID, line: UInt32, column: UInt32)] = []
        for b in set.banks {
            bankRecs.append(
                (
                    sid(b.id), sid(b.title), sid(b.description), b.isCourse ? 1 : 0, sid(b.location.file),
                    try u32(b.location.line, "line"), try u32(b.location.column, "column")
                ))
        }

        var traceSIDs: [(SID, SID)] = []
        for t in traces { traceSIDs.append((sid(t.algorithm), sid(t.ask))) }

        var tagSIDs: [(name: SID, description: SID)] = []
        for name in allTags {
            let description = tagDescriptions[name]
            tagSIDs.append((sid(String(decoding: name, as: UTF8.self)), sid(description)))
        }

        // The string pool, sorted by bytes; `remap` takes provisional ids to final ones.
        var poolOrder = Array(0..<strings.count)
        poolOrder.sort { bytesPrecede(strings[$0], strings[$1]) }
        var remap = [SID](repeating: 0, count: strings.count)
        for (final, provisional) in poolOrder.enumerated() { remap[provisional] = SID(final) }
        func r(_ id: SID) -> SID { id == IndexFormat.none ? id : remap[Int(id)] }

        var soff = ByteBuffer()
        var sdat = ByteBuffer()
        soff.u32(0)
        for p in poolOrder {
            sdat.append(strings[p])
            guard sdat.count <= Int(UInt32.max) else { throw .invalidInput("more than 4 GiB of strings") }
            soff.u32(UInt32(sdat.count))
        }

        // Remap the question records' string fields in place.
        var qbytes = qrecs
        for off in sidFixups {
            let p = qbytes.bytes[off..<off + 4].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            qbytes.setU32(r(p), at: off)
        }

        var sections: [(SectionType, [UInt8])] = []
        sections.append((.stringOffsets, soff.bytes))
        sections.append((.stringBytes, sdat.bytes))
        sections.append((.questions, qbytes.bytes))
        sections.append((.keys, u32Array(order.map { UInt32($0) })))
        sections.append((.questionTagOffsets, u32Array(qtagOffsets)))
        sections.append((.questionTags, u32Array(qtags)))
        sections.append((.choiceOffsets, u32Array(choiceOffsets)))
        var cb = ByteBuffer()
        for c in choices {
            cb.u32(r(c.text))
            cb.u32(r(c.why))
            cb.u32(c.flags)
        }
        sections.append((.choices, cb.bytes))
        sections.append((.listOffsets, u32Array(listOffsets)))
        sections.append((.listStrings, u32Array(listStrings.map(r))))

        // Tags and postings.
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
                pcon.u16(UInt16(key))
                pcon.u8(
                    card <= IndexFormat.arrayContainerMax ? IndexFormat.containerArray : IndexFormat.containerBitset)
                pcon.u8(0)
                pcon.u32(UInt32(card))
                pcon.u32(UInt32(pdat.count))
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
            tb.u32(r(tagSIDs[t].name))
            tb.u32(r(tagSIDs[t].description))
            tb.u32(tagDescriptions[allTags[t]] != nil ? 1 : 0)
            tb.u32(UInt32(members.count))
            tb.u32(first)
            tb.u32(containerCount - first)
        }
        pdat.align(to: IndexFormat.alignment)
        guard pdat.count <= Int(UInt32.max) else { throw .invalidInput("postings exceed 4 GiB") }
        sections.append((.tags, tb.bytes))
        sections.append((.containers, pcon.bytes))
        sections.append((.postings, pdat.bytes))

        var trb = ByteBuffer()
        for (t, ids) in zip(traces, traceSIDs) {
            trb.u32(r(ids.0))
            trb.u32(r(ids.1))
            trb.u32((t.pass != nil ? 1 : 0) | (t.k != nil ? 2 : 0))
            trb.u32(0)
            trb.i64(Int64(t.pass ?? 0))
            trb.i64(Int64(t.k ?? 0))
            trb.i64(Int64(t.size))
            trb.i64(Int64(t.minimum))
            trb.i64(Int64(t.maximum))
        }
        sections.append((.traces, trb.bytes))

        var bb = ByteBuffer()
        for b in bankRecs {
            bb.u32(r(b.id))
            bb.u32(r(b.title))
            bb.u32(r(b.description))
            bb.u32(b.flags)
            bb.u32(r(b.file))
            bb.u32(b.line)
            bb.u32(b.column)
        }
        sections.append((.banks, bb.bytes))

        var mb = ByteBuffer()
        for (ids, tail) in zip(modRecs, modTail) {
            for id in ids.prefix(9) { mb.u32(r(id)) }
            mb.u32(tail.flags)
            mb.u32(r(ids[9]))
            mb.u32(tail.line)
            mb.u32(tail.column)
        }
        sections.append((.modules, mb.bytes))

        return assemble(
            sections, questionCount: UInt32(n), compilerVersion: r(compilerSID), schemaVersion: r(schemaSID),
            digest: set.sourceDigest)
    }

    private func u32Array(_ values: [UInt32]) -> [UInt8] {
        var b = ByteBuffer()
        b.reserve(values.count * 4)
        for v in values { b.u32(v) }
        return b.bytes
    }

    /// Lays out header, section table and sections, with checksums.
    private func assemble(
        _ sections: [(SectionType, [UInt8])], questionCount: UInt32, compilerVersion: SID,
        schemaVersion: SID, digest: [UInt8]
    ) -> [UInt8] {
        let tableEnd = IndexFormat.headerSize + sections.count * IndexFormat.sectionEntrySize
        var offsets: [Int] = []
        var cursor = tableEnd
        for (_, bytes) in sections {
            cursor = (cursor + IndexFormat.alignment - 1) / IndexFormat.alignment * IndexFormat.alignment
            offsets.append(cursor)
            cursor += bytes.count
        }
        let fileLength = (cursor + IndexFormat.alignment - 1) / IndexFormat.alignment * IndexFormat.alignment

        var out = ByteBuffer()
        out.reserve(fileLength)
        out.append(IndexFormat.magic)
        out.u16(IndexFormat.major)
        out.u16(IndexFormat.minor)
        out.u32(0)  // header CRC, set below
        out.u32(UInt32(IndexFormat.headerSize))
        out.u32(UInt32(sections.count))
        out.u64(0)  // required features
        out.u64(0)  // optional features
        out.u64(UInt64(fileLength))
        out.u32(questionCount)
        out.u32(compilerVersion)
        out.u32(schemaVersion)
        out.u32(UInt32(digest.count))
        out.append(digest)
        out.zeros(IndexFormat.digestCapacity - digest.count)
        out.zeros(IndexFormat.headerSize - out.count)
        for ((type, bytes), offset) in zip(sections, offsets) {
            out.u32(type.rawValue)
            out.u32(IndexFormat.sectionRequired)
            out.u64(UInt64(offset))
            out.u64(UInt64(bytes.count))
            out.u32(UInt32(type.recordSize))
            out.u32(CRC32C.checksum(bytes))
        }
        let headerCRC = out.bytes.withUnsafeBytes { IndexLayout.headerChecksum($0, tableEnd: tableEnd) }
        out.setU32(headerCRC, at: IndexFormat.Header.crc)
        for ((_, bytes), offset) in zip(sections, offsets) {
            out.zeros(offset - out.count)
            out.append(bytes)
        }
        out.zeros(fileLength - out.count)
        return out.bytes
    }
}
