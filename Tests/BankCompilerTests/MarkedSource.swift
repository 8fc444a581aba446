import BankCompiler
import QuizEngine
import Testing

/// YAML test input with position markers (`1️⃣` … `9️⃣`) placed where diagnostics must point,
/// as swift-format's rule tests do: the test reads like the YAML it checks.
struct MarkedSource {
    /// The text with the markers removed.
    let text: String
    /// Each marker's 1-based line and column in `text`.
    let markers: [String: (line: Int, column: Int)]

    static let symbols = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

    init(_ marked: String) {
        var text = ""
        var markers: [String: (Int, Int)] = [:]
        var line = 1
        var column = 1
        for character in marked {
            let symbol = String(character)
            if Self.symbols.contains(symbol) {
                markers[symbol] = (line, column)
                continue
            }
            text.append(character)
            if character == "\n" || character == "\r" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        self.text = text
        self.markers = markers
    }
}

/// The tag vocabulary the rule tests compile against.
let testVocabulary = """
    tags:
      behavioral: Behavioral questions
      feedback: Giving and receiving feedback
      databases: Relational databases
      sorting: The sorting course
    """

/// Compiles one marked bank (plus the test vocabulary) and returns its diagnostics.
func compileMarked(_ marked: String, limits: YAMLLimits = .standard) -> (MarkedSource, CompilationResult) {
    let source = MarkedSource(marked)
    let result = Compiler(limits: limits).compile([
        SourceFile(path: "Banks/tags.yaml", text: testVocabulary),
        SourceFile(path: "Banks/test.yaml", text: source.text),
    ])
    return (source, result)
}

/// An expected diagnostic: a marker and a code.
struct Expected: CustomStringConvertible, Sendable {
    let marker: String
    let code: String
    var description: String { "\(marker) \(code)" }
}

/// Asserts that `result` holds exactly the expected (position, code) pairs for `test.yaml`.
func expectDiagnostics(
    _ result: CompilationResult, _ source: MarkedSource, _ expected: [Expected],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let actual = result.diagnostics.map { "\($0.location.file):\($0.location.line):\($0.location.column) \($0.code)" }
    let wanted = expected.map { item -> String in
        guard let position = source.markers[item.marker] else { return "missing marker \(item.marker)" }
        return "Banks/test.yaml:\(position.line):\(position.column) \(item.code)"
    }
    #expect(
        actual.sorted() == wanted.sorted(),
        "messages: \(result.diagnostics.map(\.message))", sourceLocation: sourceLocation)
}
