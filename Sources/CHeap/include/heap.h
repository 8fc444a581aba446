#ifndef QUIZ_HEAP_H
#define QUIZ_HEAP_H

/* Hands the C heap's free pages back to the kernel.
 *
 * glibc's malloc gives each thread that allocates its own arena, and keeps the pages a
 * thread freed resident in that arena: after the compiler's workers have lowered every file,
 * their arenas hold the pages of what they parsed and let go, which the thread running the
 * next phase cannot reuse. malloc_trim returns every whole free page of every arena.
 * Elsewhere this does nothing. Returns 1 when memory was released. */
int quiz_release_free_heap(void);

#endif
