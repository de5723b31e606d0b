#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <thread>

namespace nba::mcp {

// Two threads that take turns reading the server's input, so the thread that read a call
// can run it too without ever leaving the input unread for long.
//
// Why: a call handed from the reader to another thread pays a wake-up, and on an idle
// virtual CPU that costs more than the call itself (40-100 us measured here, against a
// 10 us pipe round trip). Running the call on the reader pays none, but a slow call (a
// live NBA.com request) would then hold up everything behind it, cancellations included.
// So while the reader runs a call, the other thread stands by on a timer; when the call
// outlasts `take_over_after`, the stand-by becomes the reader and the old reader, once its
// call is done, stands by in turn. A fast call costs two timer syscalls and no wake-up.
//
// `read` is the read loop. It runs on whichever thread holds the reading role, and
// returns when the input ends or when the role has been taken over (see endCall).
//
// Thread-safe; beginCall and endCall are for the thread running `read`.
class ReaderRelay {
 public:
  ReaderRelay(std::function<void()> read, std::chrono::microseconds take_over_after);
  ~ReaderRelay();  // join()
  // Starts the threads, the first one reading.
  void start();
  ReaderRelay(const ReaderRelay&) = delete;
  ReaderRelay& operator=(const ReaderRelay&) = delete;

  // Before the reader runs a call itself: true when the other thread stands by to take
  // over (and arms its timer); false when it is still busy with a call of its own, in
  // which case the reader must hand the call to someone else.
  bool beginCall();
  // After such a call: true when this thread still holds the reading role, false when
  // the stand-by took over meanwhile, in which case `read` must return.
  bool endCall();
  // Wakes the stand-by and lets both threads finish once `read` returns; call when the
  // input has ended. Idempotent.
  void stop();
  // stop(), then waits for both threads to finish (a call still running included).
  void join();

 private:
  void loop(int self);
  // Waits on the timer as the thread not holding the role; takes the role over when the
  // holder's call outlasted it. Called and returns with the lock held.
  void standBy(int self, std::unique_lock<std::mutex>& lock);
  void armTimer(std::chrono::microseconds after);

  std::function<void()> read_;
  std::chrono::microseconds take_over_after_;
  int timer_fd_ = -1;  // armed while the reader runs a call
  int stop_fd_ = -1;   // an eventfd: readable once stop() was called

  std::mutex mutex_;          // guards every field below
  int holder_ = 0;            // the thread (0 or 1) holding the reading role
  bool in_call_ = false;      // the holder is running a call the other may bypass
  bool standing_by_ = false;  // the other thread waits on the timer
  bool stopping_ = false;

  std::thread threads_[2];
};

}  // namespace nba::mcp
