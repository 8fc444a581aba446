import QuizEngine

/// Finds markdown code spans left open at the end of their line.
///
/// A span opened by a run of n backticks closes at the next run of exactly n; the renderer
/// keeps spans on one line, so a span split across two lines of a literal block renders
/// garbled. Lines inside fenced blocks (```) are code already and are skipped.
enum CodeSpanCheck {
    /// Warns at each line of a literal block (`|`) that leaves a code span open, at the line's
    /// first character in `source`. Folded and flow scalars join their lines when read, so a
    /// span they carry over a line break renders whole; a plain one-line scalar is its own line.
    ///
    /// - Complexity: O(n) in the document's text, plus O(size of `source`) per warning.
    static func report(in document: YAMLDocument, source: UnsafeRawBufferPointer, into bag: inout DiagnosticBag) {
        guard source.contains(UInt8(ascii: "`")) else { return }
        for (index, node) in document.nodes.enumerated() where node.kind == .scalar && node.textLength > 0 {
            let bytes = document.bytes(index)
            guard bytes.contains(UInt8(ascii: "`")) else { continue }
            let lines = unterminatedLines(in: String(decoding: bytes, as: UTF8.self))
            guard !lines.isEmpty else { continue }
            let location = document.location(of: index)
            if node.style == .literal {
                for line in lines {
                    let sourceLine = location.line + 1 + line
                    bag.warning(
                        .unterminatedCodeSpan,
                        at: SourceLocation(
                            file: location.file, line: sourceLine, column: firstColumn(ofLine: sourceLine, in: source)))
                }
            } else if node.style == .plain || node.style == .singleQuoted || node.style == .doubleQuoted,
                !bytes.contains(UInt8(ascii: "\n"))
            {
                bag.warning(.unterminatedCodeSpan, at: location)
            }
        }
    }

    /// The 1-based column of the first non-blank character of 1-based `line` in `source`.
    private static func firstColumn(ofLine line: Int, in source: UnsafeRawBufferPointer) -> Int {
        var current = 1
        var offset = 0
        while current < line, offset < source.count {
            if source[offset] == UInt8(ascii: "\n") { current += 1 }
            offset += 1
        }
        var column = 1
        while offset < source.count, source[offset] == UInt8(ascii: " ") || source[offset] == UInt8(ascii: "\t") {
            offset += 1
            column += 1
        }
        return column
    }

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
