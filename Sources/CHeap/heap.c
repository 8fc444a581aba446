#include "heap.h"

/* Any C library header defines __GLIBC__ on glibc. */
#include <stdlib.h>

#if defined(__GLIBC__)
#include <malloc.h>

int quiz_release_free_heap(void) { return malloc_trim(0); }
#else
int quiz_release_free_heap(void) { return 0; }
#endif
