#pragma once

#include <chrono>
#include <deque>
#include <mutex>
#include <optional>

namespace nba::live {

// A circuit breaker over an upstream (DESIGN §5: 5 failures in 60 s → open 30 s → one
// half-open probe). Closed, it lets every request through and remembers recent failures;
// `failures` of them within `window` open it. Open, it rejects requests until `open_for` has
// passed; then it lets exactly one probe through (half-open): the probe's success closes it,
// its failure opens it again for another `open_for`. tripNow() opens it at once: when the
// host cannot be reached at all, waiting for five connect timeouts would make every call pay.
//
// Times come from the caller (a Clock's monotonic time), so tests step through the states
// without sleeping. Thread-safe.
class CircuitBreaker {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;
  using Duration = std::chrono::steady_clock::duration;

  enum class Admission {
    kAllowed,   // closed: go ahead
    kProbe,     // half-open: go ahead, and report how it went (recordSuccess/recordFailure)
    kRejected,  // open, or a probe is already out
  };

  // closed: requests go; open: they fail at once; half-open: the open time is over and one
  // probe may go (or is out).
  enum class State { kClosed, kOpen, kHalfOpen };

  CircuitBreaker(int failures, Duration window, Duration open_for);

  Admission admit(TimePoint now);
  void recordSuccess();
  void recordFailure(TimePoint now);
  void tripNow(TimePoint now);
  // A probe that ended without telling whether the upstream is back (its caller cancelled):
  // the next request may probe instead; the circuit stays as it is.
  void releaseProbe();

  // While open: when the next probe may go. Empty when closed.
  std::optional<TimePoint> reopensAt() const;
  State state(TimePoint now) const;

 private:
  void open(TimePoint now);

  const int failures_;
  const Duration window_;
  const Duration open_for_;
  mutable std::mutex mutex_;
  std::deque<TimePoint> recent_failures_;
  std::optional<TimePoint> open_until_;
  bool probe_out_ = false;
};

}  // namespace nba::live
