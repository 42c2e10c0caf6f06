/*
 * heap.c - a short command's heap in huge pages, where the system allows it.
 *
 * A query process lives ~15 ms and touches about 450 KiB of fresh heap
 * (SQLite's schema and statements, FTS5's iterators, the ranked candidates):
 * about 110 of its ~410 page faults (perf record -d -e page-faults: the
 * addresses in the brk heap), and a fresh page costs 20-40 us on a virtual
 * machine. Backed by 2 MiB pages (transparent huge pages, "madvise" or
 * "always" in /sys/kernel/mm/transparent_hugepage/enabled) that is one or
 * two faults. glibc's malloc grows the heap at its top; so the heap is
 * grown once by HEAP_BYTES, the part below the next 2 MiB boundary is taken
 * by a block that is kept and never touched (untouched, it costs no
 * memory), and the rest is marked MADV_HUGEPAGE, where every later
 * allocation lands. Only a hint: without THP, or elsewhere than glibc on
 * Linux, nothing changes. Not for `index`: its workers' arenas and its
 * trimming are tuned apart.
 */
#define _GNU_SOURCE
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "cli.h"

#define HUGE_BYTES ((uintptr_t)2 << 20)
/* Heap grown at a time: room for a query's allocations in two huge pages. */
#define HEAP_BYTES (4 << 20)

/* glibc's malloc (mallinfo2: 2.33) on Linux; sanitizers bring an
 * allocator of their own: leave it be. */
#if defined(__GLIBC__) && defined(MADV_HUGEPAGE)
#if __GLIBC_PREREQ(2, 33)
#define HUGE_HEAP 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#undef HUGE_HEAP
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#undef HUGE_HEAP
#endif
#endif

#ifdef HUGE_HEAP
/* The heap below the first huge page: kept, never touched. Volatile, as
 * the others: a compiler drops a malloc() whose block is never read, and
 * free(malloc(n)). */
static void *volatile below;
static void *volatile room, *volatile probe;

void cli_heap_huge(void)
{
    /* Blocks up to 2 * HEAP_BYTES from the heap, not from mmap (fresh pages
     * each); the heap grown HEAP_BYTES at a time and kept. */
    if (!mallopt(M_MMAP_THRESHOLD, 2 * HEAP_BYTES) || !mallopt(M_TOP_PAD, HEAP_BYTES) ||
        !mallopt(M_TRIM_THRESHOLD, 4 * HEAP_BYTES))
        return;
    probe = malloc(1); /* the heap exists */
    free(probe);
    /* The top chunk ends at the break and is keepcost bytes long: the
     * next block from it starts at its start. */
    uintptr_t top = (uintptr_t)sbrk(0) - mallinfo2().keepcost;
    uintptr_t huge = (top + HUGE_BYTES - 1) & ~(HUGE_BYTES - 1);
    /* The block ends 16 bytes short of the boundary: the header malloc
     * writes after it (the rest of the top chunk) then lies below the
     * boundary too, and the huge pages are untouched when marked (a page
     * touched before would keep its 2 MiB in small pages). Its size: its
     * own header (8) and the 16 short, rounded to malloc's 16. */
    if (huge - top > 8 * sizeof(size_t))
        below = malloc(huge - top - 4 * sizeof(size_t));
    /* The heap grown past boundary + HEAP_BYTES (the top chunk may end
     * short of it): a block from the boundary, freed back into the top
     * chunk, writes only the headers before and after it. */
    room = malloc(HEAP_BYTES);
    free(room);
    if ((uintptr_t)sbrk(0) >= huge + HEAP_BYTES)
        madvise((void *)huge, HEAP_BYTES, MADV_HUGEPAGE);
}
#else
void cli_heap_huge(void)
{
}
#endif
