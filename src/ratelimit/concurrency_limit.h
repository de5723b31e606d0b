#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>

namespace nba::ratelimit {

// A cap on how many calls run at once (client tool calls; NBA.com requests). A call past the
// cap waits a little for a slot, then is told the server is busy. Thread-safe.
class ConcurrencyLimit {
 public:
  explicit ConcurrencyLimit(std::size_t max_in_flight);

  // Holds one slot until destroyed. Movable.
  class Slot {
   public:
    explicit Slot(ConcurrencyLimit* owner) : owner_(owner) {}
    Slot(Slot&& other) noexcept : owner_(other.owner_) { other.owner_ = nullptr; }
    Slot& operator=(Slot&& other) noexcept {
      if (this != &other) {
        if (owner_ != nullptr) owner_->leave();
        owner_ = other.owner_;
        other.owner_ = nullptr;
      }
      return *this;
    }
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;
    ~Slot() {
      if (owner_ != nullptr) owner_->leave();
    }

   private:
    ConcurrencyLimit* owner_;
  };

  // A slot, waiting up to `wait` for one (a condition-variable wait, not a clock read); nullopt
  // when none freed up in time.
  std::optional<Slot> enter(std::chrono::milliseconds wait);

  std::size_t maxInFlight() const { return max_in_flight_; }
  std::size_t inFlight() const;
  std::uint64_t refused() const;

 private:
  void leave();

  const std::size_t max_in_flight_;
  mutable std::mutex mutex_;
  std::condition_variable freed_;
  std::size_t in_flight_ = 0;  // guarded by mutex_
  std::uint64_t refused_ = 0;  // guarded by mutex_
};

}  // namespace nba::ratelimit
