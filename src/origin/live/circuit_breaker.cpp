#include "origin/live/circuit_breaker.h"

namespace nba::live {

CircuitBreaker::CircuitBreaker(int failures, Duration window, Duration open_for)
    : failures_(failures), window_(window), open_for_(open_for) {}

CircuitBreaker::Admission CircuitBreaker::admit(TimePoint now) {
  std::lock_guard lock(mutex_);
  if (!open_until_) {
    return Admission::kAllowed;
  }
  if (now < *open_until_ || probe_out_) {
    return Admission::kRejected;
  }
  probe_out_ = true;
  return Admission::kProbe;
}

void CircuitBreaker::recordSuccess() {
  std::lock_guard lock(mutex_);
  open_until_.reset();
  probe_out_ = false;
  recent_failures_.clear();
}

void CircuitBreaker::recordFailure(TimePoint now) {
  std::lock_guard lock(mutex_);
  if (open_until_) {  // the half-open probe failed (or a request admitted before opening)
    open(now);
    return;
  }
  recent_failures_.push_back(now);
  while (!recent_failures_.empty() && now - recent_failures_.front() > window_) {
    recent_failures_.pop_front();
  }
  if (static_cast<int>(recent_failures_.size()) >= failures_) {
    open(now);
  }
}

void CircuitBreaker::tripNow(TimePoint now) {
  std::lock_guard lock(mutex_);
  open(now);
}

void CircuitBreaker::releaseProbe() {
  std::lock_guard lock(mutex_);
  probe_out_ = false;
}

std::optional<CircuitBreaker::TimePoint> CircuitBreaker::reopensAt() const {
  std::lock_guard lock(mutex_);
  return open_until_;
}

CircuitBreaker::State CircuitBreaker::state(TimePoint now) const {
  std::lock_guard lock(mutex_);
  if (!open_until_) return State::kClosed;
  return now < *open_until_ ? State::kOpen : State::kHalfOpen;
}

void CircuitBreaker::open(TimePoint now) {
  open_until_ = now + open_for_;
  probe_out_ = false;
  recent_failures_.clear();
}

}  // namespace nba::live
