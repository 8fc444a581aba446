/// Where each section of an index starts, and how many records it holds.
///
/// Produced by ``IndexLayout/open(_:)`` (header, section table and small sections checked;
/// the rest is checked as it is read, through ``IndexReader``) or ``IndexLayout/verify(_:)``
/// (everything checked). Every offset below is in bounds of the file.
struct IndexLayout: Sendable {
    var major: UInt16 = 0
    var minor: UInt16 = 0
    var requiredFeatures: UInt64 = 0
    var optionalFeatures: UInt64 = 0
    var fileLength = 0
    var questionCount = 0
    var compilerVersion: UInt32 = 0
    var schemaVersion: UInt32 = 0
    var digest: [UInt8] = []

    var stringCount = 0
    var stringOffsets = 0
    var stringBytes = 0
    var stringBytesLength = 0
    /// Whether the pool is compressed (format 1.3's required feature; `SDIC` present).
    var compressedStrings = false

    var questions = 0
    var questionStride = 0
    var keys = 0
    var questionTagOffsets = 0
    var questionTags = 0
    var questionTagCount = 0
    var choiceOffsets = 0
    var choices = 0
    var choiceStride = 0
    var choiceCount = 0
    var listOffsets = 0
    var listStrings = 0
    var listStringCount = 0
    var tags = 0
    var tagStride = 0
    var tagCount = 0
    var containers = 0
    var containerStride = 0
    var containerCount = 0
    var postings = 0
    var postingsLength = 0
    var traces = 0
    var traceStride = 0
    var traceCount = 0
    var banks = 0
    var bankStride = 0
    var bankCount = 0
    var modules = 0
    var moduleStride = 0
    var moduleCount = 0

    /// Each known section's place in the file and its first block, by ``SectionType/slot``.
    var spans = [BlockVerifier.Span](
        repeating: BlockVerifier.Span(offset: 0, length: 0, firstBlock: 0, name: ""),
        count: SectionType.allCases.count)
}
