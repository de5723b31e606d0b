#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <limits>
#include <mutex>
#include <thread>
#include <vector>

namespace nba::mcp {

// A fixed pool of threads running queued tasks, so a slow tool call never blocks the
// reader (ping, cancellation) or other calls. Thread-safe.
class WorkerPool {
 public:
  struct Options {
    std::size_t threads = 4;  // 0 counts as 1
    // submit() blocks while this many tasks are queued or running (backpressure).
    std::size_t max_pending = std::numeric_limits<std::size_t>::max();
    // Runs first on each worker thread (e.g. to set thread-local flags).
    std::function<void()> on_thread_start;
  };

  explicit WorkerPool(const Options& options);
  ~WorkerPool();  // runs the queued tasks, then joins the threads
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Queues `task`; first waits while max_pending tasks are queued or running.
  void submit(std::function<void()> task);
  // Starts `task` at once on an idle worker and returns true, or returns false when every
  // worker is busy or already has a task waiting (or the pool is stopping). Never blocks, so
  // a task may use it to share its own work: it never queues behind other requests and never
  // waits for a worker that is waiting for it.
  bool tryStart(std::function<void()> task);
  // Admits a task the caller runs on its own thread: it then counts as pending for
  // submit()'s backpressure and for drain(), as a queued task would. False, admitting
  // nothing, unless it leaves room for one more pending task. Pair with finishedHere().
  bool tryAdmitHere();
  void finishedHere();
  // Waits until every submitted (or admitted) task has finished or `timeout` passes (queued tasks
  // keep starting meanwhile). Returns true when all finished.
  bool drain(std::chrono::milliseconds timeout);
  std::size_t threadCount() const { return threads_.size(); }

 private:
  void run();
  // Polls for new work for a short while before the worker sleeps (mcp/spin_wait.h).
  bool spinForWork() const;
  // Whether a queued task needs a sleeping worker woken (see worker_pool.cpp).
  bool needsWakeUp() const;
  std::size_t pending() const { return queue_.size() + busy_ + running_elsewhere_; }
  // After a task finished; called with the lock held.
  void noteFinished();

  std::size_t max_pending_;
  std::mutex mutex_;  // guards every field below
  std::condition_variable work_ready_;
  std::condition_variable idle_;
  std::condition_variable room_;
  std::deque<std::function<void()>> queue_;
  std::size_t busy_ = 0;
  std::size_t running_elsewhere_ = 0;  // admitted by tryAdmitHere, not yet finished
  std::size_t waiting_workers_ = 0;    // workers asleep on work_ready_
  std::size_t spinning_ = 0;           // workers polling queued_ before they sleep
  bool submitter_waiting_ = false;     // submit() asleep on room_
  bool stopping_ = false;
  // queue_.size(), readable without the lock by spinning workers.
  std::atomic<std::size_t> queued_{0};
  std::vector<std::thread> threads_;
};

}  // namespace nba::mcp
