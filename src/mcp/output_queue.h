#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

#include "mcp/transport.h"

namespace nba::mcp {

// Decouples producing messages from writing them: the reader and the workers enqueue
// lines and never block on a slow or full stdout, so a client that writes 1,000
// requests before reading any reply cannot deadlock us. One writer thread drains the
// queue, joining whatever is queued into a single write. Thread-safe.
class OutputQueue {
 public:
  explicit OutputQueue(Transport& transport);
  ~OutputQueue();  // flushes, then stops the writer
  OutputQueue(const OutputQueue&) = delete;
  OutputQueue& operator=(const OutputQueue&) = delete;

  void push(std::string line);
  // Blocks until everything pushed so far has been written (or the peer is gone).
  void flush();

 private:
  void run();

  Transport& transport_;
  std::mutex mutex_;  // guards queue_, writing_, stopping_
  std::condition_variable has_work_;
  std::condition_variable drained_;
  std::deque<std::string> queue_;
  bool writing_ = false;
  bool stopping_ = false;
  bool peer_gone_ = false;
  std::thread writer_;
};

}  // namespace nba::mcp
