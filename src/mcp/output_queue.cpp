#include "mcp/output_queue.h"

namespace nba::mcp {
namespace {

thread_local bool t_direct_writes = false;
thread_local bool t_try_direct_writes = true;

}  // namespace

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

void OutputQueue::allowDirectWrites(bool allow) { t_direct_writes = allow; }

void OutputQueue::tryDirectWrites(bool try_them) { t_try_direct_writes = try_them; }

void OutputQueue::push(std::string line) {
  std::unique_lock lock(mutex_);
  if (peer_gone_ || closed_) {
    return;
  }
  if (queue_.empty() && !writing_) {
    writing_ = true;  // claims the transport, so the check below sees nobody else's bytes
    lock.unlock();
    if (t_direct_writes ||
        (t_try_direct_writes && transport_.canWriteWithoutBlocking(line.size() + 1))) {
      writeHere(lock, line);
      return;
    }
    lock.lock();
    writing_ = false;  // it could block: the writer thread takes it
    // Lines pushed meanwhile came after this one (the queue was empty when we claimed).
    queue_.push_front(std::move(line));
    lock.unlock();
    has_work_.notify_one();
    return;
  }
  queue_.push_back(std::move(line));
  bool wake = !writing_;  // a busy writer looks at the queue again when it finishes
  lock.unlock();
  if (wake) {
    has_work_.notify_one();
  }
}

void OutputQueue::writeHere(std::unique_lock<std::mutex>& lock, const std::string& line) {
  bool ok = transport_.writeLine(line);
  lock.lock();
  finishWrite(ok);
  bool more = !queue_.empty();
  lock.unlock();
  if (more) {
    has_work_.notify_one();  // lines queued while we wrote wait for the writer
  }
  drained_.notify_all();
}

void OutputQueue::flush() {
  std::unique_lock lock(mutex_);
  drained_.wait(lock, [this] { return (queue_.empty() && !writing_) || peer_gone_; });
}

void OutputQueue::close() {
  std::unique_lock lock(mutex_);
  drained_.wait(lock, [this] { return (queue_.empty() && !writing_) || peer_gone_; });
  closed_ = true;
  queue_.clear();
}

void OutputQueue::finishWrite(bool ok) {
  writing_ = false;
  if (!ok) {
    peer_gone_ = true;
    queue_.clear();
  }
}

void OutputQueue::run() {
  std::string batch;
  while (true) {
    {
      std::unique_lock lock(mutex_);
      // While a direct writer holds the transport, queued lines wait for it to finish.
      has_work_.wait(lock, [this] { return stopping_ || (!queue_.empty() && !writing_); });
      if (queue_.empty() || writing_) {
        return;  // stopping: flush() already emptied the queue
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
      finishWrite(ok);
    }
    drained_.notify_all();
  }
}

}  // namespace nba::mcp
