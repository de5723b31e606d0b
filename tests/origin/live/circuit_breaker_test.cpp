#include "origin/live/circuit_breaker.h"

#include <doctest/doctest.h>

namespace nba::live {
namespace {

using std::chrono::seconds;
using Admission = CircuitBreaker::Admission;

TEST_CASE("circuit breaker: 5 failures in 60 s open it for 30 s, then one probe") {
  CircuitBreaker breaker(5, seconds(60), seconds(30));
  const auto t0 = std::chrono::steady_clock::time_point{} + seconds(1000);
  for (int i = 0; i < 4; ++i) {
    CHECK(breaker.admit(t0) == Admission::kAllowed);
    breaker.recordFailure(t0 + seconds(i));
  }
  CHECK_FALSE(breaker.reopensAt().has_value());
  breaker.recordFailure(t0 + seconds(10));  // the fifth within the window
  REQUIRE(breaker.reopensAt() == t0 + seconds(40));
  CHECK(breaker.admit(t0 + seconds(39)) == Admission::kRejected);
  CHECK(breaker.admit(t0 + seconds(40)) == Admission::kProbe);
  CHECK(breaker.admit(t0 + seconds(40)) == Admission::kRejected);  // one probe at a time
  breaker.recordFailure(t0 + seconds(41));                         // the probe failed
  CHECK(breaker.admit(t0 + seconds(70)) == Admission::kRejected);
  CHECK(breaker.admit(t0 + seconds(71)) == Admission::kProbe);
  breaker.recordSuccess();
  CHECK(breaker.admit(t0 + seconds(71)) == Admission::kAllowed);
  CHECK_FALSE(breaker.reopensAt().has_value());
}

TEST_CASE("circuit breaker: failures older than the window do not count; tripNow opens at once") {
  CircuitBreaker breaker(5, seconds(60), seconds(30));
  const auto t0 = std::chrono::steady_clock::time_point{} + seconds(1000);
  for (int i = 0; i < 8; ++i) breaker.recordFailure(t0 + seconds(i * 20));  // 3 per minute
  CHECK(breaker.admit(t0 + seconds(200)) == Admission::kAllowed);
  breaker.tripNow(t0 + seconds(200));
  CHECK(breaker.admit(t0 + seconds(201)) == Admission::kRejected);
  CHECK(breaker.admit(t0 + seconds(230)) == Admission::kProbe);
}

}  // namespace
}  // namespace nba::live
