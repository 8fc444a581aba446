/// A length-limited canonical Huffman code over symbols numbered `0 ..< n`, as the string
/// pool's coder uses it (`FORMAT.md`, `SDIC`).
///
/// Deterministic: ties between equal weights are broken by symbol number, and a code too
/// long for the limit is rebuilt from halved weights until it fits.
struct HuffmanCode {
    /// Each symbol's code length in bits (1 ... limit).
    var lengths: [UInt8]

    /// The code lengths of an optimal prefix code for `weights`, no longer than `limit`.
    ///
    /// - Precondition: `weights` is not empty and has at most `1 << limit` entries.
    /// - Complexity: O(n log n) per build; at most about 64 builds (each halving).
    init(weights: [UInt64], limit: Int) {
        precondition(!weights.isEmpty && weights.count <= 1 << limit)
        var current = weights
        while true {
            let built = Self.unlimitedLengths(current)
            if Int(built.max()!) <= limit {
                lengths = built
                return
            }
            current = current.map { max(1, $0 >> 1) }
        }
    }

    /// Huffman's code lengths by the two-queue method: leaves sorted by (weight, symbol),
    /// merged nodes in a second queue in order of creation; a leaf wins a tie.
    private static func unlimitedLengths(_ weights: [UInt64]) -> [UInt8] {
        let n = weights.count
        if n == 1 { return [1] }
        let leaves = (0..<n).sorted { (weights[$0], $0) < (weights[$1], $1) }
        var nodeWeight: [UInt64] = []
        nodeWeight.reserveCapacity(n - 1)
        // Parent of each leaf (by symbol) and of each merged node (by creation index).
        var leafParent = [Int](repeating: 0, count: n)
        var nodeParent = [Int](repeating: 0, count: n - 1)
        var nextLeaf = 0
        var nextNode = 0
        // Takes the lightest of the two queues' fronts; returns (isLeaf, index).
        func take() -> (Bool, Int) {
            if nextLeaf < n && (nextNode >= nodeWeight.count || weights[leaves[nextLeaf]] <= nodeWeight[nextNode]) {
                nextLeaf += 1
                return (true, leaves[nextLeaf - 1])
            }
            nextNode += 1
            return (false, nextNode - 1)
        }
        for created in 0..<(n - 1) {
            let a = take()
            let b = take()
            var w: UInt64 = 0
            for (isLeaf, i) in [a, b] {
                if isLeaf {
                    leafParent[i] = created
                    w &+= weights[i]
                } else {
                    nodeParent[i] = created
                    w &+= nodeWeight[i]
                }
            }
            nodeWeight.append(min(w, UInt64.max / 2))
        }
        // The root is the last node; a node's parent is created after it.
        var depth = [UInt8](repeating: 0, count: n - 1)
        for node in stride(from: n - 3, through: 0, by: -1) {
            depth[node] = depth[nodeParent[node]] &+ 1
        }
        return (0..<n).map { depth[leafParent[$0]] &+ 1 }
    }

    /// Canonical codes for ``lengths`` when the symbols are listed in `order` (ascending
    /// length; within a length, the order the format defines): each code is the previous
    /// one plus one, shifted left when the length grows.
    ///
    /// - Complexity: O(n).
    func canonicalCodes(order: [Int]) -> [UInt32] {
        var codes = [UInt32](repeating: 0, count: lengths.count)
        var code: UInt64 = 0
        var length = 0
        for symbol in order {
            let l = Int(lengths[symbol])
            code <<= UInt64(l - length)
            length = l
            codes[symbol] = UInt32(truncatingIfNeeded: code)
            code += 1
        }
        return codes
    }
}
