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
        let backtick = UInt8(ascii: "`")
        guard ByteSearch.first(backtick, in: source, range: 0..<source.count) < source.count else { return }
        for (index, node) in document.nodes.enumerated() where node.kind == .scalar && node.textLength > 0 {
            let bytes = document.bytes(index)
            let lines = bytes.withUnsafeBytes { text in
                ByteSearch.first(backtick, in: text, range: 0..<text.count) < text.count ? unterminatedLines(in: text) : []
            }
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

    /// The 0-based indices of the lines of the UTF-8 `text` that leave a code span open.
    ///
    /// Lines are split at the byte `\n` and backticks counted as
    /// bytes (both are ASCII, so never inside a multi-byte character): a scalar of long
    /// answers is never decoded into characters, which made this check a third of the
    /// compile time of a bank of long answers.
    ///
    /// - Complexity: O(n) in the length of `text`.
    static func unterminatedLines(in text: UnsafeRawBufferPointer) -> [Int] {
        let newline = UInt8(ascii: "\n")
        let backtick = UInt8(ascii: "`")
        var result: [Int] = []
        var inFence = false
        var runs: [Int] = []
        var lineIndex = 0
        var start = 0
        while start <= text.count {
            let end = ByteSearch.first(newline, in: text, range: start..<text.count)
            defer {
                lineIndex += 1
                start = end + 1
            }
            var first = start
            while first < end, text[first] == UInt8(ascii: " ") || text[first] == UInt8(ascii: "\t") { first += 1 }
            if end - first >= 3, text[first] == backtick, text[first + 1] == backtick, text[first + 2] == backtick {
                inFence.toggle()
                continue
            }
            if inFence { continue }
            let firstBacktick = ByteSearch.first(backtick, in: text, range: first..<end)
            guard firstBacktick < end else { continue }
            runs.removeAll(keepingCapacity: true)
            var current = 0
            for offset in firstBacktick..<end {
                if text[offset] == backtick {
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
                    result.append(lineIndex)
                    break
                }
                position = close + 1
            }
        }
        return result
    }
}
