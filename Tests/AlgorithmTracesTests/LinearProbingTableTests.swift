import AlgorithmTraces
import Testing

@Suite("Hash table with linear probing")
struct LinearProbingTableTests {
    /// Every sequence of up to 4 distinct keys from 0...9 into every table of 1 to 5 slots
    /// (as many keys as fit, and one more): each key lands on the first slot of
    /// h(k), h(k) + 1, … (mod m) that was free when it was inserted, every slot passed over
    /// was taken, lookups find every key, a key that does not fit leaves the table as it
    /// was, and the traced run matches the untraced one.
    @Test func everySmallKeySequence() {
        var sequences: [[Int]] = [[]]
        var last: [[Int]] = [[]]
        for _ in 1...4 {
            last = last.flatMap { s in (0...9).filter { !s.contains($0) }.map { s + [$0] } }
            sequences += last
        }
        #expect(sequences.count == 1 + 10 + 90 + 720 + 5040)
        for m in 1...5 {
            for keys in sequences where keys.count <= m + 1 {
                var table = LinearProbingTable<Int>(slotCount: m)
                var traced = LinearProbingTable<Int>(slotCount: m)
                var recorder = StepRecorder()
                for key in keys {
                    let before = table.slots
                    let slot = table.insert(key)
                    #expect(traced.insert(key, probe: &recorder) == slot)
                    guard let slot else {
                        #expect(before.allSatisfy { $0 != nil } && table.slots == before, "\(keys) m \(m)")
                        continue
                    }
                    var expected = key % m
                    while before[expected] != nil { expected = (expected + 1) % m }
                    #expect(slot == expected, "\(keys) m \(m)")
                    #expect(table.slots[slot] == key)
                }
                #expect(traced.slots == table.slots)
                for key in keys where table.slots.contains(key) {
                    #expect(table.slot(of: key) == table.slots.firstIndex(of: key))
                }
                #expect(table.slot(of: 10) == nil)
            }
        }
    }

    @Test func negativeKeysHashToTheNonNegativeRemainder() {
        var table = LinearProbingTable<Int>(slotCount: 7)
        #expect(table.home(of: -3) == 4)
        #expect(table.insert(-3) == 4)
        #expect(table.insert(4) == 5)
        #expect(table.insert(-3) == 4)  // already present: same slot
    }

    @Test func workedExample() throws {
        let entry = try #require(TracedAlgorithmCatalog.entry(named: "linear-probing"))
        let trace = try entry.trace(.keys([15, 22, 8, 3], slotCount: 7))
        #expect(trace.answer == [1, 2, 3, 4])
        #expect(trace.table == [nil, 15, 22, 8, 3, nil, nil])
        #expect(trace.steps.filter { if case .collide = $0.event { true } else { false } }.count == 1 + 2 + 1)
    }
}
