// Token buckets on a fake clock: refill arithmetic, burst, retry-after, a clock that goes back.
#include "ratelimit/token_bucket.h"

#include <doctest/doctest.h>

#include "core/clock.h"

namespace nba::ratelimit {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

const auto kNoon =
    std::chrono::sys_days{std::chrono::year{2026} / 11 / 30} + std::chrono::hours(12);

TEST_CASE("bucket: a full burst, then one token every 6 s at 10 a minute") {
  FakeClock clock(kNoon);
  TokenBucket bucket(10, 10.0 / 60, clock.monotonicNow());
  for (int call = 1; call <= 10; ++call) {
    const BucketDecision decision = bucket.take(clock.monotonicNow());
    REQUIRE(decision.allowed);
    CHECK(decision.limit == 10);
    CHECK(decision.remaining == static_cast<std::uint64_t>(10 - call));
    CHECK(decision.reset_after == seconds(6 * call));  // each spent token takes 6 s back
  }
  BucketDecision eleventh = bucket.take(clock.monotonicNow());
  CHECK_FALSE(eleventh.allowed);
  CHECK(eleventh.remaining == 0);
  CHECK(eleventh.retry_after == seconds(6));
  CHECK(eleventh.reset_after == seconds(60));

  clock.advance(milliseconds(5999));
  eleventh = bucket.take(clock.monotonicNow());
  CHECK_FALSE(eleventh.allowed);
  CHECK(eleventh.retry_after == seconds(1));  // rounded up: never "retry in 0 s"
  clock.advance(milliseconds(1));
  CHECK(bucket.take(clock.monotonicNow()).allowed);
  CHECK_FALSE(bucket.take(clock.monotonicNow()).allowed);

  // An idle hour refills to the burst, not past it.
  clock.advance(std::chrono::hours(1));
  CHECK(bucket.peek(clock.monotonicNow()).remaining == 10);
  CHECK(bucket.peek(clock.monotonicNow()).reset_after == seconds(0));
}

TEST_CASE("bucket: a fractional rate refills in proportion") {
  FakeClock clock(kNoon);
  TokenBucket bucket(2, 0.5, clock.monotonicNow());  // 30 a minute, burst 2
  CHECK(bucket.take(clock.monotonicNow()).allowed);
  CHECK(bucket.take(clock.monotonicNow()).allowed);
  CHECK(bucket.take(clock.monotonicNow()).retry_after == seconds(2));
  clock.advance(seconds(1));  // half a token
  CHECK_FALSE(bucket.take(clock.monotonicNow()).allowed);
  clock.advance(seconds(1));
  CHECK(bucket.take(clock.monotonicNow()).allowed);
}

TEST_CASE("bucket: the dip below a tenth is reported once, and again after a refill") {
  FakeClock clock(kNoon);
  TokenBucket bucket(20, 20.0 / 60, clock.monotonicNow());
  int dips = 0;
  for (int call = 1; call <= 20; ++call) {
    const BucketDecision decision = bucket.take(clock.monotonicNow());
    if (decision.dipped_low) {
      ++dips;
      CHECK(call == 19);  // 1 left: below 2, a tenth of 20
    }
  }
  CHECK(dips == 1);
  clock.advance(seconds(60));  // full again
  for (int call = 1; call <= 19; ++call) {
    dips += bucket.take(clock.monotonicNow()).dipped_low ? 1 : 0;
  }
  CHECK(dips == 2);
}

TEST_CASE("bucket: a clock that goes backwards refills nothing and never goes negative") {
  FakeClock clock(kNoon);
  TokenBucket bucket(3, 3.0 / 60, clock.monotonicNow());
  for (int i = 0; i < 3; ++i) REQUIRE(bucket.take(clock.monotonicNow()).allowed);
  clock.advance(-std::chrono::hours(2));  // stepped back
  for (int i = 0; i < 5; ++i) {
    const BucketDecision decision = bucket.take(clock.monotonicNow());
    CHECK_FALSE(decision.allowed);
    CHECK(decision.remaining == 0);
    CHECK(decision.retry_after == seconds(20));
  }
  // Time before the last time seen adds nothing; time after it refills as usual.
  clock.advance(std::chrono::hours(2) + seconds(20));
  CHECK(bucket.take(clock.monotonicNow()).allowed);
  CHECK_FALSE(bucket.take(clock.monotonicNow()).allowed);
}

}  // namespace
}  // namespace nba::ratelimit
