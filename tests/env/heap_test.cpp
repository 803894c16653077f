// How the heap gives memory back: freed pages inside the heap returned to the system, and threads
// that allocate at once sharing the capped arenas instead of each making one; where the process
// links jemalloc, that it runs with the settings env/heap.cpp gives it.
#include "env/heap.h"

#include <gtest/gtest.h>

#include <barrier>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#if defined(RENAKSI_JEMALLOC)
#include <jemalloc/jemalloc.h>
#elif __has_include(<malloc.h>)
#include <malloc.h>
#endif

namespace renaksi {
namespace {

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kSanitized = true;  // the sanitizer's allocator replaces glibc's
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

// The process's resident memory in bytes (/proc/self/statm), or 0 where it cannot be read.
long long resident_bytes() {
  std::ifstream statm("/proc/self/statm");
  long long size = 0, resident = 0;
  if (!(statm >> size >> resident)) return 0;
  return resident * 4096;
}

struct FreeDeleter {
  void operator()(void* p) const { std::free(p); }
};
using Block = std::unique_ptr<char, FreeDeleter>;

TEST(Heap, FreedPagesInsideTheHeapGoBackToTheSystem) {
#if !defined(__GLIBC__) && !defined(RENAKSI_JEMALLOC)
  GTEST_SKIP() << "neither glibc's malloc nor jemalloc: return_free_heap does nothing";
#endif
  if (kSanitized) GTEST_SKIP() << "a sanitizer's allocator is neither";
  if (resident_bytes() == 0) GTEST_SKIP() << "no /proc/self/statm";
  // 1,600 blocks of 60 KiB (below glibc's mmap threshold: they come from the heap), written so
  // their pages are resident; all freed but the last, which keeps the freed space from being the
  // heap's top, so free() alone does not give it back.
  constexpr size_t kBlocks = 1600, kSize = 60 * 1024;
  std::vector<Block> blocks;
  blocks.reserve(kBlocks);
  for (size_t i = 0; i < kBlocks; ++i) {
    blocks.emplace_back(static_cast<char*>(std::malloc(kSize)));
    ASSERT_NE(blocks.back(), nullptr);
    std::memset(blocks.back().get(), 1, kSize);
  }
  Block last = std::move(blocks.back());
  blocks.clear();
  const long long before = resident_bytes();
  return_free_heap();
  const long long after = resident_bytes();
  EXPECT_GT(before - after, 48ll << 20) << "resident before " << before << ", after " << after;
}

#if defined(__GLIBC__) && !defined(RENAKSI_JEMALLOC)
// The number of malloc arenas (malloc_info's <heap nr=...> elements).
int arena_count() {
  char* text = nullptr;
  size_t size = 0;
  FILE* out = open_memstream(&text, &size);
  if (!out) return -1;
  const int ok = malloc_info(0, out);
  std::fclose(out);
  const std::string xml = text ? std::string(text, size) : std::string();
  std::free(text);
  if (ok != 0) return -1;
  int count = 0;
  for (size_t at = xml.find("<heap nr="); at != std::string::npos; at = xml.find("<heap nr=", at + 1)) ++count;
  return count;
}
#endif

#if defined(RENAKSI_JEMALLOC)
// jemalloc's setting `name` (a string one).
std::string jemalloc_text(const char* name) {
  const char* value = nullptr;
  size_t size = sizeof value;
  return mallctl(name, &value, &size, nullptr, 0) == 0 && value ? value : "";
}
// jemalloc's setting or statistic `name` (an unsigned one), or -1.
long long jemalloc_number(const char* name) {
  unsigned value = 0;
  size_t size = sizeof value;
  return mallctl(name, &value, &size, nullptr, 0) == 0 ? value : -1;
}

TEST(Heap, JemallocRunsOnHugePagesWithTwoArenas) {
  // The settings are compiled in (malloc_conf, env/heap.cpp), and jemalloc reads them only
  // if the program's symbol is the one it finds: an environment's MALLOC_CONF may change them.
  if (std::getenv("MALLOC_CONF")) GTEST_SKIP() << "MALLOC_CONF is set";
  EXPECT_EQ(jemalloc_text("opt.thp"), "always");
  EXPECT_EQ(jemalloc_number("opt.narenas"), 2);
}
#endif

TEST(Heap, ThreadsAllocatingAtOnceShareTheCappedArenas) {
#if defined(RENAKSI_JEMALLOC)
  if (std::getenv("MALLOC_CONF")) GTEST_SKIP() << "MALLOC_CONF is set";
  // Eight threads holding memory at the same moment: each is given one of the two arenas.
  constexpr int kThreads = 8;
  std::barrier both(kThreads);
  std::vector<long long> arenas(kThreads, -1);
  {
    std::vector<std::jthread> threads;
    for (int t = 0; t < kThreads; ++t)
      threads.emplace_back([&both, &arenas, t] {
        std::vector<Block> held;
        for (int i = 0; i < 64; ++i) held.emplace_back(static_cast<char*>(std::malloc(1024)));
        both.arrive_and_wait();
        arenas[static_cast<size_t>(t)] = jemalloc_number("thread.arena");
        both.arrive_and_wait();
      });
  }
  for (long long a : arenas) {
    EXPECT_GE(a, 0);
    EXPECT_LT(a, 2);
  }
#elif !defined(__GLIBC__)
  GTEST_SKIP() << "not glibc: limit_heap_arenas does nothing";
#else
  if (kSanitized) GTEST_SKIP() << "a sanitizer's allocator is not glibc's";
  limit_heap_arenas();
  const int before = arena_count();
  ASSERT_GT(before, 0);
  // Eight threads holding memory at the same moment: without the cap glibc gives most of them an
  // arena of their own.
  constexpr int kThreads = 8;
  std::barrier both(kThreads);
  {
    std::vector<std::jthread> threads;
    for (int t = 0; t < kThreads; ++t)
      threads.emplace_back([&both] {
        std::vector<Block> held;
        for (int i = 0; i < 64; ++i) held.emplace_back(static_cast<char*>(std::malloc(1024)));
        both.arrive_and_wait();
        for (int i = 0; i < 64; ++i) held.emplace_back(static_cast<char*>(std::malloc(1024)));
        both.arrive_and_wait();
      });
  }
  EXPECT_LE(arena_count(), std::max(before, 2));
#endif
}

}  // namespace
}  // namespace renaksi
