// Tests of run_each_on_a_thread: every job on a thread of its own, results in order, and an
// exception handed back only once every job has finished.
#include "env/parallel.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>

namespace renaksi {
namespace {

TEST(Parallel, ResultsComeBackInTheOrderOfTheJobsEachFromItsOwnThread) {
  const std::thread::id caller = std::this_thread::get_id();
  std::vector<std::thread::id> ids(4);
  // The first job finishes last: the order is the jobs', not the threads'.
  std::vector<std::string> results = run_each_on_a_thread(4, [&](size_t i) {
    if (i == 0) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    ids[i] = std::this_thread::get_id();
    return "job " + std::to_string(i);
  });
  EXPECT_EQ(results, (std::vector<std::string>{"job 0", "job 1", "job 2", "job 3"}));
  for (size_t i = 0; i < ids.size(); ++i) {
    EXPECT_NE(ids[i], caller);
    for (size_t j = i + 1; j < ids.size(); ++j) EXPECT_NE(ids[i], ids[j]);
  }
  EXPECT_TRUE(run_each_on_a_thread(0, [](size_t) { return 1; }).empty());
}

TEST(Parallel, TheFirstJobsExceptionIsRethrownAfterEveryJobHasFinished) {
  std::atomic<int> finished{0};
  try {
    (void)run_each_on_a_thread(5, [&](size_t i) -> int {
      if (i == 3) throw std::runtime_error("job 3");
      if (i == 1) {
        std::this_thread::sleep_for(std::chrono::milliseconds(30));  // thrown after job 3's
        throw std::runtime_error("job 1");
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(60));
      ++finished;
      return 0;
    });
    ADD_FAILURE() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), "job 1");
  }
  EXPECT_EQ(finished.load(), 3);
}

TEST(Parallel, OnFewerThreadsThanJobsNoMoreRunAtOnceAndTheResultsKeepTheirOrder) {
  std::atomic<int> running{0}, most{0};
  const auto results = run_each_on_threads(7, 2, [&](size_t i) {
    const int now = ++running;
    for (int m = most.load(); now > m && !most.compare_exchange_weak(m, now);) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    --running;
    return i * 10;
  });
  ASSERT_EQ(results.size(), 7u);
  for (size_t i = 0; i < results.size(); ++i) EXPECT_EQ(results[i], i * 10);
  EXPECT_LE(most.load(), 2);
  EXPECT_TRUE(run_each_on_threads(0, 2, [](size_t) { return 1; }).empty());
}

TEST(Parallel, OnOneThreadTheJobsRunOnTheCallerInOrderAndTheFirstExceptionIsRethrownAfterAll) {
  const std::thread::id caller = std::this_thread::get_id();
  std::vector<size_t> order;
  try {
    (void)run_each_on_threads(4, 1, [&](size_t i) -> int {
      EXPECT_EQ(std::this_thread::get_id(), caller);
      order.push_back(i);
      if (i == 1 || i == 2) throw std::runtime_error("job " + std::to_string(i));
      return 0;
    });
    ADD_FAILURE() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), "job 1");
  }
  EXPECT_EQ(order, (std::vector<size_t>{0, 1, 2, 3}));
  const auto one = run_each_on_a_thread(1, [&](size_t) { return std::this_thread::get_id(); });
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0], caller);
}

}  // namespace
}  // namespace renaksi
