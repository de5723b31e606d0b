#include "core/clock.h"

namespace nba {
namespace {

class SystemClock : public Clock {
 public:
  std::chrono::steady_clock::time_point monotonicNow() const override {
    return std::chrono::steady_clock::now();
  }
  std::chrono::system_clock::time_point wallNow() const override {
    return std::chrono::system_clock::now();
  }
};

class FixedDateClock : public Clock {
 public:
  explicit FixedDateClock(std::chrono::system_clock::time_point wall) : wall_(wall) {}
  std::chrono::steady_clock::time_point monotonicNow() const override {
    return std::chrono::steady_clock::now();
  }
  std::chrono::system_clock::time_point wallNow() const override { return wall_; }

 private:
  const std::chrono::system_clock::time_point wall_;
};

}  // namespace

std::shared_ptr<Clock> newSystemClock() { return std::make_shared<SystemClock>(); }

std::shared_ptr<Clock> newFixedDateClock(std::chrono::system_clock::time_point wall) {
  return std::make_shared<FixedDateClock>(wall);
}

FakeClock::FakeClock(std::chrono::system_clock::time_point wall)
    : monotonic_(std::chrono::steady_clock::time_point{}), wall_(wall) {}

std::chrono::steady_clock::time_point FakeClock::monotonicNow() const {
  std::lock_guard lock(mutex_);
  return monotonic_;
}

std::chrono::system_clock::time_point FakeClock::wallNow() const {
  std::lock_guard lock(mutex_);
  return wall_;
}

void FakeClock::advance(std::chrono::nanoseconds by) {
  std::lock_guard lock(mutex_);
  monotonic_ += by;
  wall_ += std::chrono::duration_cast<std::chrono::system_clock::duration>(by);
}

}  // namespace nba
