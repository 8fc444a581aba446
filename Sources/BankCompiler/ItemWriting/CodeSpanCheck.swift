/// Finds markdown code spans left open at the end of their line.
///
/// A span opened by a run of n backticks closes at the next run of exactly n; the renderer
/// keeps spans on one line, so a span split across two lines of a literal block renders
/// garbled. Lines inside fenced blocks (```) are code already and are skipped.
enum CodeSpanCheck {
    /// The 0-based indices of the lines of `text` that leave a code span open.
    ///
    /// - Complexity: O(n) in the length of `text`.
    static func unterminatedLines(in text: String) -> [Int] {
        var result: [Int] = []
        var inFence = false
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("```") {
                inFence.toggle()
                continue
            }
            if inFence { continue }
            var runs: [Int] = []
            var current = 0
            for character in line.utf8 {
                if character == UInt8(ascii: "`") {
                    current += 1
                } else if current > 0 {
                    runs.append(current)
                    current = 0
                }
            }
            if current > 0 { runs.append(current) }
            var position = 0
            while position < runs.count {
                guard let close = runs[(position + 1)...].firstIndex(of: runs[position]) else {
                    result.append(index)
                    break
                }
                position = close + 1
            }
        }
        return result
    }
}
