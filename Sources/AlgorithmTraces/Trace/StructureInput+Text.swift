import SortingCourse

extension TracedAlgorithm.InputShape {
    /// How an input of this shape is written as text, with an example.
    public var textForm: String {
        switch self {
        case .sortedArrayAndTarget: "ascending integers separated by commas, such as 1,3,4,7,9"
        case .heapOperations: "operations separated by commas, such as 'push 5,push 3,pop'"
        case .graphAndStart: "edges u-v separated by commas, such as 0-1,0-2,1-3"
        case .keysAndTableSize: "distinct integer keys separated by commas, such as 15,22,8"
        }
    }
}

extension TracedAlgorithm.InputShape {
    /// What a template's `size`, `min` and `max` draw, such as "6 vertices" or "5 keys in
    /// 0...60 into 7 slots".
    public func sizeText(size: Int, min: Int, max: Int) -> String {
        switch self {
        case .sortedArrayAndTarget: "\(size) distinct values in \(min)...\(max) and a target"
        case .heapOperations: "\(size) operations pushing values in \(min)...\(max)"
        case .graphAndStart: "a connected graph of \(size) vertices"
        case .keysAndTableSize:
            "\(size) distinct keys in \(min)...\(max) into \(StructureInputGenerator.slotCount(forKeys: size)) slots"
        }
    }
}

extension StructureInput {
    /// Reads an input of `shape` from its ``TracedAlgorithm/InputShape/textForm``. The parts
    /// written apart are left for the caller to set: a search's target and a graph's start
    /// are 0, a table's slot count is the smallest prime above the number of keys.
    ///
    ///     let input = try StructureInput.parse("0-1, 1-2", as: .graphAndStart)
    ///     print(input.lines[1...2])
    ///     // Prints "["  0: 1", "  1: 0 2"]"
    ///
    /// - Parameter maximumItems: The most values, operations or edges, and one more than the
    ///   highest vertex.
    /// - Throws: `TraceQuestionError` with code `.invalidInput`, naming the part at fault and
    ///   the form expected.
    public static func parse(
        _ text: String, as shape: TracedAlgorithm.InputShape, maximumItems: Int = 100
    ) throws(TraceQuestionError) -> StructureInput {
        let parts = text.split(separator: ",").map(\.trimmingSpaces).filter { !$0.isEmpty }
        guard !parts.isEmpty else { throw .invalidInput("nothing given; write \(shape.textForm)") }
        guard parts.count <= maximumItems else {
            throw .invalidInput("\(parts.count) items given; at most \(maximumItems) can be traced")
        }
        func notA(_ part: Substring, _ what: String) -> TraceQuestionError {
            let shown = part.count > 40 ? part.prefix(40) + "…" : part
            return .invalidInput("'\(shown)' is not \(what); write \(shape.textForm)")
        }
        switch shape {
        case .sortedArrayAndTarget, .keysAndTableSize:
            var values: [Int] = []
            for part in parts {
                guard let value = Int(part) else { throw notA(part, "an integer") }
                values.append(value)
            }
            return shape == .keysAndTableSize
                ? .keys(values, slotCount: StructureInputGenerator.slotCount(forKeys: values.count))
                : .search(values: values, target: 0)
        case .heapOperations:
            var operations: [HeapOperation] = []
            for part in parts {
                let words = part.split(separator: " ")
                if words == ["pop"] {
                    operations.append(.pop)
                } else if words.count == 2, words[0] == "push", let value = Int(words[1]) {
                    operations.append(.push(value))
                } else {
                    throw notA(part, "an operation ('push N' or 'pop')")
                }
            }
            return .heapOperations(operations)
        case .graphAndStart:
            var edges: [(Int, Int)] = []
            for part in parts {
                let ends = part.split(separator: "-", omittingEmptySubsequences: false)
                guard ends.count == 2, let u = Int(ends[0]), let v = Int(ends[1]), u >= 0, v >= 0 else {
                    throw notA(part, "an edge u-v between vertices 0, 1, 2, …")
                }
                guard u < maximumItems, v < maximumItems else {
                    throw .invalidInput("edge \(u)-\(v) names a vertex beyond \(maximumItems - 1)")
                }
                edges.append((u, v))
            }
            let count = edges.map { Swift.max($0.0, $0.1) }.max()! + 1
            return .graph(UndirectedGraph(vertexCount: count, edges: edges), start: 0)
        }
    }
}

extension Substring {
    /// Without leading and trailing spaces.
    fileprivate var trimmingSpaces: Substring {
        var text = self
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return text
    }
}
