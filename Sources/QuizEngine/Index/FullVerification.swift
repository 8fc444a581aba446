/// The steps of ``IndexLayout/verify(_:)`` after the checksums: every structural property of
/// the sections, one section at a time, in one linear pass over each.
struct FullVerification {
    let buf: UnsafeRawBufferPointer
    let entries: SectionMap
    /// Reads the whole file, verified by section checksums (so without block checks).
    let reader: IndexReader
    var layout: IndexLayout { reader.layout }

    var p: UnsafeRawPointer { buf.baseAddress! }
    private var n: Int { layout.questionCount }

    private func entry(_ t: SectionType) -> IndexLayout.Entry { entries[t]! }
    private func records(_ t: SectionType) -> Int { entry(t).length / entry(t).stride }

    /// Monotone offset arrays: `count` entries from 0 up to `total`.
    private func checkOffsets(_ t: SectionType, count: Int, total: Int) throws(IndexError) {
        guard records(t) == count else {
            throw .malformed("section '\(t.name)' has \(records(t)) entries, expected \(count)")
        }
        let base = entry(t).offset
        guard p.u32(base) == 0 else { throw .malformed("section '\(t.name)' does not start at 0") }
        var last: UInt32 = 0
        for i in 1..<count {
            let v = p.u32(base + 4 * i)
            guard v >= last else { throw .malformed("section '\(t.name)' offsets decrease at entry \(i)") }
            last = v
        }
        guard Int(last) == total else {
            throw .malformed("section '\(t.name)' ends at \(last), expected \(total)")
        }
    }

    private func checkString(_ id: UInt32, optional: Bool = false, _ what: @autoclosure () -> String)
        throws(IndexError)
    {
        if optional && id == IndexFormat.none { return }
        guard Int(id) < layout.stringCount else {
            throw .malformed("\(what()) refers to string \(id) of \(layout.stringCount)")
        }
    }

    /// The string pool: offsets monotone, bytes valid UTF-8, no string starting inside a
    /// sequence (a compressed pool: every string decodes exactly); the header's version
    /// strings in range.
    func checkStrings() throws(IndexError) {
        let soff = entry(.stringOffsets)
        let sdat = entry(.stringBytes)
        guard records(.stringOffsets) >= 1 else { throw .malformed("empty string offsets") }
        guard layout.stringCount < Int(IndexFormat.none) else { throw .malformed("too many strings") }
        try checkOffsets(.stringOffsets, count: layout.stringCount + 1, total: sdat.length)
        try checkString(layout.compilerVersion, "the compiler version")
        try checkString(layout.schemaVersion, "the schema version")
        if layout.compressedStrings {
            var scratch: [UInt8] = []
            for i in 0..<layout.stringCount {
                scratch.removeAll(keepingCapacity: true)
                try reader.decode(UInt32(i), into: &scratch)
            }
            return
        }
        guard UTF8Validation.isValid(UnsafeRawBufferPointer(rebasing: buf[sdat.offset..<(sdat.offset + sdat.length)]))
        else {
            throw .malformed("the string pool is not valid UTF-8")
        }
        for i in 0..<layout.stringCount {
            let start = Int(p.u32(soff.offset + 4 * i))
            if start < sdat.length && p.u8(sdat.offset + start) & 0xC0 == 0x80 {
                throw .malformed("string \(i) starts inside a UTF-8 sequence")
            }
        }
    }

    /// Question records: string ids in range, trace references, type and difficulty codes.
    func checkQuestions() throws(IndexError) {
        let ques = entry(.questions)
        guard records(.questions) == n else {
            throw .malformed("section 'questions' has \(records(.questions)) records, header says \(n)")
        }
        typealias Q = QuestionField
        for q in 0..<n {
            let r = ques.offset + q * ques.stride
            try checkString(p.u32(r + Q.bank), "question \(q)'s bank")
            try checkString(p.u32(r + Q.id), "question \(q)'s id")
            try checkString(p.u32(r + Q.prompt), "question \(q)'s prompt")
            for f in [Q.answer, Q.guidance, Q.explanation, Q.source, Q.module] {
                try checkString(p.u32(r + f), optional: true, "question \(q)")
            }
            try checkString(p.u32(r + Q.file), "question \(q)'s file")
            let trace = p.u32(r + Q.trace)
            guard trace == IndexFormat.none || Int(trace) < layout.traceCount else {
                throw .malformed("question \(q) refers to trace \(trace) of \(layout.traceCount)")
            }
            guard Int(p.u8(r + Q.type)) < IndexFormat.questionTypes.count else {
                throw .malformed("question \(q) has unknown type \(p.u8(r + Q.type))")
            }
            guard Int(p.u8(r + Q.difficulty)) < IndexFormat.difficulties.count else {
                throw .malformed("question \(q) has unknown difficulty \(p.u8(r + Q.difficulty))")
            }
            guard p.u16(r + Q.reserved) == 0 else { throw .malformed("question \(q) has nonzero reserved bits") }
        }
    }

    /// Keys: a permutation of the ordinals, strictly increasing by UTF-8 bytes of bank/id.
    func checkKeys() throws(IndexError) {
        let keys = entry(.keys)
        guard records(.keys) == n else {
            throw .malformed("section 'keys' has \(records(.keys)) entries, expected \(n)")
        }
        var seen = [Bool](repeating: false, count: n)
        var previous: [UInt8]? = nil
        for i in 0..<n {
            let ordinal = Int(p.u32(keys.offset + 4 * i))
            guard ordinal < n, !seen[ordinal] else { throw .malformed("key \(i) refers to question \(ordinal)") }
            seen[ordinal] = true
            let key = try reader.key(ordinal)
            if let previous, ByteRope.compare(previous, key) >= 0 {
                throw .malformed("keys are not sorted and unique at entry \(i)")
            }
            previous = key
        }
    }

    /// Per-question tag lists: strictly increasing tag ids; returns each tag's uses.
    func checkQuestionTags() throws(IndexError) -> [Int] {
        let qtag = entry(.questionTags)
        try checkOffsets(.questionTagOffsets, count: n + 1, total: records(.questionTags))
        var uses = [Int](repeating: 0, count: layout.tagCount)
        for q in 0..<n {
            let start = Int(p.u32(layout.questionTagOffsets + 4 * q))
            let end = Int(p.u32(layout.questionTagOffsets + 4 * q + 4))
            var last = -1
            for j in start..<end {
                let t = Int(p.u32(qtag.offset + 4 * j))
                guard t < layout.tagCount else { throw .malformed("question \(q) has tag \(t) of \(layout.tagCount)") }
                guard t > last else { throw .malformed("question \(q)'s tags are not sorted and unique") }
                uses[t] += 1
                last = t
            }
        }
        return uses
    }

    /// Choice records: offsets, string ids and flags.
    func checkChoices() throws(IndexError) {
        let choi = entry(.choices)
        try checkOffsets(.choiceOffsets, count: n + 1, total: records(.choices))
        for c in 0..<records(.choices) {
            let r = choi.offset + c * choi.stride
            try checkString(p.u32(r + ChoiceField.text), "choice \(c)'s text")
            try checkString(p.u32(r + ChoiceField.why), optional: true, "choice \(c)'s why")
            guard p.u32(r + ChoiceField.flags) & ~3 == 0 else { throw .malformed("choice \(c) has unknown flags") }
        }
    }

    /// String lists: four per question, then one per module.
    func checkLists() throws(IndexError) {
        let lsts = entry(.listStrings)
        let listCount = n * IndexFormat.listsPerQuestion + layout.moduleCount
        try checkOffsets(.listOffsets, count: listCount + 1, total: records(.listStrings))
        for i in 0..<records(.listStrings) {
            try checkString(p.u32(lsts.offset + 4 * i), "list entry \(i)")
        }
    }

    /// Tags, containers and postings: the checks a lazy open and a tag's first use make,
    /// plus what only the whole file shows: each tag's count agrees with the questions' tag
    /// lists, every posting carries its tag, and the gaps between payloads are zero.
    func checkTagsAndPostings(uses: [Int]) throws(IndexError) {
        try IndexLayout.checkTagsAndContainers(reader)
        for t in 0..<layout.tagCount {
            let count = Int(reader.tagRecord(t).u32(TagField.count))
            guard count == uses[t] else {
                throw .malformed("tag \(t) says \(count) questions, the questions say \(uses[t])")
            }
            try reader.checkPostings(ofTag: t, crossChecked: true)
        }
        let pdat = entry(.postings)
        var cursor = 0
        for c in 0..<layout.containerCount {
            let cr = reader.containerRecord(c)
            let payload = Int(cr.u32(ContainerField.payload))
            for k in cursor..<payload where p.u8(pdat.offset + k) != 0 {
                throw .malformed("nonzero padding in postings")
            }
            let card = Int(cr.u32(ContainerField.cardinality))
            let isArray = cr.u8(ContainerField.kind) == IndexFormat.containerArray
            cursor = payload + (isArray ? 2 * card : IndexFormat.bitsetBytes)
        }
        for k in cursor..<pdat.length where p.u8(pdat.offset + k) != 0 {
            throw .malformed("nonzero padding in postings")
        }
    }
}
