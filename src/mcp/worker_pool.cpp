#include "mcp/worker_pool.h"

#include <algorithm>

#include "mcp/spin_wait.h"

namespace nba::mcp {

WorkerPool::WorkerPool(const Options& options)
    : max_pending_(std::max<std::size_t>(options.max_pending, 1)) {
  std::size_t threads = std::max<std::size_t>(options.threads, 1);
  threads_.reserve(threads);
  for (std::size_t i = 0; i < threads; ++i) {
    threads_.emplace_back([this, start = options.on_thread_start] {
      if (start) {
        start();
      }
      run();
    });
  }
}

WorkerPool::~WorkerPool() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  work_ready_.notify_all();
  for (auto& thread : threads_) {
    thread.join();
  }
}

void WorkerPool::submit(std::function<void()> task) {
  std::unique_lock lock(mutex_);
  if (pending() >= max_pending_) {
    submitter_waiting_ = true;
    room_.wait(lock, [this] { return pending() < max_pending_; });
    submitter_waiting_ = false;
  }
  queue_.push_back(std::move(task));
  queued_.store(queue_.size(), std::memory_order_release);
  bool wake = needsWakeUp();
  lock.unlock();
  if (wake) {
    work_ready_.notify_one();
  }
}

bool WorkerPool::tryStart(std::function<void()> task) {
  std::unique_lock lock(mutex_);
  if (stopping_ || busy_ + queue_.size() >= threads_.size()) {
    return false;
  }
  queue_.push_back(std::move(task));
  queued_.store(queue_.size(), std::memory_order_release);
  const bool wake = needsWakeUp();
  lock.unlock();
  if (wake) {
    work_ready_.notify_one();
  }
  return true;
}

// A worker that is spinning takes a queued task without being woken, and one running a
// task takes the next when it finishes; waking a sleeper costs a futex call and, on an
// idle virtual CPU, tens of microseconds, so do it only for tasks nobody else will take.
// Called with the lock held, after queueing.
bool WorkerPool::needsWakeUp() const { return waiting_workers_ > 0 && queue_.size() > spinning_; }

bool WorkerPool::tryAdmitHere() {
  std::lock_guard lock(mutex_);
  // Leaves the pool at least one slot: a task run elsewhere may block writing to a client
  // that does not read, and if it held the last slot, the reader would wait in submit()
  // for room only that task can free, and stop reading (a deadlock with such a client).
  if (stopping_ || pending() + 1 >= max_pending_) {
    return false;
  }
  ++running_elsewhere_;
  return true;
}

void WorkerPool::finishedHere() {
  std::lock_guard lock(mutex_);
  --running_elsewhere_;
  noteFinished();
}

void WorkerPool::noteFinished() {
  if (submitter_waiting_) {
    room_.notify_one();
  }
  if (pending() == 0) {
    idle_.notify_all();
  }
}

bool WorkerPool::drain(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  return idle_.wait_for(lock, timeout, [this] { return pending() == 0; });
}

bool WorkerPool::spinForWork() const {
  return spinUntil(kWorkerSpinBeforeSleep,
                   [this] { return queued_.load(std::memory_order_acquire) > 0; });
}

void WorkerPool::run() {
  std::unique_lock lock(mutex_);
  while (true) {
    if (queue_.empty()) {
      if (stopping_) {
        return;
      }
      ++spinning_;    // counted under the lock, so a submitter never relies on a spinner
      lock.unlock();  // that has already looked for the last time
      const bool found = spinForWork();
      lock.lock();
      --spinning_;
      if (found || !queue_.empty() || stopping_) {
        continue;
      }
      ++waiting_workers_;
      work_ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      --waiting_workers_;
      continue;
    }
    std::function<void()> task = std::move(queue_.front());
    queue_.pop_front();
    queued_.store(queue_.size(), std::memory_order_release);
    ++busy_;
    lock.unlock();
    task();
    task = nullptr;  // release what the task captured before counting it done
    lock.lock();
    --busy_;
    noteFinished();
  }
}

}  // namespace nba::mcp
