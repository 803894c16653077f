// How the process's heap gives memory back: few malloc arenas, and free pages returned to the system.
// The malloc is jemalloc where the build links it (env/heap.cpp says why), else the C library's.
#pragma once

namespace renaksi {

// Caps glibc's malloc at two arenas for the process (call once, first thing in main). By default
// glibc gives each thread that allocates an arena of its own, up to eight per core; memory freed
// in one arena is not reused by another, so a build whose PDF editions, Word editions and Pandoc
// readers run on threads kept several copies of its high-water mark (a 240-commitment plan: 1.04
// GiB resident with the default, 0.74 GiB with one arena, for the same work). Two arenas keep
// the two threads that run at once (PDF layout beside the Word editions) from waiting on one
// lock. Does nothing where the C library is not glibc, or where jemalloc is linked (its own
// settings, in env/heap.cpp, hold it to two arenas).
void limit_heap_arenas();

// Returns the heap's free pages to the system (jemalloc's purge of every arena, or glibc's
// malloc_trim), after a plan's bulk is freed: what one plan needed at its peak is not held
// resident while the next plans build. Does nothing where the malloc is neither.
void return_free_heap();

}  // namespace renaksi
