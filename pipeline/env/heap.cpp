// Few malloc arenas and trimmed free memory, where the C library is glibc.
#include "env/heap.h"

// <malloc.h> first: __GLIBC__ is defined by the C library's own headers, so testing it before any
// is included found it undefined and made both functions below do nothing.
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif

namespace renaksi {

void limit_heap_arenas() {
#if defined(__GLIBC__)
  // mallopt returns 0 when it cannot: the default arenas are then kept, which costs memory only.
  (void)mallopt(M_ARENA_MAX, 2);
#endif
}

void return_free_heap() {
#if defined(__GLIBC__)
  (void)malloc_trim(0);  // 1 when memory was returned, 0 when there was none to return
#endif
}

}  // namespace renaksi
