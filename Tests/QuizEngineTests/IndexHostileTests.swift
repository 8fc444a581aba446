import Foundation
import Testing
import TestSupport

@testable import QuizEngine

@Suite("Index against damaged and hostile files")
struct IndexHostileTests {
    static let bytes: [UInt8] = try! indexTestWriter.encode(IndexFixtures.small)
    static let expected = IndexFixtures.small
    /// The same set as format 1.2 wrote it (uncompressed strings), which readers still read.
    static let legacyBytes = [UInt8](
        try! Data(
            contentsOf: TestPaths.packageRoot.appendingPathComponent("Tests/QuizEngineTests/Fixtures/golden-1.2.qbx")))

    /// The small index in format `format`: "1.3" (as written now) or "1.2" (the fixture).
    static func fixture(_ format: String) -> [UInt8] { format == "1.2" ? legacyBytes : bytes }

    /// Opens `bytes` and reads everything: either a typed rejection (at open or at the first
    /// damaged read: the reader checks blocks as it reads them), or an index that reads
    /// exactly as expected.
    static func rejectsOrReadsIdentically(_ bytes: [UInt8], _ what: String) {
        do throws(IndexError) {
            let index = try QuestionIndex(bytes: bytes)
            #expect(try exerciseIndex(index) == expected, "\(what) was accepted but reads differently")
            #expect(index.compilerVersion == "quiz 0.0.0-test", "\(what)")
        } catch {
            #expect(!error.message.isEmpty, "\(what)")
        }
    }

    /// Reads everything of an index whose checksums are right but whose structure may be
    /// hostile: reading must never trap, and must never fail on an index that verifies whole.
    static func readsConsistently(_ index: QuestionIndex, _ what: String) {
        let valid = (try? index.verifyAll()) != nil
        do {
            _ = try exerciseIndex(index)
        } catch {
            #expect(!valid, "\(what): a read failed on an index that verifies whole: \(error)")
        }
    }

    @Test("every single-byte flip (xor 0x01 and 0xFF) is rejected or harmless", arguments: ["1.3", "1.2"])
    func flips(format: String) {
        let original = Self.fixture(format)
        for i in original.indices {
            for mask: UInt8 in [0x01, 0xFF] {
                var b = original
                b[i] ^= mask
                Self.rejectsOrReadsIdentically(b, "format \(format) byte \(i) xor \(mask)")
            }
        }
    }

    @Test("every truncation is rejected as truncated", arguments: ["1.3", "1.2"])
    func truncations(format: String) {
        let original = Self.fixture(format)
        for n in 0..<original.count {
            do {
                _ = try QuestionIndex(bytes: Array(original[0..<n]))
                Issue.record("truncation to \(n) bytes was accepted")
            } catch {
                #expect(error.code == .truncated, "truncation to \(n): \(error)")
            }
        }
        var longer = original
        longer += [0, 0, 0, 0, 0, 0, 0, 0]
        #expect(throws: IndexError.self) { try QuestionIndex(bytes: longer) }
    }

    /// With checksums recomputed after each change, only the structural checks stand between
    /// a hostile file and the accessors: every change must be rejected or read without a trap.
    /// The loops run as exit tests, in a child process: a trap fails this test with its
    /// signal instead of ending the whole test run.
    @Test("flips with recomputed checksums never trap")
    func resealedFlips() async {
        await #expect(processExitsWith: .success) { IndexHostileTests.resealedFlipsRead(IndexHostileTests.bytes) }
    }

    @Test("flips of a format 1.2 index with recomputed checksums never trap")
    func resealedLegacyFlips() async {
        await #expect(processExitsWith: .success) { IndexHostileTests.resealedFlipsRead(IndexHostileTests.legacyBytes) }
    }

    static func resealedFlipsRead(_ original: [UInt8]) {
        for mask: UInt8 in [0x01, 0x80, 0xFF] {
            for i in 16..<original.count where !(12..<16).contains(i) {
                var b = original
                b[i] ^= mask
                if let index = try? QuestionIndex(bytes: resealedIndex(b)) {
                    readsConsistently(index, "byte \(i) xor \(mask)")
                }
            }
        }
    }

    @Test("random multi-byte damage with recomputed checksums never traps")
    func resealedRandom() async {
        await #expect(processExitsWith: .success) {
            let original = IndexHostileTests.bytes
            for seed in 0..<4 as Range<UInt64> {
                var g = IndexTestRandom(seed: 1000 + seed)
                for _ in 0..<1500 {
                    var b = original
                    for _ in 0..<(1 + g.below(4)) {
                        let i = 16 + g.below(original.count - 16)
                        b[i] = g.chance(50) ? UInt8(truncatingIfNeeded: g.next()) : b[i] ^ (1 << UInt8(g.below(8)))
                    }
                    if let index = try? QuestionIndex(bytes: resealedIndex(b)) {
                        IndexHostileTests.readsConsistently(index, "seed \(seed)")
                    }
                }
            }
        }
    }

    @Test("a newer major version is rejected with an actionable message")
    func newerMajor() {
        var b = Self.bytes
        b[8] = 2
        b[10] = 0
        do {
            _ = try QuestionIndex(bytes: resealedIndex(b))
            Issue.record("accepted a 2.0 index")
        } catch {
            #expect(error.code == .newerFormat)
            #expect(error.message.contains("index built by a newer quiz (format 2.0)"))
            #expect(error.message.contains("quiz compile"))
        }
    }

    @Test("a newer minor version is read")
    func newerMinor() throws {
        var b = Self.bytes
        b[10] = 7
        let index = try QuestionIndex(bytes: resealedIndex(b))
        #expect(index.formatVersion == .init(major: 1, minor: 7))
        #expect(try index.questionSet() == Self.expected)
    }

    @Test("an unknown required feature is rejected; an unknown optional one is ignored")
    func featureBits() throws {
        var required = Self.bytes
        required[24 + 7] |= 0x80  // bit 63 of the required features
        do {
            _ = try QuestionIndex(bytes: resealedIndex(required))
            Issue.record("accepted an unknown required feature")
        } catch {
            #expect(error.code == .newerFormat)
            #expect(error.message.contains("0x8000000000000000"))
        }
        var optional = Self.bytes
        optional[32 + 7] |= 0x80
        optional[32] |= 0x01
        #expect(try QuestionIndex(bytes: resealedIndex(optional)).questionSet() == Self.expected)
    }

    @Test("an unknown optional section is skipped; an unknown required one is rejected")
    func unknownSections() throws {
        // Rename the modules section (the last) to an unknown type: the reader then misses
        // 'modules', so instead append a harmless unknown section by rewriting a known one.
        var b = Self.bytes
        let sections = Int(b[20])
        let last = try #require(
            (0..<sections).map { 128 + 32 * $0 }.first { Array(b[$0..<($0 + 4)]) == Array("MODS".utf8) })
        // Make the modules section unknown and optional: 'modules' is then missing.
        b[last] = UInt8(ascii: "X")
        b[last + 4] = 0
        do {
            _ = try QuestionIndex(bytes: resealedIndex(b))
            Issue.record("accepted an index without 'modules'")
        } catch {
            #expect(error.code == .malformed)
            #expect(error.message.contains("missing section 'modules'"))
        }
        b[last + 4] = 1
        do {
            _ = try QuestionIndex(bytes: resealedIndex(b))
            Issue.record("accepted an unknown required section")
        } catch {
            #expect(error.code == .newerFormat)
            #expect(error.message.contains("XODS"))
        }
    }

    @Test("without block checksums (a 1.0 reader's view) the index is verified whole and reads the same")
    func withoutBlockChecksums() throws {
        var b = Self.bytes
        let sections = Int(b[20])
        let sums = try #require(
            (0..<sections).map { 128 + 32 * $0 }.first { Array(b[$0..<($0 + 4)]) == Array("BSUM".utf8) })
        #expect(b[sums + 4] == 0, "block checksums must be optional so 1.0 readers skip them")
        b[sums] = UInt8(ascii: "X")
        let index = try QuestionIndex(bytes: resealedIndex(b))
        #expect(try index.questionSet() == Self.expected)
        // Damage is then found at open, as the whole file is checked there.
        let strings = try #require(
            (0..<sections).map { 128 + 32 * $0 }.first { Array(b[$0..<($0 + 4)]) == Array("SDAT".utf8) })
        let offset = Int(b[strings + 8]) | Int(b[strings + 9]) << 8
        b[offset] ^= 0x20
        #expect(throws: IndexError.self) { try QuestionIndex(bytes: b) }
    }

    @Test("damage in the bulk of the file is found by the first read of its block, and by verifyAll")
    func damageFoundOnRead() throws {
        // 300 prompts of 40 random words each: even compressed, the strings span several
        // 16 KiB blocks.
        let location = SourceLocation(file: "f", line: 1, column: 1)
        var g = IndexTestRandom(seed: 7)
        let questions = (0..<300).map { i in
            let words = (0..<40).map { _ in String((0..<6).map { _ in Character(UnicodeScalar(97 + UInt8(g.below(26)))) }) }
            return Question(
                bank: "b", id: "q\(i)", type: .flashcard, prompt: "Question \(i): " + words.joined(separator: " "),
                location: location)
        }
        var b = try indexTestWriter.encode(QuestionSet(questions: questions))
        let sections = Int(b[20])
        let strings = try #require(
            (0..<sections).map { 128 + 32 * $0 }.first { Array(b[$0..<($0 + 4)]) == Array("SDAT".utf8) })
        let offset = (0..<8).reduce(0) { $0 | Int(b[strings + 8 + $1]) << (8 * $1) }
        let length = (0..<8).reduce(0) { $0 | Int(b[strings + 16 + $1]) << (8 * $1) }
        #expect(length > 3 * 16_384)
        b[offset + length - 10] ^= 0x01  // in the last prompt, the last block
        let index = try QuestionIndex(bytes: b)  // the strings are not all read at open
        #expect(try index.question(at: 0).id == "q0")  // its strings lie in the first block
        do {
            _ = try index.question(at: 299)
            Issue.record("reading a damaged string block succeeded")
        } catch {
            #expect(error.code == .checksumMismatch)
            #expect(error.message.contains("of section 'strings'"), "\(error)")
            #expect(error.message.contains("quiz compile"), "\(error)")
        }
        #expect(throws: IndexError.self) { try index.verifyAll() }
    }

    @Test("messages say what is wrong and what to do")
    func messages() {
        func message(_ bytes: [UInt8]) -> IndexError? {
            do {
                _ = try QuestionIndex(bytes: bytes)
                return nil
            } catch {
                return error
            }
        }
        let b = Self.bytes
        let cut = message(Array(b[0..<1234]))
        #expect(
            cut?.message
                == "index truncated: 1,234 bytes, header says \(groupedDigits(b.count)); rebuild with `quiz compile`")
        var flipped = b
        flipped[b.count - 200] ^= 0x01
        #expect(message(flipped)?.code == .checksumMismatch)
        #expect(
            message(flipped)?.message.contains("checksum mismatch: the file is damaged; rebuild with `quiz compile`")
                == true)
        #expect(message(Array("hello world, this is text".utf8))?.code == .notAnIndex)
        // A text-mode transfer that turned CR LF into LF.
        var mangled = b
        mangled.remove(at: 4)
        #expect(message(mangled)?.message.contains("text-mode transfer") == true)
        #expect(message([])?.code == .truncated)
    }
}
