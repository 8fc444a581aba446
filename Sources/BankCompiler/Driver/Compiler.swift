import QuizEngine

/// The bank compiler's front door: parses, validates and lowers every source file, then checks
/// what spans files (the tag vocabulary, unique bank ids, duplicate prompts).
public struct Compiler: Sendable {
    public var limits: YAMLLimits

    public init(limits: YAMLLimits = .standard) {
        self.limits = limits
    }

    /// Reads the sources under `paths` and checks them.
    public func compile(paths: [String]) throws(CompilerError) -> CompilationResult {
        let loaded = try SourceLoader.load(paths, maxFileBytes: limits.maxFileBytes)
        var bag = DiagnosticBag()
        for source in loaded {
            if let size = source.oversizedBytes {
                bag.error(
                    .fileTooLarge(bytes: size, limit: limits.maxFileBytes),
                    at: SourceLocation(file: source.file.path, line: 1, column: 1))
            }
        }
        return compile(
            loaded.filter { $0.oversizedBytes == nil }.map(\.file), bag: bag, digesting: loaded.map(\.file))
    }

    /// A SHA-256 over every source's path and bytes, in path order: what an index records so
    /// `quiz` can tell when `Banks/` changed since it was compiled.
    public static func digest(of sources: [SourceFile]) -> [UInt8] {
        var hash = SHA256()
        for source in sources.sorted(by: { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }) {
            hash.update(UInt64(source.path.utf8.count))
            hash.update(source.path)
            hash.update(UInt64(source.bytes.count))
            hash.update(source.bytes)
        }
        return hash.finalize()
    }

    /// Checks in-memory sources (already sorted or not: they are sorted by path here).
    public func compile(_ sources: [SourceFile]) -> CompilationResult {
        compile(sources, bag: DiagnosticBag())
    }

    /// One unit of the parallel phase: a file's outcome, or the source digest.
    private enum WorkItem: Sendable {
        case file(bag: DiagnosticBag, file: LoweredFile?)
        case digest([UInt8])
    }

    /// Checks `unsorted`; with `digesting`, also records their ``digest(of:)`` in the set.
    private func compile(
        _ unsorted: [SourceFile], bag initial: DiagnosticBag, digesting: [SourceFile]? = nil
    ) -> CompilationResult {
        var bag = initial
        let sources = unsorted.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        for source in sources where source.bytes.count > limits.maxFileBytes {
            bag.error(
                .fileTooLarge(bytes: source.bytes.count, limit: limits.maxFileBytes),
                at: SourceLocation(file: source.path, line: 1, column: 1))
        }
        // Files parse and lower independently, so they do so on every core, each into its own
        // bag; the bags are then merged in path order, exactly as if reported one after another.
        // The digest is one more item, so it runs while files parse rather than alone after the
        // link; hashing is about twenty times faster than lowering a byte, hence its cost.
        let parsable = sources.filter { $0.bytes.count <= limits.maxFileBytes }
        let digestCost = (digesting ?? []).reduce(0) { $0 + $1.bytes.count } / 20
        let items = FileWorkers.map(
            count: parsable.count + (digesting == nil ? 0 : 1),
            cost: { $0 < parsable.count ? parsable[$0].bytes.count : digestCost }
        ) { index -> WorkItem in
            if index < parsable.count {
                let (bag, file) = Self.lower(parsable[index], limits: limits)
                return .file(bag: bag, file: file)
            }
            return .digest(Self.digest(of: digesting ?? []))
        }
        var lowered: [(path: String, file: LoweredFile)] = []
        var digest: [UInt8]?
        for (index, item) in items.enumerated() {
            switch item {
            case .file(let fileBag, let file):
                bag.absorb(fileBag)
                if let file { lowered.append((parsable[index].path, file)) }
            case .digest(let bytes):
                digest = bytes
            }
        }
        var linker = Linker(files: lowered)
        var set = linker.link(into: &bag)
        if let digest { set.sourceDigest = digest }
        let diagnostics = bag.sorted()
        let hasErrors = diagnostics.contains { $0.severity == .error }
        return CompilationResult(
            diagnostics: diagnostics, questionSet: hasErrors ? nil : set, fileCount: sources.count)
    }
}

extension Compiler {
    /// Parses, validates and lowers one file on its own: what ``compile(_:)`` runs per file.
    private static func lower(_ source: SourceFile, limits: YAMLLimits) -> (bag: DiagnosticBag, file: LoweredFile?) {
        var bag = DiagnosticBag()
        let document = source.bytes.withUnsafeBytes { bytes in
            YAMLParser.parse(bytes, file: source.path, limits: limits, into: &bag)
        }
        guard let document else { return (bag, nil) }
        let file = SchemaValidator(document: document).lower(into: &bag)
        source.bytes.withUnsafeBytes { bytes in CodeSpanCheck.report(in: document, source: bytes, into: &bag) }
        return (bag, file)
    }

    /// Runs only the YAML front end (encoding scan, libyaml events, the arena, the subset
    /// checks) over each source and returns the total number of nodes built.
    ///
    /// For benchmarks and fuzzing, which measure or exercise the front end alone.
    public func parseOnly(_ sources: [SourceFile]) -> (nodes: Int, diagnostics: Int) {
        var bag = DiagnosticBag()
        var nodes = 0
        for source in sources {
            let document = source.bytes.withUnsafeBytes { bytes in
                YAMLParser.parse(bytes, file: source.path, limits: limits, into: &bag)
            }
            nodes += document?.nodes.count ?? 0
        }
        return (nodes, bag.diagnostics.count)
    }
}
