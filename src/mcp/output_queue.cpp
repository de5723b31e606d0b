#include "mcp/output_queue.h"

namespace nba::mcp {

OutputQueue::OutputQueue(Transport& transport) : transport_(transport) {
  writer_ = std::thread([this] { run(); });
}

OutputQueue::~OutputQueue() {
  flush();
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  has_work_.notify_all();
  writer_.join();
}

void OutputQueue::push(std::string line) {
  {
    std::lock_guard lock(mutex_);
    if (peer_gone_) {
      return;
    }
    queue_.push_back(std::move(line));
  }
  has_work_.notify_one();
}

void OutputQueue::flush() {
  std::unique_lock lock(mutex_);
  drained_.wait(lock, [this] { return (queue_.empty() && !writing_) || peer_gone_; });
}

void OutputQueue::run() {
  std::string batch;
  while (true) {
    {
      std::unique_lock lock(mutex_);
      has_work_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) {
        return;
      }
      batch.clear();
      for (std::size_t i = 0; !queue_.empty(); ++i) {
        if (i > 0) {
          batch += '\n';
        }
        batch += queue_.front();
        queue_.pop_front();
      }
      writing_ = true;
    }
    bool ok = transport_.writeLine(batch);
    {
      std::lock_guard lock(mutex_);
      writing_ = false;
      if (!ok) {
        peer_gone_ = true;
        queue_.clear();
      }
    }
    drained_.notify_all();
  }
}

}  // namespace nba::mcp
