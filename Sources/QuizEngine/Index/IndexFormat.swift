/// Constants of the QBX index format, version 1.3. `FORMAT.md` next to this file is the
/// specification; this file is its transcription.
enum IndexFormat {
    /// `\x89QBX\r\n\x1a\n`: the high byte catches 7-bit transfers, CR LF and LF catch
    /// line-ending conversion, ^Z stops `type` on Windows (the PNG signature's design).
    static let magic: [UInt8] = [0x89, 0x51, 0x42, 0x58, 0x0D, 0x0A, 0x1A, 0x0A]
    static let major: UInt16 = 1
    static let minor: UInt16 = 3

    static let headerSize = 128
    static let sectionEntrySize = 32
    static let maxSections = 64
    static let alignment = 8
    static let digestCapacity = 32

    /// Required feature bit (1.3): the string pool is compressed (`SDIC` present, `SDAT`
    /// holds one bitstream per string). A reader without it would read garbage.
    static let compressedStrings: UInt64 = 1
    /// Required feature bits this reader understands.
    static let knownRequiredFeatures: UInt64 = compressedStrings
    /// Optional feature bits this reader uses (none are defined in 1.0); others are ignored.
    static let knownOptionalFeatures: UInt64 = 0

    /// The "no string" / "no record" marker in id fields.
    static let none: UInt32 = 0xFFFF_FFFF

    /// The number of string lists per question in `LSTO`: accept, items, rubric, refs.
    static let listsPerQuestion = 4
    static let listAccept = 0
    static let listItems = 1
    static let listRubric = 2
    static let listRefs = 3

    /// Postings: an array container holds at most this many entries; more make a bitset.
    static let arrayContainerMax = 4096
    static let bitsetBytes = 8192
    static let containerArray: UInt8 = 1
    static let containerBitset: UInt8 = 2

    /// Section flag: a reader that does not know the section's type must reject the file.
    static let sectionRequired: UInt32 = 1

    // Header field offsets.
    enum Header {
        static let magic = 0
        static let major = 8
        static let minor = 10
        static let crc = 12
        static let headerSize = 16
        static let sectionCount = 20
        static let requiredFeatures = 24
        static let optionalFeatures = 32
        static let fileLength = 40
        static let questionCount = 48
        static let compilerVersion = 52
        static let schemaVersion = 56
        static let digestLength = 60
        static let digest = 64
    }

    // Record sizes (the minimum stride a 1.x reader accepts for each record section).
    static let questionRecordSize = 56
    static let choiceRecordSize = 12
    static let tagRecordSize = 24
    static let containerRecordSize = 12
    static let traceRecordSize = 56
    static let bankRecordSize = 28
    static let moduleRecordSize = 52

    static let questionTypes: [QuestionType] = [.flashcard, .choice, .multi, .short, .open, .order, .trace]
    static let difficulties: [Difficulty?] = [nil, .easy, .medium, .hard]

    static func code(of type: QuestionType) -> UInt8 {
        UInt8(questionTypes.firstIndex(of: type)!)
    }

    static func code(of difficulty: Difficulty?) -> UInt8 {
        UInt8(difficulties.firstIndex(of: difficulty)!)
    }
}

/// The sections of format 1.3.
enum SectionType: UInt32, CaseIterable, Sendable {
    case stringOffsets = 0x4646_4F53  // "SOFF"
    case stringBytes = 0x5441_4453  // "SDAT"
    case questions = 0x5345_5551  // "QUES"
    case keys = 0x5359_454B  // "KEYS"
    case questionTagOffsets = 0x4F47_5451  // "QTGO"
    case questionTags = 0x4741_5451  // "QTAG"
    case choiceOffsets = 0x4F4F_4843  // "CHOO"
    case choices = 0x494F_4843  // "CHOI"
    case listOffsets = 0x4F54_534C  // "LSTO"
    case listStrings = 0x5354_534C  // "LSTS"
    case tags = 0x5347_4154  // "TAGS"
    case containers = 0x4E4F_4350  // "PCON"
    case postings = 0x5441_4450  // "PDAT"
    case traces = 0x4341_5254  // "TRAC"
    case banks = 0x4B4E_4142  // "BANK"
    case modules = 0x5344_4F4D  // "MODS"
    /// Optional (1.2): the mock-interview plans.
    case interviewPlans = 0x4E41_4C50  // "PLAN"
    /// Optional (1.1): per-block checksums of the other sections.
    case blockChecksums = 0x4D55_5342  // "BSUM"
    /// Required when present (1.3): the string pool's code and vocabulary.
    case stringCode = 0x4349_4453  // "SDIC"

    /// The section's position in `allCases`, for tables indexed by section.
    var slot: Int {
        switch self {
        case .stringOffsets: 0
        case .stringBytes: 1
        case .questions: 2
        case .keys: 3
        case .questionTagOffsets: 4
        case .questionTags: 5
        case .choiceOffsets: 6
        case .choices: 7
        case .listOffsets: 8
        case .listStrings: 9
        case .tags: 10
        case .containers: 11
        case .postings: 12
        case .traces: 13
        case .banks: 14
        case .modules: 15
        case .interviewPlans: 16
        case .blockChecksums: 17
        case .stringCode: 18
        }
    }

    /// The four ASCII letters of a type code (as stored, little-endian).
    static func fourCC(_ code: UInt32) -> String {
        let bytes = (0..<4).map { UInt8(truncatingIfNeeded: code >> (UInt32($0) * 8)) }
        if bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return String(decoding: bytes, as: UTF8.self) }
        return "0x" + String(code, radix: 16)
    }

    /// The name used in messages.
    var name: String {
        switch self {
        case .stringOffsets: "string offsets"
        case .stringBytes: "strings"
        case .questions: "questions"
        case .keys: "keys"
        case .questionTagOffsets: "question tag offsets"
        case .questionTags: "question tags"
        case .choiceOffsets: "choice offsets"
        case .choices: "choices"
        case .listOffsets: "list offsets"
        case .listStrings: "lists"
        case .tags: "tags"
        case .containers: "posting containers"
        case .postings: "postings"
        case .traces: "traces"
        case .banks: "banks"
        case .modules: "modules"
        case .blockChecksums: "block checksums"
        case .interviewPlans: "interview plans"
        case .stringCode: "string code"
        }
    }

    /// The record size (stride) written by this version; 1 for byte sections.
    var recordSize: Int {
        switch self {
        case .stringOffsets, .keys, .questionTagOffsets, .questionTags, .choiceOffsets, .listOffsets, .listStrings,
            .blockChecksums, .interviewPlans:
            4
        case .stringBytes, .postings, .stringCode: 1
        case .questions: IndexFormat.questionRecordSize
        case .choices: IndexFormat.choiceRecordSize
        case .tags: IndexFormat.tagRecordSize
        case .containers: IndexFormat.containerRecordSize
        case .traces: IndexFormat.traceRecordSize
        case .banks: IndexFormat.bankRecordSize
        case .modules: IndexFormat.moduleRecordSize
        }
    }

    /// Whether a file may leave the section out (written with the required flag clear).
    var isOptional: Bool { self == .blockChecksums || self == .interviewPlans || self == .stringCode }

    /// Whether the writer sets the section's required flag: every 1.0 section, and the
    /// string code, without which the strings cannot be read.
    var isWrittenRequired: Bool { !isOptional || self == .stringCode }

    /// Whether a later minor version may widen the records (readers then stride by the
    /// stored record size and ignore the tail of each record).
    var isExtensibleRecord: Bool {
        switch self {
        case .questions, .choices, .tags, .containers, .traces, .banks, .modules: true
        default: false
        }
    }
}
