// Runs independent jobs on threads of their own and hands their results back in order.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

namespace renaksi {

// The cores to run jobs on: std::thread::hardware_concurrency(), at least one (it may say 0).
inline std::size_t core_count() { return std::max(1u, std::thread::hardware_concurrency()); }

// Calls `job(i)` for every i in [0, count) on at most `threads` threads (at least one), each
// taking the next job as it finishes one, and returns the results in the order of i, once every
// job has finished. An exception may not leave a thread (that aborts): it is handed back, and
// the first job's in order is rethrown here, after all have finished. A job shares nothing with
// another but what it was given. Fewer threads than jobs are for jobs whose memory adds up (a
// PDF edition holds its whole document until written): no more of them alive at once than there
// are cores to run them. One thread is the calling one: the jobs then run here, one after
// another, and allocate from the caller's malloc arena rather than share the workers' one with
// whatever else runs beside them (env/heap.h: a 240-commitment plan's PDF editions, one at a
// time beside its Word editions, took 7.2 s on the caller's arena and 9.5-11 s on a worker's).
template <class Job>
auto run_each_on_threads(std::size_t count, std::size_t threads, Job job)
    -> std::vector<std::invoke_result_t<Job&, std::size_t>> {
  using Result = std::invoke_result_t<Job&, std::size_t>;
  std::vector<Result> results(count);
  std::vector<std::exception_ptr> failures(count);
  std::atomic<std::size_t> next{0};
  const std::size_t n = std::max<std::size_t>(1, std::min(threads, count));
  if (n == 1) {
    for (std::size_t i = 0; i < count; ++i) {
      try {
        results[i] = job(i);
      } catch (...) {
        failures[i] = std::current_exception();
      }
    }
  } else {
    std::vector<std::jthread> workers;
    workers.reserve(n);
    for (std::size_t w = 0; w < n; ++w)
      workers.emplace_back([&, w] {
        // As many threads as jobs: job w on thread w. Fewer: each takes the next job left.
        for (std::size_t i = n == count ? w : next++; i < count; i = n == count ? count : next++) {
          try {
            results[i] = job(i);
          } catch (...) {
            failures[i] = std::current_exception();
          }
        }
      });
  }  // joins every thread
  for (const std::exception_ptr& failure : failures)
    if (failure) std::rethrow_exception(failure);
  return results;
}

// The same, each job on a thread of its own (a single job on the calling thread).
template <class Job>
auto run_each_on_a_thread(std::size_t count, Job job) -> std::vector<std::invoke_result_t<Job&, std::size_t>> {
  return run_each_on_threads(count, count, std::move(job));
}

}  // namespace renaksi
