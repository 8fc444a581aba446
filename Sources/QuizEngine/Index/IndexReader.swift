/// Reads an index's sections with every check a reader needs, at the moment of reading.
///
/// Each read verifies the blocks it touches (``BlockVerifier``, once per block), keeps
/// offsets inside their sections, ids inside their tables and strings valid UTF-8, so a
/// damaged or hostile index is reported as an ``IndexError`` by whichever accessor meets
/// the damage first, never read out of bounds.
struct IndexReader {
    let base: UnsafeRawPointer
    let layout: IndexLayout
    /// `nil` when the whole file was verified at open (an index without block checksums).
    let blocks: BlockVerifier?
    /// The string pool's code; `nil` when the strings are stored as they are (format 1.2
    /// and older).
    var code: StringCode? = nil

    /// A pointer to `count` verified bytes at `offset` in section `type`.
    ///
    /// - Throws: `.malformed` when the range leaves the section, `.checksumMismatch` when a
    ///   block it touches is damaged.
    @inline(__always)
    func bytes(_ type: SectionType, _ offset: Int, _ count: Int) throws(IndexError) -> UnsafeRawPointer {
        let span = layout.spans[type.slot]
        guard offset >= 0, count >= 0, offset <= span.length, count <= span.length - offset else {
            throw .malformed("a read of \(count) bytes at \(offset) leaves section '\(span.name)'")
        }
        if let blocks { try blocks.verify(span, offset, count) }
        return base + span.offset + offset
    }

    /// Entry `index` of a section of `u32` entries.
    @inline(__always)
    func u32(_ type: SectionType, _ index: Int) throws(IndexError) -> UInt32 {
        try bytes(type, 4 * index, 4).u32(0)
    }

    /// `start ..< end` from entries `index` and `index + 1` of an offset section, checked to
    /// be ordered and within `limit`.
    func range(_ type: SectionType, _ index: Int, limit: Int) throws(IndexError) -> Range<Int> {
        let pair = try bytes(type, 4 * index, 8)
        let start = Int(pair.u32(0))
        let end = Int(pair.u32(4))
        guard start <= end, end <= limit else {
            throw .malformed("entry \(index) of section '\(type.name)' is \(start)..<\(end), past \(limit)")
        }
        return start..<end
    }

    /// The stored bytes of string `id` in `SDAT` (its text, or its bitstream when the pool
    /// is compressed), verified.
    private func storedString(_ id: UInt32) throws(IndexError) -> UnsafeRawBufferPointer {
        guard Int(id) < layout.stringCount else {
            throw .malformed("a reference to string \(id) of \(layout.stringCount)")
        }
        let extent = try range(.stringOffsets, Int(id), limit: layout.stringBytesLength)
        let start = try bytes(.stringBytes, extent.lowerBound, extent.count)
        return UnsafeRawBufferPointer(start: start, count: extent.count)
    }

    /// The UTF-8 bytes of string `id` of an uncompressed pool, in place, validated.
    private func plainString(_ id: UInt32) throws(IndexError) -> UnsafeRawBufferPointer {
        let text = try storedString(id)
        guard UTF8Validation.isValid(text) else { throw .malformed("string \(id) is not valid UTF-8") }
        return text
    }

    /// Appends the UTF-8 bytes of string `id` of a compressed pool to `out`.
    ///
    /// - Precondition: the pool is compressed (``code`` is set).
    func decode(_ id: UInt32, into out: inout [UInt8]) throws(IndexError) {
        try code!.decode(try storedString(id), string: id, into: &out)
    }

    /// The UTF-8 bytes of string `id`, verified and valid: copied from the file, or decoded
    /// when the pool is compressed.
    func stringBytes(_ id: UInt32) throws(IndexError) -> [UInt8] {
        guard code != nil else { return Array(try plainString(id)) }
        var out: [UInt8] = []
        try decode(id, into: &out)
        return out
    }

    /// String `id`, decoded.
    func string(_ id: UInt32) throws(IndexError) -> String {
        guard code != nil else { return String(decoding: try plainString(id), as: UTF8.self) }
        return String(decoding: try stringBytes(id), as: UTF8.self)
    }

    /// String `id`, or `nil` for the "no string" marker.
    func optionalString(_ id: UInt32) throws(IndexError) -> String? {
        id == IndexFormat.none ? nil : try string(id)
    }

    /// The record of question `ordinal`, its type and difficulty codes checked.
    ///
    /// - Precondition: `0 <= ordinal < questionCount` (a caller's error, not the file's).
    func questionRecord(_ ordinal: Int) throws(IndexError) -> UnsafeRawPointer {
        precondition(ordinal >= 0 && ordinal < layout.questionCount, "question ordinal out of range")
        let r = try bytes(.questions, ordinal * layout.questionStride, IndexFormat.questionRecordSize)
        try checkCodes(ofQuestion: ordinal, at: r)
        return r
    }

    /// Checks the type, difficulty and trace codes of question `ordinal`'s record at `r`.
    func checkCodes(ofQuestion ordinal: Int, at r: UnsafeRawPointer) throws(IndexError) {
        guard Int(r.u8(QuestionField.type)) < IndexFormat.questionTypes.count,
            Int(r.u8(QuestionField.difficulty)) < IndexFormat.difficulties.count
        else {
            throw .malformed("question \(ordinal) has an unknown type or difficulty code")
        }
        let trace = r.u32(QuestionField.trace)
        guard trace == IndexFormat.none || Int(trace) < layout.traceCount else {
            throw .malformed("question \(ordinal) refers to trace \(trace) of \(layout.traceCount)")
        }
    }

    /// The ordinal stored at position `position` of the key table.
    func keyOrdinal(_ position: Int) throws(IndexError) -> Int {
        let ordinal = Int(try u32(.keys, position))
        guard ordinal < layout.questionCount else {
            throw .malformed("key \(position) refers to question \(ordinal) of \(layout.questionCount)")
        }
        return ordinal
    }

    /// The key (`bank/id`) of question `ordinal` as UTF-8 bytes.
    func key(_ ordinal: Int) throws(IndexError) -> [UInt8] {
        let r = try questionRecord(ordinal)
        var key = try stringBytes(r.u32(QuestionField.bank))
        key.append(UInt8(ascii: "/"))
        key += try stringBytes(r.u32(QuestionField.id))
        return key
    }

    /// The record of tag `id` (the tag table is checked whole at open).
    func tagRecord(_ id: Int) -> UnsafeRawPointer {
        record(id, of: layout.tagCount, at: layout.tags, stride: layout.tagStride)
    }

    /// Container record `c` (checked at open with the tags).
    func containerRecord(_ c: Int) -> UnsafeRawPointer {
        record(c, of: layout.containerCount, at: layout.containers, stride: layout.containerStride)
    }

    /// Trace record `t` (checked at open).
    func traceRecord(_ t: Int) -> UnsafeRawPointer {
        record(t, of: layout.traceCount, at: layout.traces, stride: layout.traceStride)
    }

    /// Bank record `b` (checked at open).
    func bankRecord(_ b: Int) -> UnsafeRawPointer {
        record(b, of: layout.bankCount, at: layout.banks, stride: layout.bankStride)
    }

    /// Module record `m` (checked at open).
    func moduleRecord(_ m: Int) -> UnsafeRawPointer {
        record(m, of: layout.moduleCount, at: layout.modules, stride: layout.moduleStride)
    }

    /// Record `i` of a small section checked whole at open.
    private func record(_ i: Int, of count: Int, at offset: Int, stride: Int) -> UnsafeRawPointer {
        precondition(i >= 0 && i < count, "record out of range")
        return base + offset + i * stride
    }

    /// Checks the payloads of tag `id`'s posting containers: verified blocks, arrays sorted
    /// and unique, bitsets holding as many bits as they say, every member a question, and
    /// the total equal to the tag's count. The containers themselves are checked at open.
    /// With `crossChecked`, also that every member carries the tag in its own tag list (the
    /// whole-file verification; it reads the question tag lists).
    ///
    /// - Complexity: O(p) in the tag's postings (O(p log k) cross-checked, k tags a question).
    func checkPostings(ofTag id: Int, crossChecked: Bool = false) throws(IndexError) {
        let r = tagRecord(id)
        let count = Int(r.u32(TagField.count))
        let first = Int(r.u32(TagField.firstContainer))
        let containerCount = Int(r.u32(TagField.containerCount))
        func member(_ q: Int) throws(IndexError) {
            guard q < layout.questionCount else {
                throw .malformed("tag \(id) lists question \(q) of \(layout.questionCount)")
            }
            guard !crossChecked || layout.question(base, q, hasTag: UInt32(id)) else {
                throw .malformed("tag \(id) lists question \(q), which does not carry it")
            }
        }
        var total = 0
        for c in first..<(first + containerCount) {
            let cr = containerRecord(c)
            let keyBase = Int(cr.u16(ContainerField.key)) << 16
            let card = Int(cr.u32(ContainerField.cardinality))
            let payload = Int(cr.u32(ContainerField.payload))
            if cr.u8(ContainerField.kind) == IndexFormat.containerArray {
                let values = try bytes(.postings, payload, 2 * card)
                var last = -1
                for i in 0..<card {
                    let v = Int(values.u16(2 * i))
                    guard v > last else { throw .malformed("container \(c) of tag \(id) is not sorted and unique") }
                    try member(keyBase + v)
                    last = v
                }
            } else {
                let words = try bytes(.postings, payload, IndexFormat.bitsetBytes)
                var bits = 0
                for w in 0..<(IndexFormat.bitsetBytes / 8) {
                    var word = words.u64(8 * w)
                    bits += word.nonzeroBitCount
                    guard word != 0 else { continue }
                    // The highest member bounds them all; the cross-check visits each.
                    try member(keyBase + w * 64 + (63 - word.leadingZeroBitCount))
                    while crossChecked && word != 0 {
                        try member(keyBase + w * 64 + word.trailingZeroBitCount)
                        word &= word - 1
                    }
                }
                guard bits == card else { throw .malformed("container \(c) has \(bits) bits, says \(card)") }
            }
            total += card
        }
        guard total == count else { throw .malformed("tag \(id)'s postings hold \(total), it says \(count)") }
    }
}
