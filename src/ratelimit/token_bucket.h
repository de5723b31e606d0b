#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>

namespace nba::ratelimit {

// What a bucket said to one call.
struct BucketDecision {
  bool allowed = false;
  std::uint64_t limit = 0;              // the burst: calls allowed at once, from full
  std::uint64_t remaining = 0;          // whole tokens left after this call
  std::chrono::seconds retry_after{0};  // refused: when one token will be there (>= 1 s)
  std::chrono::seconds reset_after{0};  // when the bucket will be full again
  // This call took the bucket below a tenth of its burst (the host is warned once per dip).
  bool dipped_low = false;
};

// A token bucket (Envoy's TokenBucketImpl is the model): `capacity` tokens, refilled at
// `per_second`, starting full. Times come from the caller (a Clock's monotonic time), so tests
// step a FakeClock. A time earlier than the last one seen (a clock stepped back) refills
// nothing and is otherwise treated as the last time: tokens never go negative or past the
// capacity. Thread-safe, with its own lock: two buckets never contend.
// Cache-line aligned: two buckets never share a line, so two threads on two tools do not
// slow each other down (false sharing).
class alignas(64) TokenBucket {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;

  TokenBucket(double capacity, double per_second, TimePoint now);

  // Takes one token if there is one.
  BucketDecision take(TimePoint now);
  // The state without taking: remaining and reset_after as of `now`.
  BucketDecision peek(TimePoint now);

 private:
  void refill(TimePoint now);  // call with mutex_ held
  BucketDecision describe(bool allowed) const;

  const double capacity_;
  const double per_second_;
  std::mutex mutex_;
  double tokens_;     // guarded by mutex_
  TimePoint last_;    // guarded by mutex_
  bool low_ = false;  // guarded by mutex_: below a tenth, already reported
};

}  // namespace nba::ratelimit
