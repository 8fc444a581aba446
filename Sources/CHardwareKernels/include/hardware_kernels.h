#ifndef QUIZ_HARDWARE_KERNELS_H
#define QUIZ_HARDWARE_KERNELS_H

/* Checksums and digests on the CPU's own instructions, when it has them.
 *
 * Each kernel comes with a probe: the caller asks once whether the running CPU supports it
 * and falls back to its portable Swift implementation when not. The kernels are compiled
 * for their instruction sets with target attributes, so the rest of the program never
 * assumes them. */

#include <stddef.h>
#include <stdint.h>

/* 1 when quiz_crc32c_update can run on this CPU (x86-64 SSE 4.2, or AArch64 CRC32). */
int quiz_crc32c_available(void);

/* Advances a CRC-32C register (pre-inverted, as the caller keeps it) over `count` bytes. */
uint32_t quiz_crc32c_update(uint32_t state, const void *bytes, size_t count);

/* Bits of a bitmap shared by threads: the index marks each block it has verified. */
static inline int quiz_bitmap_test(const uint64_t *words, size_t bit) {
    return (int)((__atomic_load_n(&words[bit >> 6], __ATOMIC_ACQUIRE) >> (bit & 63)) & 1);
}

static inline void quiz_bitmap_set(uint64_t *words, size_t bit) {
    __atomic_fetch_or(&words[bit >> 6], (uint64_t)1 << (bit & 63), __ATOMIC_RELEASE);
}

/* 1 when quiz_sha256_compress can run on this CPU (x86-64 with SHA, SSE4.1 and SSSE3). */
int quiz_sha256_available(void);

/* Runs SHA-256's compression function over `blockCount` consecutive 64-byte blocks, updating
 * the eight state words (A..H, as FIPS 180-4 numbers them) in place. */
void quiz_sha256_compress(uint32_t state[8], const uint8_t *blocks, size_t blockCount);

/* SHA-256's 64 round constants K (FIPS 180-4 §4.2.2), for the portable rounds too. */
const uint32_t *quiz_sha256_round_constants(void);

#endif
