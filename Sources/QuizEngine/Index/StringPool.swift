/// The deduplicated strings of an index being written, numbered in order of first use.
///
/// First-use order is deterministic because the writer visits the set in its canonical
/// order; the hash table below decides only where a string is looked up, never its number.
/// The pool keeps views of the strings' bytes, not copies: a question's texts are read where
/// its packed run holds them (the pool keeps the run alive), and only strings interned from
/// `String` values (tag names, bank titles, module fields) are copied, into a ``ByteArena``.
struct StringPool: @unchecked Sendable {
    // @unchecked: every view points into an arena or a run that `owners` keeps alive, and
    // neither is ever written again after a view of it is taken.

    /// Every distinct string's bytes, in id order.
    private(set) var texts: [UnsafeRawBufferPointer] = []
    /// The total UTF-8 size of the distinct strings.
    private(set) var byteCount = 0
    private var slots: ProbeSlots
    /// Each string's hash, so a probe compares bytes only when the hashes agree.
    private var hashes: [UInt64] = []
    private let arena = ByteArena()
    /// What keeps the viewed bytes alive: the arena and every run given to ``retain(_:)``.
    private(set) var owners: [AnyObject]

    init(expectedCount: Int) {
        slots = ProbeSlots(expectedCount: expectedCount)
        texts.reserveCapacity(expectedCount)
        hashes.reserveCapacity(expectedCount)
        owners = [arena]
    }

    /// The number of distinct strings.
    var count: Int { texts.count }

    /// Keeps `run` alive as long as the pool, so its texts can be interned as views.
    mutating func retain(_ run: PackedQuestions) { owners.append(run) }

    /// The id of `string`, copying its bytes into the pool if it is new.
    ///
    /// - Complexity: O(n) expected in the string's length.
    mutating func intern(_ string: String) -> UInt32 {
        var copy = string
        return copy.withUTF8 { text in intern(UnsafeRawBufferPointer(text), copying: true) }
    }

    /// The id of the text `view` points to, adding the view itself if the text is new: its
    /// bytes must belong to a run given to ``retain(_:)``.
    ///
    /// - Complexity: O(n) expected in the text's length.
    mutating func intern(view: UnsafeRawBufferPointer) -> UInt32 {
        intern(view, copying: false)
    }

    private mutating func intern(_ text: UnsafeRawBufferPointer, copying: Bool) -> UInt32 {
        let h = TokenTable.hash(text)
        var slot = slots.start(h)
        while let id = slots[slot] {
            if hashes[id] == h && Self.equals(texts[id], text) { return UInt32(id) }
            slot = slots.next(slot)
        }
        let id = count
        texts.append(copying ? arena.copy(text) : text)
        hashes.append(h)
        byteCount += text.count
        slots.insert(id, at: slot, count: count) { hashes[$0] }
        return UInt32(id)
    }

    /// Calls `body` with the UTF-8 bytes of string `id`.
    func withBytes<R>(_ id: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        body(texts[id])
    }

    private static func equals(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        guard a.count == b.count else { return false }
        guard let x = a.baseAddress, let y = b.baseAddress else { return true }
        return CLibrary.compareBytes(x, y, count: a.count) == 0
    }
}
