import Foundation
import Testing

@testable import QuizEngine

@Suite("Checksums, digests, base64, UTF-8")
struct IndexSupportTests {
    @Test("CRC32C check values")
    func crc32c() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
        #expect(CRC32C.checksum([]) == 0)
        // RFC 3720 B.4 test vectors.
        #expect(CRC32C.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
        #expect(CRC32C.checksum([UInt8](repeating: 0xFF, count: 32)) == 0x62A8_AB43)
        #expect(CRC32C.checksum((0..<32).map { UInt8($0) }) == 0x46DD_794E)
        #expect(CRC32C.checksum((0..<32).map { UInt8(31 - $0) }) == 0x113F_DB5C)
    }

    @Test("CRC32C fed in pieces equals CRC32C at once", arguments: 0..<20)
    func crcPieces(seed: UInt64) {
        var g = IndexTestRandom(seed: seed)
        let bytes = (0..<g.below(300)).map { _ in UInt8(truncatingIfNeeded: g.next()) }
        var crc = CRC32C()
        var i = 0
        while i < bytes.count {
            let n = min(bytes.count - i, g.below(20))
            crc.update(Array(bytes[i..<(i + n)]))
            i += n
        }
        // Bitwise reference.
        var ref: UInt32 = 0xFFFF_FFFF
        for b in bytes {
            ref ^= UInt32(b)
            for _ in 0..<8 { ref = ref & 1 != 0 ? (ref >> 1) ^ 0x82F6_3B78 : ref >> 1 }
        }
        #expect(crc.value == ~ref)
    }

    @Test(
        "CRC32C in hardware equals CRC32C in software", .enabled(if: CRC32C.hardwareAvailable),
        arguments: 0..<20)
    func crcHardwareMatchesSoftware(seed: UInt64) {
        var g = IndexTestRandom(seed: seed)
        let bytes = (0..<g.below(5_000)).map { _ in UInt8(truncatingIfNeeded: g.next()) }
        var hardware = CRC32C()
        var software = CRC32C()
        bytes.withUnsafeBytes {
            hardware.update($0)
            software.updateInSoftware($0)
        }
        #expect(hardware.value == software.value)
    }

    /// Buffers of three 512-byte lanes or more run three interleaved streams joined by a
    /// shift; around that size, at the index's block size, and unaligned, the result must be
    /// the software one.
    @Test(
        "CRC32C in three lanes equals CRC32C in software", .enabled(if: CRC32C.hardwareAvailable),
        arguments: [1_535, 1_536, 1_537, 1_543, 1_544, 1_551, 4_099, 16_383, 16_384, 16_385, 65_536, 100_003])
    func crcThreeLanes(count: Int) {
        var g = IndexTestRandom(seed: UInt64(count))
        let bytes = (0..<(count + 3)).map { _ in UInt8(truncatingIfNeeded: g.next()) }
        for offset in 0..<3 {
            var hardware = CRC32C()
            var software = CRC32C()
            bytes.withUnsafeBytes {
                let slice = UnsafeRawBufferPointer(rebasing: $0[offset..<(offset + count)])
                hardware.update(slice)
                software.updateInSoftware(slice)
            }
            #expect(hardware.value == software.value, "\(count) bytes at offset \(offset)")
        }
    }

    @Test(
        "SHA-256 FIPS 180-4 / NIST vectors",
        arguments: [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
            (
                "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
                "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
            ),
        ])
    func sha256(input: String, hex: String) {
        #expect(SHA256.hex(SHA256.hash(Array(input.utf8))) == hex)
        // Fed a byte at a time.
        var h = SHA256()
        for b in input.utf8 { h.update([b]) }
        #expect(SHA256.hex(h.finalize()) == hex)
    }

    @Test("SHA-256 of a million 'a'")
    func sha256Million() {
        var h = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { h.update(chunk) }
        #expect(SHA256.hex(h.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("SHA-256 block boundaries", arguments: [55, 56, 63, 64, 65, 119, 120])
    func sha256Boundaries(n: Int) {
        let bytes = (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        var split = SHA256()
        split.update(Array(bytes[0..<(n / 3)]))
        split.update(Array(bytes[(n / 3)...]))
        #expect(split.finalize() == SHA256.hash(bytes))
    }

    @Test(
        "SHA-256 on SHA-NI equals SHA-256 in software", .enabled(if: SHA256.hardwareAvailable),
        arguments: 0..<40)
    func sha256HardwareMatchesSoftware(seed: UInt64) {
        var g = IndexTestRandom(seed: seed)
        // Lengths around block edges and up to a few hundred blocks, fed in random pieces.
        let length = seed < 20 ? Int(seed) * 32 + g.below(3) : g.below(20_000)
        let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: g.next()) }
        var hardware = SHA256(hardware: true)
        var software = SHA256(hardware: false)
        var i = 0
        while i < bytes.count {
            let n = min(bytes.count - i, 1 + g.below(300))
            hardware.update(Array(bytes[i..<(i + n)]))
            software.update(Array(bytes[i..<(i + n)]))
            i += n
        }
        #expect(hardware.finalize() == software.finalize(), "length \(length)")
        var whole = SHA256(hardware: true)
        whole.update(bytes)
        #expect(whole.finalize() == software.finalize(), "length \(length) at once")
        #expect(SHA256(hardware: true).finalize() == SHA256(hardware: false).finalize())
    }

    @Test("base64 round trip and rejects", arguments: 0..<12)
    func base64(n: Int) {
        let bytes = (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 200) }
        // Foundation encodes: an independent encoder checks the decoder.
        let text = Data(bytes).base64EncodedString()
        #expect(Base64.decode(text) == bytes)
        #expect(Base64.decode(text.map { "\($0)" }.joined(separator: "\n")) == bytes)
    }

    @Test("base64 RFC 4648 vectors")
    func base64Vectors() {
        let vectors = [
            ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ]
        for (plain, coded) in vectors {
            #expect(Data(plain.utf8).base64EncodedString() == coded)
            #expect(Base64.decode(coded) == Array(plain.utf8))
        }
        for bad in ["Zg=", "Z", "Zm9v!", "Zg==Zg==", "=Zg=", "Zm9vY"] {
            #expect(Base64.decode(bad) == nil, "\(bad)")
        }
        let literal: StaticString = "Zm9v\nYmFy"
        #expect(Base64.decode(literal) == Array("foobar".utf8))
    }

    @Test("UTF-8 validation agrees with the standard library", arguments: 0..<8)
    func utf8(seed: UInt64) {
        var g = IndexTestRandom(seed: seed)
        let interesting: [[UInt8]] = [
            [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF8],
            [0xE2, 0x82, 0xAC], [0xF0, 0x9F, 0x98, 0x80], [0xC3], [0x80], [0x61],
        ]
        for _ in 0..<500 {
            var bytes: [UInt8] = []
            for _ in 0..<g.below(12) {
                bytes += g.chance(70) ? g.pick(interesting) : [UInt8(truncatingIfNeeded: g.next())]
            }
            let ours = bytes.withUnsafeBytes { UTF8Validation.isValid($0) }
            let theirs = String(validating: bytes, as: UTF8.self) != nil
            #expect(ours == theirs, "\(bytes)")
        }
        let long = Array(String(repeating: "abcdefgh", count: 5).utf8) + [0xFF]
        #expect(!long.withUnsafeBytes { UTF8Validation.isValid($0) })
    }

    @Test("grouped digits")
    func grouping() {
        #expect(groupedDigits(0) == "0")
        #expect(groupedDigits(1234) == "1,234")
        #expect(groupedDigits(123456) == "123,456")
        #expect(groupedDigits(1234567) == "1,234,567")
        #expect(groupedDigits(-1234) == "-1,234")
    }
}
