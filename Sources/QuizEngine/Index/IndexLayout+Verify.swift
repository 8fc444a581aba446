extension IndexLayout {
    /// A section as the section table describes it.
    struct Entry {
        var type: SectionType?
        var name: String
        var offset: Int
        var length: Int
        var stride: Int
        var crc: UInt32
    }

    /// The header and section table, checked; the sections' contents are not read.
    struct Table {
        /// The header's fields (no section offsets yet).
        var header: IndexLayout
        /// Every section, known or not, in table order.
        var all: [Entry]
        /// The known sections by type.
        var known: SectionMap
    }

    /// Checks the header and the section table: magic, versions, header checksum, feature
    /// bits, file length, and each section's bounds, alignment, order, padding, record size
    /// and presence.
    ///
    /// Order matters for the messages: the magic and major version first (a newer layout
    /// may differ from here on), then the header checksum (so later header fields can be
    /// trusted), then the file length and the section table.
    ///
    /// - Complexity: O(s + z), where s is the number of sections and z the padding bytes.
    static func readTable(_ buf: UnsafeRawBufferPointer) throws(IndexError) -> Table {
        let size = buf.count
        let magic = IndexFormat.magic
        // Magic.
        let head = Array(buf.prefix(magic.count))
        if head != magic {
            if head.count < magic.count && Array(magic.prefix(head.count)) == head {
                throw .tooShort(size)
            }
            if head.count >= 4 && Array(head[1..<4]) == Array("QBX".utf8) { throw .textMangled() }
            throw .notAnIndex("bad magic")
        }
        guard size >= IndexFormat.headerSize, let p = buf.baseAddress else { throw .tooShort(size) }
        typealias H = IndexFormat.Header
        var layout = IndexLayout()
        layout.major = p.u16(H.major)
        layout.minor = p.u16(H.minor)
        if layout.major > IndexFormat.major { throw .newerMajor(layout.major, layout.minor) }
        if layout.major < IndexFormat.major { throw .notAnIndex("unknown format \(layout.major).\(layout.minor)") }

        let declaredLength = p.u64(H.fileLength)
        let sectionCount = Int(p.u32(H.sectionCount))
        guard sectionCount <= IndexFormat.maxSections else {
            throw .malformed("section count \(sectionCount) exceeds \(IndexFormat.maxSections)")
        }
        let tableEnd = IndexFormat.headerSize + sectionCount * IndexFormat.sectionEntrySize
        guard size >= tableEnd else { throw .truncated(actual: size, expected: declaredLength) }
        let headerCRC = headerChecksum(buf, tableEnd: tableEnd)
        guard headerCRC == p.u32(H.crc) else {
            if UInt64(size) != declaredLength { throw .truncated(actual: size, expected: declaredLength) }
            throw .checksum("header")
        }
        guard Int(p.u32(H.headerSize)) == IndexFormat.headerSize else {
            throw .malformed("header size \(p.u32(H.headerSize)), expected \(IndexFormat.headerSize)")
        }
        layout.requiredFeatures = p.u64(H.requiredFeatures)
        layout.optionalFeatures = p.u64(H.optionalFeatures)
        let unknown = layout.requiredFeatures & ~IndexFormat.knownRequiredFeatures
        if unknown != 0 { throw .unknownFeatures(unknown) }
        guard declaredLength == UInt64(size) else { throw .truncated(actual: size, expected: declaredLength) }
        layout.fileLength = size
        guard size % IndexFormat.alignment == 0 else { throw .malformed("file length \(size) is not a multiple of 8") }
        layout.questionCount = Int(p.u32(H.questionCount))
        layout.compilerVersion = p.u32(H.compilerVersion)
        layout.schemaVersion = p.u32(H.schemaVersion)
        let digestLength = Int(p.u32(H.digestLength))
        guard digestLength <= IndexFormat.digestCapacity else { throw .malformed("digest length \(digestLength)") }
        layout.digest = Array(UnsafeRawBufferPointer(rebasing: buf[H.digest..<(H.digest + digestLength)]))

        // Section table.
        var all: [Entry] = []
        var found = SectionMap()
        var previousEnd = tableEnd
        for i in 0..<sectionCount {
            let e = IndexFormat.headerSize + i * IndexFormat.sectionEntrySize
            let code = p.u32(e)
            let flags = p.u32(e + 4)
            let offset64 = p.u64(e + 8)
            let length64 = p.u64(e + 16)
            let recordSize = Int(p.u32(e + 24))
            let crc = p.u32(e + 28)
            let type = SectionType(rawValue: code)
            let name = type?.name ?? SectionType.fourCC(code)
            guard offset64 <= UInt64(size), length64 <= UInt64(size) - offset64 else {
                throw .malformed(
                    "section '\(name)' (offset \(offset64), length \(length64)) extends past the end of the file")
            }
            let offset = Int(offset64)
            let length = Int(length64)
            guard offset % IndexFormat.alignment == 0 else {
                throw .malformed("section '\(name)' is not 8-byte aligned")
            }
            guard offset >= previousEnd else { throw .malformed("section '\(name)' overlaps the previous one") }
            for k in previousEnd..<offset where p.u8(k) != 0 {
                throw .malformed("nonzero padding before section '\(name)'")
            }
            previousEnd = offset + length
            guard let type else {
                if flags & IndexFormat.sectionRequired != 0 { throw .unknownSection(name) }
                all.append(Entry(type: nil, name: name, offset: offset, length: length, stride: 1, crc: crc))
                continue
            }
            guard found[type] == nil else { throw .malformed("section '\(name)' appears twice") }
            let expected = type.recordSize
            let strideOK = type.isExtensibleRecord ? recordSize >= expected : recordSize == expected
            guard strideOK else {
                throw .malformed("section '\(name)' has record size \(recordSize), expected \(expected)")
            }
            guard length % recordSize == 0 else {
                throw .malformed(
                    "section '\(name)' length \(length) is not a multiple of its record size \(recordSize)")
            }
            let entry = Entry(type: type, name: name, offset: offset, length: length, stride: recordSize, crc: crc)
            found[type] = entry
            all.append(entry)
        }
        for k in previousEnd..<size where p.u8(k) != 0 { throw .malformed("nonzero bytes after the last section") }
        for type in SectionType.allCases where !type.isOptional && found[type] == nil {
            throw .malformed("missing section '\(type.name)'")
        }
        return Table(header: layout, all: all, known: found)
    }

    /// Where every section is and how many records each holds, with the checks that take
    /// constant time (record counts that must agree with the header and each other).
    static func locate(_ table: Table) throws(IndexError) -> IndexLayout {
        var layout = table.header
        func entry(_ t: SectionType) -> Entry { table.known[t]! }
        func records(_ t: SectionType) -> Int { entry(t).length / entry(t).stride }
        let n = layout.questionCount
        guard records(.stringOffsets) >= 1 else { throw .malformed("empty string offsets") }
        layout.stringCount = records(.stringOffsets) - 1
        guard layout.stringCount < Int(IndexFormat.none) else { throw .malformed("too many strings") }
        guard Int(layout.compilerVersion) < layout.stringCount, Int(layout.schemaVersion) < layout.stringCount else {
            throw .malformed("the header's versions refer to strings past the \(layout.stringCount) there are")
        }
        layout.stringOffsets = entry(.stringOffsets).offset
        layout.stringBytes = entry(.stringBytes).offset
        layout.stringBytesLength = entry(.stringBytes).length
        layout.compressedStrings = layout.requiredFeatures & IndexFormat.compressedStrings != 0
        guard layout.compressedStrings == (table.known[.stringCode] != nil) else {
            throw .malformed(
                layout.compressedStrings
                    ? "missing section 'string code' of a compressed string pool"
                    : "section 'string code' in an index whose strings are not compressed")
        }
        layout.questions = entry(.questions).offset
        layout.questionStride = entry(.questions).stride
        guard records(.questions) == n else {
            throw .malformed("section 'questions' has \(records(.questions)) records, header says \(n)")
        }
        layout.keys = entry(.keys).offset
        guard records(.keys) == n else {
            throw .malformed("section 'keys' has \(records(.keys)) entries, expected \(n)")
        }
        layout.questionTagOffsets = entry(.questionTagOffsets).offset
        layout.questionTags = entry(.questionTags).offset
        layout.questionTagCount = records(.questionTags)
        layout.choiceOffsets = entry(.choiceOffsets).offset
        layout.choices = entry(.choices).offset
        layout.choiceStride = entry(.choices).stride
        layout.choiceCount = records(.choices)
        layout.listOffsets = entry(.listOffsets).offset
        layout.listStrings = entry(.listStrings).offset
        layout.listStringCount = records(.listStrings)
        layout.traces = entry(.traces).offset
        layout.traceStride = entry(.traces).stride
        layout.traceCount = records(.traces)
        layout.banks = entry(.banks).offset
        layout.bankStride = entry(.banks).stride
        layout.bankCount = records(.banks)
        layout.modules = entry(.modules).offset
        layout.moduleStride = entry(.modules).stride
        layout.moduleCount = records(.modules)
        layout.tags = entry(.tags).offset
        layout.tagStride = entry(.tags).stride
        layout.tagCount = records(.tags)
        layout.containers = entry(.containers).offset
        layout.containerStride = entry(.containers).stride
        layout.containerCount = records(.containers)
        layout.postings = entry(.postings).offset
        layout.postingsLength = entry(.postings).length
        let expected: [(SectionType, Int)] = [
            (.questionTagOffsets, n + 1), (.choiceOffsets, n + 1),
            (.listOffsets, n * IndexFormat.listsPerQuestion + layout.moduleCount + 1),
        ]
        for (t, count) in expected where records(t) != count {
            throw .malformed("section '\(t.name)' has \(records(t)) entries, expected \(count)")
        }
        for t in SectionType.allCases {
            guard let e = table.known[t] else { continue }
            layout.spans[t.slot] = BlockVerifier.Span(offset: e.offset, length: e.length, firstBlock: 0, name: t.name)
        }
        return layout
    }

    /// Checks every structural property of the index in one linear pass (every checksum,
    /// bound, order, count, UTF-8 sequence, compressed string and posting) and returns a
    /// reader of it that checks no blocks (there is nothing left to check).
    ///
    /// `QuestionIndex` opens files with ``open(_:)`` instead, which checks what it reads as
    /// it reads it; this full pass serves files without block checksums (format 1.0),
    /// ``QuestionIndex/verifyAll()`` and the tests.
    ///
    /// - Complexity: O(n + p log t), where n is the file size, p the number of postings and
    ///   t the largest number of tags on one question.
    static func verify(_ buf: UnsafeRawBufferPointer) throws(IndexError) -> IndexReader {
        let table = try readTable(buf)
        for e in table.all {
            guard CRC32C.checksum(UnsafeRawBufferPointer(rebasing: buf[e.offset..<(e.offset + e.length)])) == e.crc
            else {
                throw .checksum("section '\(e.name)'")
            }
        }
        if table.known[.blockChecksums] != nil {
            _ = try blockTable(table, buf, checkingEveryBlock: true)
        }
        let layout = try locate(table)
        let code = try table.known[.stringCode].map { (e) throws(IndexError) in
            try StringCode(UnsafeRawBufferPointer(rebasing: buf[e.offset..<(e.offset + e.length)]), strict: true)
        }
        let verification = FullVerification(
            buf: buf, entries: table.known, reader: IndexReader(base: buf.baseAddress!, layout: layout, blocks: nil, code: code))
        try verification.checkStrings()
        try verification.checkQuestions()
        try verification.checkKeys()
        let uses = try verification.checkQuestionTags()
        try verification.checkChoices()
        try verification.checkLists()
        try checkTracesBanksAndModules(verification.p, verification.layout)
        try verification.checkTagsAndPostings(uses: uses)
        _ = try verification.reader.interviewPlans()
        return verification.reader
    }
}

extension IndexLayout {
    /// The header checksum: CRC32C of the version (bytes 8..<12) followed by everything from
    /// byte 16 to the end of the section table (the checksum field itself is skipped).
    static func headerChecksum(_ buf: UnsafeRawBufferPointer, tableEnd: Int) -> UInt32 {
        var crc = CRC32C()
        crc.update(UnsafeRawBufferPointer(rebasing: buf[8..<12]))
        crc.update(UnsafeRawBufferPointer(rebasing: buf[16..<tableEnd]))
        return crc.value
    }

    /// Whether question `q`'s sorted tag list contains `tag` (binary search).
    func question(_ p: UnsafeRawPointer, _ q: Int, hasTag tag: UInt32) -> Bool {
        var lo = Int(p.u32(questionTagOffsets + 4 * q))
        var hi = Int(p.u32(questionTagOffsets + 4 * q + 4))
        while lo < hi {
            let mid = (lo + hi) / 2
            let v = p.u32(questionTags + 4 * mid)
            if v == tag { return true }
            if v < tag { lo = mid + 1 } else { hi = mid }
        }
        return false
    }
}

/// A byte string made of a head, an optional "/" and a tail, compared without copying.
struct ByteRope {
    var head: UnsafeRawBufferPointer
    var slash: Bool
    var tail: UnsafeRawBufferPointer

    init(
        _ head: UnsafeRawBufferPointer, slash: Bool = false,
        _ tail: UnsafeRawBufferPointer = UnsafeRawBufferPointer(start: nil, count: 0)
    ) {
        self.head = head
        self.slash = slash
        self.tail = tail
    }

    var count: Int { head.count + (slash ? 1 : 0) + tail.count }

    @inline(__always) subscript(i: Int) -> UInt8 {
        if i < head.count { return head[i] }
        if slash {
            return i == head.count ? UInt8(ascii: "/") : tail[i - head.count - 1]
        }
        return tail[i - head.count]
    }

    /// Negative, zero or positive as `a` sorts before, equal to or after `b` by bytes.
    static func compare(_ a: [UInt8], _ b: [UInt8]) -> Int {
        a.withUnsafeBytes { x in b.withUnsafeBytes { y in ByteRope(x).compare(ByteRope(y)) } }
    }

    /// Negative, zero or positive as `self` sorts before, equal to or after `other` by bytes.
    func compare(_ other: ByteRope) -> Int {
        if !slash && !other.slash && tail.isEmpty && other.tail.isEmpty {
            let n = min(head.count, other.head.count)
            if n > 0 {
                let c = CLibrary.compareBytes(head.baseAddress!, other.head.baseAddress!, count: n)
                if c != 0 { return c < 0 ? -1 : 1 }
            }
            return head.count == other.head.count ? 0 : (head.count < other.head.count ? -1 : 1)
        }
        let n = min(count, other.count)
        var i = 0
        while i < n {
            let x = self[i], y = other[i]
            if x != y { return x < y ? -1 : 1 }
            i += 1
        }
        return count == other.count ? 0 : (count < other.count ? -1 : 1)
    }
}
