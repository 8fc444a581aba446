/// The known sections of a file by type: an array indexed by ``SectionType/slot``.
///
/// A `Dictionary` keyed by `SectionType` made every `quiz` start instantiate its storage
/// type at run time, a scan of every conformance record of the binary for `Hashable` (a
/// quarter of a millisecond of `quiz show` by perf); an array needs no conformance.
struct SectionMap {
    private var entries = [IndexLayout.Entry?](repeating: nil, count: SectionType.allCases.count)

    subscript(type: SectionType) -> IndexLayout.Entry? {
        get { entries[type.slot] }
        set { entries[type.slot] = newValue }
    }
}
