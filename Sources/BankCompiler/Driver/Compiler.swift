import CHeap
import QuizEngine

/// The bank compiler's front door: parses, validates and lowers every source file, then checks
/// what spans files (the tag vocabulary, unique bank ids, duplicate prompts).
public struct Compiler: Sendable {
    public var limits: YAMLLimits

    public init(limits: YAMLLimits = .standard) {
        self.limits = limits
    }

    /// Reads the sources under `paths` and checks them.
    ///
    /// Each file is read on the worker that checks it and its bytes are let go once it is
    /// lowered, so the process holds a file or two at a time, never the whole bank.
    public func compile(paths: [String]) throws(CompilerError) -> CompilationResult {
        let listed = try SourceLoader.list(paths)
        return try compile(listed.map { .disk(path: $0.path, size: $0.size) }, digesting: true)
    }

    /// A SHA-256 over every source's path and the SHA-256 of its bytes, in path order: what an
    /// index records so `quiz` can tell when `Banks/` changed since it was compiled.
    ///
    /// Each file's bytes are hashed on their own, so the compiler hashes them on the worker
    /// that reads them and lets them go.
    public static func digest(of sources: [SourceFile]) -> [UInt8] {
        let sorted = sources.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        return digest(of: sorted.map { ($0.path, $0.bytes.count, fileDigest($0.bytes)) })
    }

    /// The set digest of files already hashed, given in path order.
    private static func digest(of files: [(path: String, size: Int, digest: [UInt8])]) -> [UInt8] {
        var hash = SHA256()
        for file in files {
            hash.update(UInt64(file.path.utf8.count))
            hash.update(file.path)
            hash.update(UInt64(file.size))
            hash.update(file.digest)
        }
        return hash.finalize()
    }

    private static func fileDigest(_ bytes: [UInt8]) -> [UInt8] {
        var hash = SHA256()
        hash.update(bytes)
        return hash.finalize()
    }

    /// Checks in-memory sources (already sorted or not: they are sorted by path here).
    public func compile(_ sources: [SourceFile]) -> CompilationResult {
        let sorted = sources.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        // Only a disk read can fail, and these sources are in memory.
        return (try? compile(sorted.map { .memory($0) }, digesting: false))!
    }

    /// Where a source's bytes come from.
    private enum Input: Sendable {
        case memory(SourceFile)
        /// A file on disk with its size when listed, read by the worker that checks it.
        case disk(path: String, size: Int)

        var path: String {
            switch self {
            case .memory(let source): source.path
            case .disk(let path, _): path
            }
        }

        var size: Int {
            switch self {
            case .memory(let source): source.bytes.count
            case .disk(_, let size): size
            }
        }
    }

    /// One file's outcome from the parallel phase.
    private enum Outcome: Sendable {
        case lowered(bag: DiagnosticBag, file: LoweredFile?, size: Int, digest: [UInt8])
        case oversized(bytes: Int)
        case unreadable(CompilerError)
    }

    /// Checks `inputs`, given in path order; with `digesting`, also records the sources' digest.
    private func compile(
        _ inputs: [Input], digesting: Bool
    ) throws(CompilerError) -> CompilationResult {
        var bag = DiagnosticBag()
        // Files are read, parsed and lowered independently, so they are on every core, each
        // into its own bag; the bags are then merged in path order, exactly as if reported one
        // after another. A file's bytes live only while its worker checks it.
        let limits = limits
        let outcomes = FileWorkers.map(count: inputs.count, cost: { inputs[$0].size }) { index -> Outcome in
            let source: SourceFile
            switch inputs[index] {
            case .memory(let file):
                guard file.bytes.count <= limits.maxFileBytes else { return .oversized(bytes: file.bytes.count) }
                source = file
            case .disk(let path, _):
                do throws(CompilerError) {
                    let loaded = try SourceLoader.read(path, maxFileBytes: limits.maxFileBytes)
                    if let size = loaded.oversizedBytes { return .oversized(bytes: size) }
                    source = loaded.file
                } catch {
                    return .unreadable(error)
                }
            }
            let (fileBag, file) = Self.lower(source, limits: limits)
            return .lowered(
                bag: fileBag, file: file, size: source.bytes.count,
                digest: digesting ? Self.fileDigest(source.bytes) : [])
        }
        var lowered: [(path: String, file: LoweredFile)] = []
        var hashed: [(path: String, size: Int, digest: [UInt8])] = []
        for (index, outcome) in outcomes.enumerated() {
            let path = inputs[index].path
            switch outcome {
            case .unreadable(let error):
                throw error
            case .oversized(let size):
                bag.error(
                    .fileTooLarge(bytes: size, limit: limits.maxFileBytes),
                    at: SourceLocation(file: path, line: 1, column: 1))
            case .lowered(let fileBag, let file, let size, let digest):
                bag.absorb(fileBag)
                if let file { lowered.append((path, file)) }
                hashed.append((path, size, digest))
            }
        }
        // The workers' heap arenas hold the pages of what they parsed and freed, which this
        // thread cannot reuse: they go back to the kernel before linking, and the pages of the
        // files' shingles, keys and tag uses, which the linker frees, before the index is written.
        quiz_release_free_heap()
        var set: PackedQuestionSet
        do {
            var linker = Linker(files: lowered)
            lowered = []
            set = linker.link(into: &bag)
        }
        quiz_release_free_heap()
        if digesting { set.sourceDigest = Self.digest(of: hashed) }
        let diagnostics = bag.sorted()
        let hasErrors = diagnostics.contains { $0.severity == .error }
        return CompilationResult(
            diagnostics: diagnostics, packedSet: hasErrors ? nil : set, fileCount: inputs.count)
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
