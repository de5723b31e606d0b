#include "mcp/worker_pool.h"

#include <algorithm>

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
  if (queue_.size() + busy_ >= max_pending_) {
    submitter_waiting_ = true;
    room_.wait(lock, [this] { return queue_.size() + busy_ < max_pending_; });
    submitter_waiting_ = false;
  }
  queue_.push_back(std::move(task));
  // A worker that is running a task takes the next one when it finishes; waking one
  // costs a futex call and a context switch, so do it only when one is asleep.
  bool wake = waiting_workers_ > queue_.size() - 1;
  lock.unlock();
  if (wake) {
    work_ready_.notify_one();
  }
}

bool WorkerPool::drain(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  return idle_.wait_for(lock, timeout, [this] { return queue_.empty() && busy_ == 0; });
}

void WorkerPool::run() {
  std::unique_lock lock(mutex_);
  while (true) {
    if (queue_.empty()) {
      if (stopping_) {
        return;
      }
      ++waiting_workers_;
      work_ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      --waiting_workers_;
      continue;
    }
    std::function<void()> task = std::move(queue_.front());
    queue_.pop_front();
    ++busy_;
    lock.unlock();
    task();
    task = nullptr;  // release what the task captured before counting it done
    lock.lock();
    --busy_;
    if (submitter_waiting_) {
      room_.notify_one();
    }
    if (queue_.empty() && busy_ == 0) {
      idle_.notify_all();
    }
  }
}

}  // namespace nba::mcp
