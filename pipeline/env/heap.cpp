// The process's malloc: jemalloc on transparent huge pages, or glibc's with few arenas; free
// memory returned to the system after a plan.
#include "env/heap.h"

#if defined(RENAKSI_JEMALLOC)
#include <jemalloc/jemalloc.h>
#elif __has_include(<malloc.h>)
// <malloc.h> first: __GLIBC__ is defined by the C library's own headers, so testing it before any
// is included found it undefined and made both functions below do nothing.
#include <malloc.h>
#endif

#if defined(RENAKSI_JEMALLOC)
// jemalloc's settings, read by jemalloc before the first allocation (this symbol, defined by
// the program, is what its manual names for that). Why jemalloc, and these:
// - thp:always: its memory is backed by transparent huge pages (madvise MADV_HUGEPAGE). A build
//   touches several times its peak in fresh pages (a 240-commitment plan, prose cached: about
//   104,000 4-KiB page faults for a 205 MiB peak), and on the virtual machines this runs on each
//   fault costs about 11 us: a tenth of the build's CPU time went to faults. With huge pages the
//   same build takes about 45,000 (most after return_free_heap has given pages back). glibc's
//   malloc does this only when GLIBC_TUNABLES says so before the program starts, which a
//   program cannot set for itself; tried so, it made 74,000 faults where jemalloc made 46,000
//   (the same plan before its words were joined: 117,000 with neither).
// - narenas:2: the two threads that run at once (PDF layout beside the Word editions, or two PDF
//   editions) each have an arena; memory freed in one arena is not reused by another, so more
//   would hold more copies of a high-water mark (see limit_heap_arenas).
// - metadata_thp:auto: its own bookkeeping on huge pages too once it is large.
// jemalloc's upstream development ended in 2025; Debian's 5.3.0 is what is linked. mimalloc
// (Debian's libmimalloc-dev, maintained) with its large OS pages was as fast when tried through
// LD_PRELOAD, but held more memory at the peak (309-329 MiB against jemalloc's 300 for the same
// plan, neither purged). Only this file and CMakeLists.txt name the allocator.
extern "C" {
const char* malloc_conf = "thp:always,metadata_thp:auto,narenas:2";
}
#endif

namespace renaksi {

void limit_heap_arenas() {
#if defined(RENAKSI_JEMALLOC)
  // Set by malloc_conf above.
#elif defined(__GLIBC__)
  // mallopt returns 0 when it cannot: the default arenas are then kept, which costs memory only.
  (void)mallopt(M_ARENA_MAX, 2);
#endif
}

void return_free_heap() {
#if defined(RENAKSI_JEMALLOC)
  // This thread's cache of freed blocks back to its arena, then every arena's unused pages back to
  // the system. Both return 0, or an error number when the name is unknown: memory is then kept,
  // which costs memory only.
  (void)mallctl("thread.tcache.flush", nullptr, nullptr, nullptr, 0);
  static_assert(MALLCTL_ARENAS_ALL == 4096, "the name below spells MALLCTL_ARENAS_ALL");
  (void)mallctl("arena.4096.purge", nullptr, nullptr, nullptr, 0);
#elif defined(__GLIBC__)
  (void)malloc_trim(0);  // 1 when memory was returned, 0 when there was none to return
#endif
}

}  // namespace renaksi
