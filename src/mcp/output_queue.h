#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

#include "mcp/transport.h"

namespace nba::mcp {

// Decouples producing messages from writing them, so a client that writes 1,000
// requests before reading any reply cannot deadlock us: the reader thread only ever
// enqueues, and one writer thread drains the queue, joining whatever is queued into a
// single write.
//
// To spare a hand-off on the hot path (waking the writer costs more than a whole trivial
// reply), a thread writes its line itself when nothing is queued or being written: a
// thread marked with allowDirectWrites() (a worker running a request) always, any other
// thread (the one reading the input) only when the transport says the write cannot
// block. At most one thread writes at a time (queued lines first), so lines leave in
// push order and one thread's lines (a request's progress, then its response) stay in
// order. A direct writer blocks while stdout is full; every other thread meanwhile
// enqueues, so at most one worker is ever stuck on stdout, and never the reader.
//
// Thread-safe.
class OutputQueue {
 public:
  explicit OutputQueue(Transport& transport);
  ~OutputQueue();  // flushes, then stops the writer
  OutputQueue(const OutputQueue&) = delete;
  OutputQueue& operator=(const OutputQueue&) = delete;

  // Marks the calling thread as one that may block writing directly (see above), or, with
  // false, as one that must not: the thread holding the reading role.
  static void allowDirectWrites(bool allow = true);
  // For a thread not allowed to block (the reader): whether it writes its lines itself when
  // that cannot block (the default), or leaves them to the writer thread, which joins a
  // burst's lines into one write.
  static void tryDirectWrites(bool try_them);

  void push(std::string line);
  // Blocks until everything pushed so far has been written (or the peer is gone).
  void flush();
  // Flushes, then drops every later push: for a shutdown that leaves requests running
  // (their late replies must not reach a transport about to go away).
  void close();

 private:
  void run();
  // Writes `line` on the calling thread; writing_ is already set. Called without the lock.
  void writeHere(std::unique_lock<std::mutex>& lock, const std::string& line);
  // Records the outcome of a write; called with mutex_ held.
  void finishWrite(bool ok);

  Transport& transport_;
  std::mutex mutex_;  // guards queue_, writing_, stopping_, closed_, peer_gone_
  std::condition_variable has_work_;
  std::condition_variable drained_;
  std::deque<std::string> queue_;
  bool writing_ = false;  // a thread (writer or direct) is inside transport_.writeLine
  bool stopping_ = false;
  bool closed_ = false;
  bool peer_gone_ = false;
  std::thread writer_;
};

}  // namespace nba::mcp
