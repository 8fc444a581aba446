import BankCompiler
import QuizEngine

/// Runs one fuzz input through the bank compiler the way `quiz check` would: the bytes are one
/// source file beside a fixed tag vocabulary, checked in full, then through the YAML front end
/// alone (`parseOnly`).
///
/// Returns the broken invariants (empty when all hold); the fuzz target traps on any, the
/// regression tests expect none. Invariants: every diagnostic and note is located (a file,
/// line ≥ 1, column ≥ 1) and renders; `parseOnly` finds no problem when the full check found
/// none; a clean compile encodes into an index that verifies and decodes to the same set.
public enum YAMLHarness {
    /// The path the fuzzed source is given in diagnostics.
    public static let sourcePath = "Banks/fuzz.yaml"

    /// A small tag vocabulary: the test fixtures' tags and the shipped areas.
    public static let vocabulary = SourceFile(
        path: "Banks/tags.yaml",
        text: """
            tags:
              behavioral: Behavioral questions
              career: The career path
              databases: Relational databases
              feedback: Giving and receiving feedback
              fixture: Questions of every type
              soft-skills: Soft skills
              sorting: The sorting course
              technical: Technical questions

            """)

    public static func check(_ bytes: [UInt8]) -> [String] {
        var problems: [String] = []
        let source = SourceFile(path: sourcePath, bytes: bytes)
        let compiler = Compiler()
        let result = compiler.compile([vocabulary, source])
        let formatter = DiagnosticFormatter(color: false, excerpts: true)
        let lines = SourceLines(bytes)
        for diagnostic in result.diagnostics {
            let places = [diagnostic.location] + diagnostic.notes.map(\.location)
            for place in places where place.file.isEmpty || place.line < 1 || place.column < 1 {
                problems.append("unlocated \(diagnostic.code): \(place.file):\(place.line):\(place.column)")
            }
            _ = formatter.format(diagnostic) { file, line in file == sourcePath ? lines.line(line) : nil }
        }
        let errors = result.diagnostics.filter { $0.severity == .error }
        if (errors.isEmpty) != (result.packedSet != nil) {
            problems.append("\(errors.count) errors but the set is \(result.packedSet == nil ? "nil" : "there")")
        }
        let frontEnd = compiler.parseOnly([source])
        if errors.isEmpty && frontEnd.diagnostics != 0 {
            problems.append("parseOnly found \(frontEnd.diagnostics) problems the full check did not")
        }
        if let packed = result.packedSet {
            let set = packed.unpacked()
            problems += roundTrip(set)
            // The compiler hands the writer packed questions; they must write what the set writes.
            let writer = IndexWriter(compilerVersion: "fuzz", schemaVersion: "1")
            if (try? writer.encode(packed)) != (try? writer.encode(set)) {
                problems.append("the packed set and its unpacked questions encode differently")
            }
        }
        return problems
    }

    /// A clean set must encode, verify and decode to itself.
    static func roundTrip(_ set: QuestionSet) -> [String] {
        let encoded: [UInt8]
        do {
            encoded = try IndexWriter(compilerVersion: "fuzz", schemaVersion: "1").encode(set)
        } catch {
            return ["a clean set does not encode: \(error)"]
        }
        do {
            let index = try QuestionIndex(bytes: encoded)
            if index.count != set.questions.count {
                return ["index holds \(index.count) questions, the set \(set.questions.count)"]
            }
            return IndexHarness.exercise(index)
        } catch {
            return ["the writer's own index does not verify: \(error)"]
        }
    }
}

/// The lines of a source, split as the scanner counts them (LF, CRLF or a lone CR).
struct SourceLines {
    private var lines: [String] = []

    init(_ bytes: [UInt8]) {
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                lines.append(String(decoding: bytes[start..<index], as: UTF8.self))
                if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                start = index + 1
            }
            index += 1
        }
        lines.append(String(decoding: bytes[start...], as: UTF8.self))
    }

    func line(_ number: Int) -> String? {
        number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }
}
