import AlgorithmTraces
import SortingCourse
import Testing

@Suite("Inputs written as text")
struct StructureInputTextTests {
    @Test func eachShapeReadsItsForm() throws {
        #expect(
            try StructureInput.parse("1, 3,4 ,7", as: .sortedArrayAndTarget)
                == .search(values: [1, 3, 4, 7], target: 0))
        #expect(
            try StructureInput.parse("push 5,push -3, pop", as: .heapOperations)
                == .heapOperations([.push(5), .push(-3), .pop]))
        #expect(
            try StructureInput.parse("0-1,2-1", as: .graphAndStart)
                == .graph(UndirectedGraph(vertexCount: 3, edges: [(0, 1), (1, 2)]), start: 0))
        #expect(try StructureInput.parse("15,22,8", as: .keysAndTableSize) == .keys([15, 22, 8], slotCount: 5))
    }

    @Test(arguments: [
        (
            "", TracedAlgorithm.InputShape.sortedArrayAndTarget,
            "nothing given; write ascending integers separated by commas, such as 1,3,4,7,9"
        ),
        (
            "1,x", .keysAndTableSize,
            "'x' is not an integer; write distinct integer keys separated by commas, such as 15,22,8"
        ),
        (
            "push 1,peek", .heapOperations,
            "'peek' is not an operation ('push N' or 'pop'); write operations separated by commas, such as 'push 5,push 3,pop'"
        ),
        (
            "push", .heapOperations,
            "'push' is not an operation ('push N' or 'pop'); write operations separated by commas, such as 'push 5,push 3,pop'"
        ),
        (
            "0-1,-1-2", .graphAndStart,
            "'-1-2' is not an edge u-v between vertices 0, 1, 2, …; write edges u-v separated by commas, such as 0-1,0-2,1-3"
        ),
        (
            "0-1,1-2-3", .graphAndStart,
            "'1-2-3' is not an edge u-v between vertices 0, 1, 2, …; write edges u-v separated by commas, such as 0-1,0-2,1-3"
        ),
        ("5-100", .graphAndStart, "edge 5-100 names a vertex beyond 99"),
        (
            Array(repeating: "1", count: 101).joined(separator: ","), .sortedArrayAndTarget,
            "101 items given; at most 100 can be traced"
        ),
    ])
    func malformedInputsSayWhatToWrite(_ text: String, _ shape: TracedAlgorithm.InputShape, _ message: String) {
        #expect(throws: TraceQuestionError(code: .invalidInput, field: nil, message: message)) {
            _ = try StructureInput.parse(text, as: shape)
        }
    }
}
