#pragma once

#include <chrono>
#include <memory>
#include <mutex>

namespace nba {

// Time, injected (Envoy's TimeSource): token buckets, TTLs, "today" and durations all
// read a Clock so tests and golden replays run on a fixed clock and never sleep.
// Implementations are thread-safe.
class Clock {
 public:
  virtual ~Clock() = default;
  // Monotonic time, for durations and deadlines.
  virtual std::chrono::steady_clock::time_point monotonicNow() const = 0;
  // Wall-clock time, for dates ("today", "this season") and timestamps.
  virtual std::chrono::system_clock::time_point wallNow() const = 0;
};

// The real clock.
std::shared_ptr<Clock> newSystemClock();

// A clock that moves only when told to. Thread-safe.
class FakeClock : public Clock {
 public:
  explicit FakeClock(std::chrono::system_clock::time_point wall);
  std::chrono::steady_clock::time_point monotonicNow() const override;
  std::chrono::system_clock::time_point wallNow() const override;
  void advance(std::chrono::nanoseconds by);

 private:
  mutable std::mutex mutex_;
  std::chrono::steady_clock::time_point monotonic_;
  std::chrono::system_clock::time_point wall_;
};

}  // namespace nba
