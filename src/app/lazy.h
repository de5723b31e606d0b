#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>

#include "core/clock.h"
#include "core/status.h"

namespace nba::app {

// A T built on first use and kept for the life of the Lazy. A failed build is not kept
// for ever: calls within a backoff of the failure get its Status without building, and
// the first call after the backoff builds again. The backoff is measured on the clock's
// monotonic time (so it runs under --fixed-time) and starts at kFirstBackoff, doubling
// after each further failure up to kMaxBackoff.
//
// Thread-safe. Concurrent first calls build once (the others wait for that build and
// share its outcome); after a success, get() is one atomic load. `clock` must outlive
// the Lazy.
template <typename T>
class Lazy {
 public:
  using Factory = std::function<Result<std::unique_ptr<T>>()>;

  static constexpr std::chrono::seconds kFirstBackoff{1};
  static constexpr std::chrono::seconds kMaxBackoff{30};

  Lazy(Factory factory, const Clock& clock) : factory_(std::move(factory)), clock_(clock) {}

  // The built object (owned by this Lazy), or the Status of the latest failed build.
  Result<const T*> get() const {
    if (const T* ready = ready_.load(std::memory_order_acquire)) {
      return ready;
    }
    std::lock_guard lock(mutex_);
    if (const T* ready = ready_.load(std::memory_order_relaxed)) {
      return ready;  // built by the caller we waited for
    }
    if (!failure_.isOk() && clock_.monotonicNow() < retry_at_) {
      return failure_;
    }
    auto built = factory_();
    if (built.ok() && built.value() == nullptr) {
      built = internalError("a lazy factory returned success without an object");
    }
    if (built.ok()) {
      value_ = std::move(built).value();
      failure_ = Status::ok();
      ready_.store(value_.get(), std::memory_order_release);
      return value_.get();
    }
    backoff_ = failure_.isOk()
                   ? std::chrono::steady_clock::duration(kFirstBackoff)
                   : std::min<std::chrono::steady_clock::duration>(2 * backoff_, kMaxBackoff);
    failure_ = built.status();
    // From the end of the failed build: a slow failing load is not retried back to back.
    retry_at_ = clock_.monotonicNow() + backoff_;
    return failure_;
  }

 private:
  const Factory factory_;
  const Clock& clock_;
  // Set once, after a successful build; points into value_.
  mutable std::atomic<const T*> ready_{nullptr};
  mutable std::mutex mutex_;
  // Guarded by mutex_ (value_ is written once, then only read through ready_).
  mutable std::unique_ptr<T> value_;
  mutable Status failure_;  // the latest failed build's, or ok
  mutable std::chrono::steady_clock::time_point retry_at_;
  mutable std::chrono::steady_clock::duration backoff_{};
};

}  // namespace nba::app
