#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace nba::mcp {

// A fixed pool of threads running queued tasks, so a slow tool call never blocks the
// reader (ping, cancellation) or other calls. Thread-safe.
class WorkerPool {
 public:
  explicit WorkerPool(std::size_t threads);
  ~WorkerPool();  // waits for queued tasks to finish
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  void submit(std::function<void()> task);
  // Waits until every submitted task has finished or `timeout` passes.
  // Returns true when all finished.
  bool drain(std::chrono::milliseconds timeout);
  std::size_t threadCount() const { return threads_.size(); }

 private:
  void run();

  std::mutex mutex_;  // guards queue_, busy_, stopping_
  std::condition_variable work_ready_;
  std::condition_variable idle_;
  std::deque<std::function<void()>> queue_;
  std::size_t busy_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace nba::mcp
