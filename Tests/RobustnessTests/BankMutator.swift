import SeededRandom
import SortingCourse

/// Seeded random edits of a YAML bank, the kind a hurried author or a bad merge makes: lines
/// inserted, deleted, duplicated and re-indented; YAML punctuation injected; invalid bytes.
struct BankMutator {
    var generator: Xoshiro256StarStar

    init(seed: UInt64) {
        generator = Xoshiro256StarStar(seed: seed)
    }

    static let punctuation: [[UInt8]] = [
        "-", ":", "? ", "[", "]", "{", "}", ",", "&a ", "*a", "!!int ", "|", ">", "'", "\"", "#", "%", "@", "`",
        "---\n", "...\n", "\t", "<<: ", "\\", "\\0", "\r", "\r\n",
    ].map { Array($0.utf8) }
    static let invalidBytes: [[UInt8]] = [
        [0x00], [0xFF], [0xC0, 0xAF], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF], [0x07], [0x80],
    ]

    mutating func pick(_ count: Int) -> Int { Int(generator.uniform(below: UInt64(count))) }

    /// One mutant of `bytes` with one to four edits.
    mutating func mutate(_ bytes: [UInt8]) -> [UInt8] {
        var lines = split(bytes)
        for _ in 0..<(1 + pick(4)) {
            guard !lines.isEmpty else { break }
            let line = pick(lines.count)
            switch pick(7) {
            case 0: lines.insert(lines[pick(lines.count)], at: line)  // a line from elsewhere
            case 1: lines.remove(at: line)
            case 2: lines.insert(lines[line], at: line)  // duplicate in place
            case 3:  // re-indent by -4…+4 spaces
                let shift = pick(9) - 4
                if shift > 0 {
                    lines[line].insert(contentsOf: repeatElement(UInt8(ascii: " "), count: shift), at: 0)
                } else {
                    let spaces = lines[line].prefix { $0 == UInt8(ascii: " ") }.count
                    lines[line].removeFirst(min(spaces, -shift))
                }
            case 4:
                let at = pick(lines[line].count + 1)
                lines[line].insert(contentsOf: Self.punctuation[pick(Self.punctuation.count)], at: at)
            case 5:
                let at = pick(lines[line].count + 1)
                lines[line].insert(contentsOf: Self.invalidBytes[pick(Self.invalidBytes.count)], at: at)
            default:  // truncate a line
                lines[line].removeLast(pick(lines[line].count + 1))
            }
        }
        return lines.flatMap { $0 + [0x0A] }
    }

    private func split(_ bytes: [UInt8]) -> [[UInt8]] {
        bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
    }
}
