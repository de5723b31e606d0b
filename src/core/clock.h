#pragma once

#include <chrono>
#include <memory>
#include <mutex>

namespace nba {

// Time, injected (Envoy's TimeSource): token buckets, TTLs, "today" and durations all
// read a Clock so tests and golden replays run on a fixed clock and never sleep. The wall
// date and monotonic time are separate: fixing the date (--fixed-time) never freezes
// durations, TTLs or buckets. In src/, only core and app read std::chrono clocks directly
// (and mcp's worker spin, which says why); the rest take a Clock& or a Stopwatch
// (core/stopwatch.h). Implementations are thread-safe.
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

// A production clock for reproducible answers (--fixed-time): wallNow() always returns
// `wall` — it does not advance, so "today" and "this season" are the same for every call
// however long the process runs — while monotonicNow() is the real steady clock, so
// durations, TTLs and backoffs behave as under newSystemClock().
std::shared_ptr<Clock> newFixedDateClock(std::chrono::system_clock::time_point wall);

// A test double: a clock that moves only when told to (both its wall and its monotonic
// time). Thread-safe.
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
