import QuizEngine

/// Every tag one file uses, and where, kept compactly for the vocabulary check: each distinct
/// name once, and each use as its name's number and a line and column.
///
/// A file of 5,000 questions uses its tags tens of thousands of times; a name and a full
/// location per use took a tenth of the compiler's memory on such banks, and the linker looked
/// every use up in the vocabulary where one look-up per name does.
struct TagReferences {
    /// The distinct names, in order of first use.
    private(set) var names: [String] = []
    private var numbers: [String: UInt32] = [:]
    private var uses: [(name: UInt32, line: UInt32, column: UInt32)] = []
    /// The file every use is in (all of a file's locations name the same one).
    private var file = ""

    /// Records a use of `name` at `location`.
    mutating func append(_ name: String, at location: SourceLocation) {
        if uses.isEmpty { file = location.file }
        let number: UInt32
        if let known = numbers[name] {
            number = known
        } else {
            number = UInt32(names.count)
            numbers[name] = number
            names.append(name)
        }
        uses.append((number, UInt32(clamping: location.line), UInt32(clamping: location.column)))
    }

    /// Where each name for which `isUnknown` holds is used, in order of use.
    ///
    /// - Complexity: O(d) calls of `isUnknown` for d distinct names, plus O(u) for u uses when
    ///   some name is unknown.
    func uses(where isUnknown: (String) -> Bool) -> [(name: String, location: SourceLocation)] {
        let unknown = names.map(isUnknown)
        guard unknown.contains(true) else { return [] }
        return uses.filter { unknown[Int($0.name)] }.map {
            (names[Int($0.name)], SourceLocation(file: file, line: Int($0.line), column: Int($0.column)))
        }
    }
}
