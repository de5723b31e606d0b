#include "ratelimit/concurrency_limit.h"

namespace nba::ratelimit {

ConcurrencyLimit::ConcurrencyLimit(std::size_t max_in_flight) : max_in_flight_(max_in_flight) {}

std::optional<ConcurrencyLimit::Slot> ConcurrencyLimit::enter(std::chrono::milliseconds wait) {
  std::unique_lock lock(mutex_);
  if (!freed_.wait_for(lock, wait, [this] { return in_flight_ < max_in_flight_; })) {
    ++refused_;
    return std::nullopt;
  }
  ++in_flight_;
  return Slot(this);
}

void ConcurrencyLimit::leave() {
  {
    std::lock_guard lock(mutex_);
    --in_flight_;
  }
  freed_.notify_one();
}

std::size_t ConcurrencyLimit::inFlight() const {
  std::lock_guard lock(mutex_);
  return in_flight_;
}

std::uint64_t ConcurrencyLimit::refused() const {
  std::lock_guard lock(mutex_);
  return refused_;
}

}  // namespace nba::ratelimit
