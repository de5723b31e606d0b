#include "ratelimit/token_bucket.h"

#include <algorithm>
#include <cmath>

namespace nba::ratelimit {
namespace {

// Refill is floating point: 6 s at 10 a minute makes 0.9999999999999999 tokens. Amounts this
// close to a whole token count as it.
constexpr double kSlack = 1e-9;

std::chrono::seconds secondsUntil(double tokens_missing, double per_second) {
  if (tokens_missing <= kSlack) {
    return std::chrono::seconds(0);
  }
  // Less a nanosecond's worth, so 1 / (10 / 60.0) reads as 6 s, not 7.
  return std::chrono::seconds(
      static_cast<std::int64_t>(std::ceil(tokens_missing / per_second - kSlack)));
}

}  // namespace

TokenBucket::TokenBucket(double capacity, double per_second, TimePoint now)
    : capacity_(capacity), per_second_(per_second), tokens_(capacity), last_(now) {}

void TokenBucket::refill(TimePoint now) {
  if (now <= last_) {
    return;  // no time passed, or the clock went back: nothing to add
  }
  const double elapsed = std::chrono::duration<double>(now - last_).count();
  tokens_ = std::min(capacity_, tokens_ + elapsed * per_second_);
  last_ = now;
}

BucketDecision TokenBucket::describe(bool allowed) const {
  BucketDecision decision;
  decision.allowed = allowed;
  decision.limit = static_cast<std::uint64_t>(capacity_);
  decision.remaining = static_cast<std::uint64_t>(std::floor(tokens_ + kSlack));
  decision.reset_after = secondsUntil(capacity_ - tokens_, per_second_);
  decision.retry_after =
      allowed ? std::chrono::seconds(0)
              : std::max(std::chrono::seconds(1), secondsUntil(1.0 - tokens_, per_second_));
  return decision;
}

BucketDecision TokenBucket::take(TimePoint now) {
  std::lock_guard lock(mutex_);
  refill(now);
  const double low_mark = capacity_ / 10;
  if (tokens_ >= low_mark) {
    low_ = false;  // refilled above the mark: the next dip is reported again
  }
  if (tokens_ + kSlack < 1.0) {
    return describe(false);
  }
  tokens_ = std::max(0.0, tokens_ - 1.0);
  BucketDecision decision = describe(true);
  if (!low_ && tokens_ < low_mark) {
    low_ = true;
    decision.dipped_low = true;
  }
  return decision;
}

BucketDecision TokenBucket::peek(TimePoint now) {
  std::lock_guard lock(mutex_);
  refill(now);
  return describe(tokens_ + kSlack >= 1.0);
}

}  // namespace nba::ratelimit
