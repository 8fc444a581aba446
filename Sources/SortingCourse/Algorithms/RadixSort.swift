extension MutableCollection where Self: RandomAccessCollection, Element == Int {
    /// Sorts the integers in place with least-significant-digit radix sort, in
    /// ascending order.
    ///
    /// LSD radix sort orders the values by their last digit, then stably by the digit
    /// before, and so on: after the pass on digit d the values are sorted by their
    /// last d + 1 digits. Each pass is a counting sort on one digit. Digits are those of
    /// `value - min`, so negative values sort correctly. This method uses radix 256
    /// (one byte per pass).
    ///
    ///     var numbers = [170, -45, 75, 90, 802, 24, 2, 66]
    ///     numbers.radixSort()
    ///     print(numbers)
    ///     // Prints "[-45, 2, 24, 66, 75, 90, 170, 802]"
    ///
    /// - Complexity: O(d · (n + r)) time, where d is the number of base-r digits of
    ///   max − min (d ≤ 8 for r = 256, so O(n) for fixed-width integers); O(n + r)
    ///   extra space. n is the length of the collection.
    @inlinable
    public mutating func radixSort() {
        radixSort(byKey: { $0 })
    }
}

extension MutableCollection where Self: RandomAccessCollection {
    /// Sorts the collection in place with LSD radix sort on an integer key.
    ///
    /// With `u = key - min` (as an unsigned number, so any `Int` range works) and
    /// d the number of base-`radix` digits of `max - min` (at least 1), pass p = 1…d
    /// counts digit p - 1 (least significant first) of every `u`, places the elements
    /// stably into a scratch array by that digit and writes it back, one write per
    /// element. Because each pass is stable, so is the sort.
    ///
    ///     var numbers = [170, 45, 75, 90, 802, 24, 2, 66]
    ///     numbers.radixSort(byKey: { $0 }, radix: 10)
    ///     print(numbers)
    ///     // Prints "[2, 24, 45, 66, 75, 90, 170, 802]"
    ///
    /// - Parameters:
    ///   - key: The integer key to sort by.
    ///   - radix: The base of the digits, at least 2: 256 (the default) for speed, 10
    ///     for traces read by humans. Powers of two use shifts instead of division.
    /// - Throws: Rethrows an error thrown by `key`; the collection is then a
    ///   permutation of its elements (sorted by the digits of the passes completed).
    /// - Complexity: O(d · (n + radix)) time; O(n + radix) extra space. n is the length
    ///   of the collection, d the number of digits of max key − min key.
    @inlinable
    public mutating func radixSort(byKey key: (Element) throws -> Int, radix: Int = 256) rethrows {
        var probe = NoOpProbe()
        try radixSort(byKey: key, radix: radix, probe: &probe)
    }

    /// Sorts the collection with LSD radix sort, reporting every step to `probe`.
    ///
    /// Passes: one per digit, least significant first.
    @inlinable
    public mutating func radixSort<Probe: SortProbe>(
        byKey key: (Element) throws -> Int, radix: Int = 256, probe: inout Probe
    ) rethrows {
        precondition(radix >= 2, "radixSort: radix must be at least 2")
        let done: Void? = try withContiguousMutableStorageIfAvailable { buffer in
            try _radixSortImpl(&buffer, key: key, radix: radix, probe: &probe)
        }
        if done == nil { try _radixSortImpl(&self, key: key, radix: radix, probe: &probe) }
    }
}

@inlinable
func _radixSortImpl<C: MutableCollection & RandomAccessCollection, P: SortProbe>(
    _ a: inout C, key: (C.Element) throws -> Int, radix: Int, probe: inout P
) rethrows {
    let n = a.count
    guard n > 1, let (lower, upper) = try _keyRange(a, key: key) else { return }
    let span = UInt(bitPattern: upper &- lower)
    let r = UInt(radix)
    let isPowerOfTwo = radix & (radix - 1) == 0
    let bits = UInt(radix.trailingZeroBitCount)
    let mask = r - 1
    var digits = 1
    var rest = span / r
    while rest > 0 {
        digits += 1
        rest /= r
    }
    // counts[d * radix + v]: how many keys have digit v at position d; one read of the
    // keys fills the histograms of every pass.
    var counts = [Int](repeating: 0, count: radix * digits)
    var scratch = Array(a)
    try counts.withUnsafeMutableBufferPointer { counts in
        for e in a {
            var u = UInt(bitPattern: try key(e) &- lower)
            for d in 0..<digits {
                if isPowerOfTwo {
                    counts[d &* radix &+ Int(u & mask)] &+= 1
                    u &>>= bits
                } else {
                    counts[d &* radix &+ Int(u % r)] &+= 1
                    u /= r
                }
            }
        }
        // Turn each histogram into the starting position of each digit value.
        for d in 0..<digits {
            var next = 0
            for v in (d * radix)..<((d + 1) * radix) {
                let c = counts[v]
                counts[v] = next
                next &+= c
            }
        }
        var divisor: UInt = 1  // r^pass, for radixes that are not powers of two
        for pass in 0..<digits {
            let shift = bits &* UInt(pass)
            let base = pass &* radix
            // Scatter stably by this digit into the scratch array: `a` is untouched
            // until the write-back, so a throwing key loses nothing.
            try scratch.withUnsafeMutableBufferPointer { out in
                for e in a {
                    let u = UInt(bitPattern: try key(e) &- lower)
                    let v = isPowerOfTwo ? Int((u &>> shift) & mask) : Int((u / divisor) % r)
                    out[counts[base &+ v]] = e
                    counts[base &+ v] &+= 1
                }
            }
            scratch.withUnsafeBufferPointer { scratch in
                for i in 0..<n {
                    a[_offset: i] = scratch[i]
                    probe.write(i)
                }
            }
            probe.passBoundary()
            if !isPowerOfTwo && pass + 1 < digits { divisor &*= r }
        }
    }
}
