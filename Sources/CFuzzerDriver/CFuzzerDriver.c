// Intentionally empty: this target only exports the LLVMFuzzerRunDriver declaration in
// include/CFuzzerDriver.h; the fuzzer runtime defines the function.
