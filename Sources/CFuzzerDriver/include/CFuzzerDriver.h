#ifndef C_FUZZER_DRIVER_H
#define C_FUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry point for programs that keep their own `main` (SwiftPM renames every
/// executable's `main` to `<Module>_main`, so libFuzzer's `main` is never linked in).
/// Defined by the fuzzer runtime (`-sanitize=fuzzer`); only declared here.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
