#include "hardware_kernels.h"

#include <string.h>

/* One stream of the crc32 instruction gives 8 bytes per 3 cycles (its latency), about
 * 6 GB/s here. Buffers of a few KiB or more (the index's 16 KiB blocks) run three streams
 * over three equal lanes, which the CPU overlaps, and join them with the linearity of the
 * CRC: the register after A then B is the register after A shifted over |B| bytes (a
 * multiplication by x^(8|B|) modulo the polynomial) xor the register of B alone from zero. */

/* The reflected CRC-32C polynomial. */
#define QUIZ_CRC32C_POLY 0x82F63B78u

/* a times b modulo the polynomial, both reflected (bit 31 is x^0). */
__attribute__((unused)) static uint32_t quiz_crc32c_multiply(uint32_t a, uint32_t b) {
    uint32_t product = 0;
    for (uint32_t m = 1u << 31; m != 0; m >>= 1) {
        if (a & m) product ^= b;
        b = (b & 1) ? (b >> 1) ^ QUIZ_CRC32C_POLY : b >> 1;
    }
    return product;
}

/* x^(8 * bytes) modulo the polynomial, reflected, by repeated squaring; the last one asked
 * for is kept per thread, as a block size repeats (about 800 steps to compute, one lookup to
 * reuse). */
__attribute__((unused)) static uint32_t quiz_crc32c_shift_constant(size_t bytes) {
    static _Thread_local size_t cached_bytes = 0;
    static _Thread_local uint32_t cached = 0;
    if (bytes == cached_bytes && cached != 0) return cached;
    cached_bytes = bytes;
    uint32_t result = 1u << 31;     /* x^0 */
    uint32_t power = 1u << 23;      /* x^8: one byte */
    while (bytes != 0) {
        if (bytes & 1) result = quiz_crc32c_multiply(result, power);
        power = quiz_crc32c_multiply(power, power);
        bytes >>= 1;
    }
    cached = result;
    return result;
}

/* Lanes of at least this many bytes are worth the join (two multiplications, ~64 steps). */
#define QUIZ_CRC32C_MIN_LANE 512

#if defined(__x86_64__)
#include <cpuid.h>

int quiz_crc32c_available(void) {
    unsigned eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    return (ecx & bit_SSE4_2) != 0;
}

__attribute__((target("sse4.2")))
uint32_t quiz_crc32c_update(uint32_t state, const void *bytes, size_t count) {
    const unsigned char *p = bytes;
    uint64_t crc = state;
    size_t lane = (count / 3) & ~(size_t)7;
    if (lane >= QUIZ_CRC32C_MIN_LANE) {
        uint64_t b = 0, c = 0;
        const unsigned char *q = p + lane, *r = p + 2 * lane;
        for (size_t i = 0; i < lane; i += 8) {
            uint64_t x, y, z;
            memcpy(&x, p + i, 8);
            memcpy(&y, q + i, 8);
            memcpy(&z, r + i, 8);
            crc = __builtin_ia32_crc32di(crc, x);
            b = __builtin_ia32_crc32di(b, y);
            c = __builtin_ia32_crc32di(c, z);
        }
        uint32_t shift = quiz_crc32c_shift_constant(lane);
        crc = quiz_crc32c_multiply((uint32_t)crc, shift) ^ (uint32_t)b;
        crc = quiz_crc32c_multiply((uint32_t)crc, shift) ^ (uint32_t)c;
        p += 3 * lane;
        count -= 3 * lane;
    }
    while (count >= 8) {
        uint64_t word;
        memcpy(&word, p, 8);
        crc = __builtin_ia32_crc32di(crc, word);
        p += 8;
        count -= 8;
    }
    uint32_t narrow = (uint32_t)crc;
    while (count > 0) {
        narrow = __builtin_ia32_crc32qi(narrow, *p);
        p += 1;
        count -= 1;
    }
    return narrow;
}

#elif defined(__aarch64__) && defined(__linux__)
#include <sys/auxv.h>
#include <asm/hwcap.h>

int quiz_crc32c_available(void) { return (getauxval(AT_HWCAP) & HWCAP_CRC32) != 0; }

__attribute__((target("crc")))
uint32_t quiz_crc32c_update(uint32_t state, const void *bytes, size_t count) {
    const unsigned char *p = bytes;
    uint32_t crc = state;
    while (count >= 8) {
        uint64_t word;
        memcpy(&word, p, 8);
        crc = __builtin_arm_crc32cd(crc, word);
        p += 8;
        count -= 8;
    }
    while (count > 0) {
        crc = __builtin_arm_crc32cb(crc, *p);
        p += 1;
        count -= 1;
    }
    return crc;
}

#else

int quiz_crc32c_available(void) { return 0; }

uint32_t quiz_crc32c_update(uint32_t state, const void *bytes, size_t count) {
    (void)bytes;
    (void)count;
    return state;
}

#endif
