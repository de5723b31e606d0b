#pragma once

#include <chrono>

#include "core/clock.h"

namespace nba {

// Measures a duration on a Clock's monotonic time, so code outside core and app times its
// work without reading std::chrono clocks (and a FakeClock can step it in tests). `clock`
// must outlive the Stopwatch. Not thread-safe: one per measurement.
class Stopwatch {
 public:
  explicit Stopwatch(const Clock& clock) : clock_(clock), start_(clock.monotonicNow()) {}

  // Time since construction or the last lap().
  std::chrono::steady_clock::duration elapsed() const { return clock_.monotonicNow() - start_; }

  // Returns elapsed() and starts the next lap from now.
  std::chrono::steady_clock::duration lap() {
    const auto now = clock_.monotonicNow();
    const auto since = now - start_;
    start_ = now;
    return since;
  }

 private:
  const Clock& clock_;
  std::chrono::steady_clock::time_point start_;
};

// A duration in (fractional) microseconds or milliseconds, for timings in reports.
inline double micros(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double, std::micro>(d).count();
}
inline double millis(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

}  // namespace nba
