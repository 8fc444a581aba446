import CFuzzerDriver
import FuzzHarness

/// libFuzzer target: `YAMLHarness.check` on every input; any broken invariant traps, which
/// libFuzzer reports as a crash and saves. Built only with QUIZ_FUZZ=1 (see
/// Tests/RobustnessTests/fuzz.sh); SwiftPM calls this instead of `main`.
@_cdecl("FuzzYAML_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
        let problems = YAMLHarness.check(bytes)
        if !problems.isEmpty {
            fatalError("FuzzYAML: " + problems.prefix(5).joined(separator: "; "))
        }
        return 0
    }
}
