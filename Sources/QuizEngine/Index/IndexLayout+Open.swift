extension IndexLayout {
    /// Opens an index for reading in time that does not grow with its size: checks the
    /// header, the section table, the block checksum table and the small sections (tags,
    /// posting containers, banks, modules, traces), and returns a reader that checks the
    /// rest block by block and record by record as it is read.
    ///
    /// An index without block checksums (format 1.0) is verified whole instead.
    ///
    /// - Complexity: O(s + t + c + b + m) for s sections, t tags, c posting containers,
    ///   b banks and m modules and traces; O(n) in the file size for a 1.0 index.
    static func open(_ buf: UnsafeRawBufferPointer) throws(IndexError) -> IndexReader {
        let table = try readTable(buf)
        let base = buf.baseAddress!
        guard let sums = table.known[.blockChecksums] else {
            return try verify(buf)
        }
        let sumBytes = UnsafeRawBufferPointer(rebasing: buf[sums.offset..<(sums.offset + sums.length)])
        guard CRC32C.checksum(sumBytes) == sums.crc else { throw .checksum("section '\(sums.name)'") }
        let (blocks, firstBlocks) = try blockTable(table, buf, checkingEveryBlock: false)
        var layout = try locate(table)
        for (entry, first) in zip(table.all, firstBlocks) {
            guard let type = entry.type, type != .blockChecksums else { continue }
            layout.spans[type.slot].firstBlock = first
        }
        var reader = IndexReader(base: base, layout: layout, blocks: blocks)
        // The string code is rebuilt now: opening reads the version strings anyway.
        if let code = table.known[.stringCode] {
            let bytes = try reader.bytes(.stringCode, 0, code.length)
            reader.code = try StringCode(UnsafeRawBufferPointer(start: bytes, count: code.length), strict: false)
        }
        try checkSmallSections(reader)
        return reader
    }

    /// Checks the block checksum table's shape (block size, count) and returns a verifier
    /// over it with each table entry's first block; with `checkingEveryBlock`, also checks
    /// every block against its checksum.
    static func blockTable(
        _ table: Table, _ buf: UnsafeRawBufferPointer, checkingEveryBlock: Bool
    ) throws(IndexError) -> (BlockVerifier, [Int]) {
        let sums = table.known[.blockChecksums]!
        let p = buf.baseAddress!
        guard sums.length >= BlockChecksums.headerSize else { throw .malformed("the block checksum table is empty") }
        let blockSize = Int(p.u32(sums.offset))
        guard blockSize >= BlockChecksums.minimumBlockSize, blockSize <= BlockChecksums.maximumBlockSize,
            blockSize.nonzeroBitCount == 1, p.u32(sums.offset + 4) == 0
        else {
            throw .malformed("the block checksum table has block size \(blockSize)")
        }
        var firstBlocks: [Int] = []
        var next = 0
        for entry in table.all {
            firstBlocks.append(next)
            if entry.type != .blockChecksums {
                next += BlockChecksums.blockCount(length: entry.length, blockSize: blockSize)
            }
        }
        guard (sums.length - BlockChecksums.headerSize) / 4 == next else {
            throw .malformed(
                "the block checksum table has \((sums.length - BlockChecksums.headerSize) / 4) entries, expected \(next)"
            )
        }
        let checksums = p + sums.offset + BlockChecksums.headerSize
        if checkingEveryBlock {
            for (entry, first) in zip(table.all, firstBlocks) where entry.type != .blockChecksums {
                var start = 0
                var block = 0
                while start < entry.length {
                    let end = min(start + blockSize, entry.length)
                    let bytes = UnsafeRawBufferPointer(rebasing: buf[(entry.offset + start)..<(entry.offset + end)])
                    guard CRC32C.checksum(bytes) == checksums.u32(4 * (first + block)) else {
                        throw .checksum("block \(block) of section '\(entry.name)'")
                    }
                    start = end
                    block += 1
                }
            }
        }
        let verifier = BlockVerifier(base: p, checksums: checksums, blockSize: blockSize, blockCount: next)
        return (verifier, firstBlocks)
    }

    /// The checks of ``verify(_:)`` on the small sections, whose size does not grow with the
    /// number of questions: traces, banks, modules, interview plans, tags and posting containers (not their
    /// payloads, which ``IndexReader/checkPostings(ofTag:)`` checks per tag).
    private static func checkSmallSections(_ reader: IndexReader) throws(IndexError) {
        let layout = reader.layout
        for type in [SectionType.traces, .banks, .modules, .tags, .containers] {
            _ = try reader.bytes(type, 0, layout.spans[type.slot].length)
        }
        try checkTracesBanksAndModules(reader.base, layout)
        try checkTagsAndContainers(reader)
        _ = try reader.interviewPlans()
    }

    /// The tag table and the posting containers (not their payloads): names sorted and
    /// unique, flags consistent, each tag's containers contiguous and in key order, each
    /// container of a known kind and size, payloads laid out one after another (8-aligned)
    /// and filling the postings section.
    ///
    /// - Complexity: O(t + c) for t tags and c containers, plus the tag names' bytes.
    static func checkTagsAndContainers(_ reader: IndexReader) throws(IndexError) {
        let layout = reader.layout
        var nextContainer = 0
        var payloadCursor = 0
        var previousName: [UInt8]? = nil
        for t in 0..<layout.tagCount {
            let r = reader.tagRecord(t)
            let description = r.u32(TagField.description)
            let flags = r.u32(TagField.flags)
            let first = Int(r.u32(TagField.firstContainer))
            let containerCount = Int(r.u32(TagField.containerCount))
            let name = try reader.stringBytes(r.u32(TagField.name))
            guard description == IndexFormat.none || Int(description) < layout.stringCount else {
                throw .malformed("tag \(t)'s description refers to string \(description) of \(layout.stringCount)")
            }
            guard flags & ~1 == 0, (flags & 1 != 0) == (description != IndexFormat.none) else {
                throw .malformed("tag \(t) has inconsistent flags")
            }
            if let previousName, ByteRope.compare(previousName, name) >= 0 {
                throw .malformed("tags are not sorted and unique at tag \(t)")
            }
            previousName = name
            guard first == nextContainer, containerCount <= layout.containerCount - first else {
                throw .malformed("tag \(t)'s containers are out of place")
            }
            var previousKey = -1
            for c in first..<(first + containerCount) {
                let cr = reader.containerRecord(c)
                let key = Int(cr.u16(ContainerField.key))
                let kind = cr.u8(ContainerField.kind)
                let card = Int(cr.u32(ContainerField.cardinality))
                let payload = Int(cr.u32(ContainerField.payload))
                guard key > previousKey, cr.u8(ContainerField.reserved) == 0 else {
                    throw .malformed("tag \(t)'s containers are not in order")
                }
                previousKey = key
                guard payload == (payloadCursor + 7) & ~7 else {
                    throw .malformed("container \(c) payload out of place")
                }
                let room = layout.postingsLength - min(payload, layout.postingsLength)
                switch kind {
                case IndexFormat.containerArray:
                    guard card >= 1, card <= IndexFormat.arrayContainerMax, card * 2 <= room else {
                        throw .malformed("container \(c) has a bad size")
                    }
                    payloadCursor = payload + 2 * card
                case IndexFormat.containerBitset:
                    guard card > IndexFormat.arrayContainerMax, card <= 65536, IndexFormat.bitsetBytes <= room else {
                        throw .malformed("container \(c) has a bad size")
                    }
                    payloadCursor = payload + IndexFormat.bitsetBytes
                default:
                    throw .malformed("container \(c) has unknown kind \(kind)")
                }
            }
            nextContainer = first + containerCount
        }
        guard nextContainer == layout.containerCount else { throw .malformed("unused posting containers") }
        guard (payloadCursor + 7) & ~7 == layout.postingsLength else {
            throw .malformed("postings end at \(payloadCursor), section has \(layout.postingsLength)")
        }
    }

    /// The record checks of the trace, bank and module tables: string ids in range, flags
    /// known, trace parameters consistent with their flags.
    static func checkTracesBanksAndModules(_ p: UnsafeRawPointer, _ layout: IndexLayout) throws(IndexError) {
        func checkString(_ id: UInt32, optional: Bool = false, _ what: @autoclosure () -> String) throws(IndexError) {
            if optional && id == IndexFormat.none { return }
            guard Int(id) < layout.stringCount else {
                throw .malformed("\(what()) refers to string \(id) of \(layout.stringCount)")
            }
        }
        for t in 0..<layout.traceCount {
            let r = p + layout.traces + t * layout.traceStride
            try checkString(r.u32(TraceField.algorithm), "trace \(t)'s algorithm")
            try checkString(r.u32(TraceField.ask), "trace \(t)'s ask")
            let flags = r.u32(TraceField.flags)
            guard flags & ~3 == 0, r.u32(TraceField.reserved) == 0 else {
                throw .malformed("trace \(t) has unknown flags")
            }
            guard flags & 1 != 0 || r.i64(TraceField.pass) == 0, flags & 2 != 0 || r.i64(TraceField.k) == 0 else {
                throw .malformed("trace \(t) has a value for an absent parameter")
            }
        }
        for b in 0..<layout.bankCount {
            let r = p + layout.banks + b * layout.bankStride
            try checkString(r.u32(BankField.id), "bank \(b)'s id")
            try checkString(r.u32(BankField.title), "bank \(b)'s title")
            try checkString(r.u32(BankField.description), optional: true, "bank \(b)'s description")
            guard r.u32(BankField.flags) & ~1 == 0 else { throw .malformed("bank \(b) has unknown flags") }
            try checkString(r.u32(BankField.file), "bank \(b)'s file")
        }
        for m in 0..<layout.moduleCount {
            let r = p + layout.modules + m * layout.moduleStride
            for field in ModuleField.strings { try checkString(r.u32(field), "module \(m)") }
            guard r.u32(ModuleField.flags) & ~3 == 0 else { throw .malformed("module \(m) has unknown flags") }
            try checkString(r.u32(ModuleField.file), "module \(m)'s file")
        }
    }
}
