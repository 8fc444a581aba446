// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "quiz",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "quiz", targets: ["quiz"]),
        .library(name: "QuizEngine", targets: ["QuizEngine"]),
        .library(name: "BankCompiler", targets: ["BankCompiler"]),
        .library(name: "SortingCourse", targets: ["SortingCourse"]),
        .library(name: "AlgorithmTraces", targets: ["AlgorithmTraces"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // The system libyaml (Debian: libyaml-dev). Never Yams: it vendors a second libyaml.
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // The system libzstd (Debian: libzstd-dev), for Anki's current packages (zstd members).
        .systemLibrary(
            name: "CZstd",
            pkgConfig: "libzstd",
            providers: [.apt(["libzstd-dev"]), .brew(["zstd"])]
        ),
        // Seeded randomness of our own (SplitMix64, xoshiro256**, bounded integers, shuffles), so
        // draws and generated inputs never depend on the standard library's algorithms.
        .target(name: "SeededRandom"),
        // "Did you mean …?": one suggestion policy and the one edit distance.
        .target(name: "Spelling"),
        .target(name: "SortingCourse", dependencies: ["SeededRandom", "Spelling"]),
        // Traced algorithms beyond sorting (binary search, a binary min-heap, BFS and DFS, linear
        // probing) and their trace questions; it shares the sorting course's answer and error types.
        .target(name: "AlgorithmTraces", dependencies: ["SeededRandom", "SortingCourse", "Spelling"]),
        // CRC-32C and SHA-256 on the CPU's instructions (SSE 4.2, SHA-NI; ARMv8 CRC), probed at run time.
        .target(name: "CHardwareKernels"),
        // Gives the C heap's free pages back to the kernel between the compiler's phases.
        .target(name: "CHeap"),
        .target(
            name: "QuizEngine",
            dependencies: ["AlgorithmTraces", "SeededRandom", "Spelling", "SortingCourse", "CHardwareKernels"],
            exclude: ["Index/FORMAT.md"]),
        // Fits FSRS-6's parameters to a review history and evaluates them (fsrs-rs's method).
        .target(name: "FSRSOptimizer", dependencies: ["QuizEngine", "SeededRandom"]),
        // Review history and card state in SQLite (GRDB over the system libsqlite3).
        .target(
            name: "QuizStore",
            dependencies: ["FSRSOptimizer", "QuizEngine", "SeededRandom", .product(name: "GRDB", package: "GRDB.swift")]),
        // Anki packages (.apkg) and Anki's text format, both ways.
        .target(
            name: "AnkiInterop",
            dependencies: [
                "CZstd", "Presentation", "QuizEngine", "QuizStore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        // Appends reviews until killed: the child process of QuizStoreTests' kill test.
        .executableTarget(name: "store-torture", dependencies: ["QuizEngine", "QuizStore"]),
        .target(
            name: "BankCompiler",
            dependencies: ["AlgorithmTraces", "CHeap", "CLibYAML", "QuizEngine", "SortingCourse", "Spelling"]),
        // Library results as text: terminal markdown, question cards and feedback, sort traces,
        // the markdown sheet and JSON, so renderings are testable without running the binary.
        .target(
            name: "Presentation",
            dependencies: ["AlgorithmTraces", "BankCompiler", "FSRSOptimizer", "QuizEngine", "QuizStore", "SortingCourse"]
        ),
        .executableTarget(
            name: "quiz",
            dependencies: [
                "AlgorithmTraces", "AnkiInterop", "BankCompiler", "FSRSOptimizer", "Presentation", "QuizEngine",
                "QuizStore", "SeededRandom", "SortingCourse", "Spelling",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["EmbedIndexPlugin"]
        ),
        // Embeds Build/banks.qbx in `quiz` as base64 (`embeddedIndexBase64`), the index of last resort.
        .executableTarget(name: "embed-index", path: "Sources/embed-index"),
        .plugin(
            name: "EmbedIndexPlugin", capability: .buildTool(), dependencies: ["embed-index"],
            path: "Sources/EmbedIndexPlugin"
        ),
        // libyaml's bare event scan, in C, as the floor the benchmarks compare against.
        .target(name: "YAMLScanC", dependencies: ["CLibYAML"]),
        .executableTarget(
            name: "quiz-bench",
            dependencies: [
                "BankCompiler", "FSRSOptimizer", "QuizEngine", "QuizStore", "SeededRandom", "SortingCourse", "YAMLScanC",
                "FuzzHarness",
            ]
        ),
        // The fuzz targets' checks and the hostile corpus, shared by RobustnessTests and quiz-bench.
        .target(name: "FuzzHarness", dependencies: ["BankCompiler", "QuizEngine"]),
        // What the test targets share: the package's paths and built products, temporary
        // folders, a deadlock-free child-process runner, the `.subprocess` and `.slow` tags.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "SortingCourseTests", dependencies: ["SeededRandom", "SortingCourse"]),
        .testTarget(name: "AlgorithmTracesTests", dependencies: ["AlgorithmTraces", "SeededRandom", "SortingCourse"]),
        .testTarget(
            name: "QuizEngineTests",
            dependencies: ["QuizEngine", "SeededRandom", "SortingCourse", "FuzzHarness", "TestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "AnkiInteropTests",
            dependencies: [
                "AnkiInterop", "BankCompiler", "CZstd", "QuizEngine", "QuizStore", "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        .testTarget(
            name: "FSRSOptimizerTests", dependencies: ["FSRSOptimizer", "QuizEngine", "TestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "BankCompilerTests", dependencies: ["BankCompiler", "QuizEngine", "SeededRandom", "TestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "RobustnessTests",
            dependencies: ["BankCompiler", "QuizEngine", "SeededRandom", "SortingCourse", "FuzzHarness", "TestSupport"],
            exclude: ["Corpus", "fuzz.sh"]
        ),
        .testTarget(
            name: "QuizCLITests", dependencies: ["QuizEngine", "QuizStore", "SeededRandom", "SortingCourse", "TestSupport"],
            exclude: ["Fixtures", "Golden"]),
        .testTarget(
            name: "QuizStoreTests",
            dependencies: [
                "FSRSOptimizer", "QuizEngine", "QuizStore", "SeededRandom", "SortingCourse", "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer targets (issue #8), only with QUIZ_FUZZ=1: they link only with the fuzzer runtime
// (-sanitize=fuzzer), so a plain `swift build` must never see them. Tests/RobustnessTests/fuzz.sh
// builds and runs them.
if Context.environment["QUIZ_FUZZ"] == "1" {
    // The entry point is `@_cdecl("<Target>_main")`, so no top-level code may define it too.
    // Per target, not on the command line, where it would break `embed-index`'s main.swift.
    let entry: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]
    package.targets += [
        .target(name: "CFuzzerDriver"),
        .executableTarget(name: "FuzzYAML", dependencies: ["CFuzzerDriver", "FuzzHarness"], swiftSettings: entry),
        .executableTarget(name: "FuzzIndex", dependencies: ["CFuzzerDriver", "FuzzHarness"], swiftSettings: entry),
        .executableTarget(
            name: "FuzzTagExpression", dependencies: ["CFuzzerDriver", "FuzzHarness"], swiftSettings: entry),
    ]
}
