// Clocks: the fixed-date clock keeps its date but lets monotonic time run; the fake clock
// moves only when told; a Stopwatch measures on whichever it is given.
#include "core/clock.h"

#include <doctest/doctest.h>

#include "core/stopwatch.h"

namespace nba {
namespace {

const auto kFixed = std::chrono::system_clock::from_time_t(1744632000);  // 2025-04-14 12:00Z

// Reads monotonicNow() until it moves past `from`, at most a million times: no sleep and no
// timing bound, only "does it advance at all".
std::chrono::steady_clock::time_point readUntilPast(const Clock& clock,
                                                    std::chrono::steady_clock::time_point from) {
  auto now = clock.monotonicNow();
  for (int i = 0; i < 1'000'000 && now <= from; ++i) {
    now = clock.monotonicNow();
  }
  return now;
}

TEST_CASE("a fixed-date clock keeps its wall date while monotonic time advances") {
  const auto clock = newFixedDateClock(kFixed);
  CHECK(clock->wallNow() == kFixed);
  const auto first = clock->monotonicNow();
  CHECK(first > std::chrono::steady_clock::time_point{});  // the real steady clock, not 0
  const auto later = readUntilPast(*clock, first);
  CHECK(later > first);
  CHECK(clock->wallNow() == kFixed);  // still the same date after time has passed
}

TEST_CASE("a fixed-date clock's durations are real: a stopwatch around work is not zero") {
  const auto clock = newFixedDateClock(kFixed);
  Stopwatch stopwatch(*clock);
  (void)readUntilPast(*clock, clock->monotonicNow());
  CHECK(stopwatch.elapsed() > std::chrono::nanoseconds(0));
}

TEST_CASE("a fake clock moves only when advanced, both wall and monotonic time") {
  FakeClock clock(kFixed);
  const auto start = clock.monotonicNow();
  CHECK(readUntilPast(clock, start) == start);
  clock.advance(std::chrono::seconds(90));
  CHECK(clock.monotonicNow() - start == std::chrono::seconds(90));
  CHECK(clock.wallNow() - kFixed == std::chrono::seconds(90));
}

TEST_CASE("a stopwatch's laps split the elapsed time") {
  FakeClock clock(kFixed);
  Stopwatch stopwatch(clock);
  clock.advance(std::chrono::microseconds(250));
  CHECK(micros(stopwatch.lap()) == doctest::Approx(250.0));
  clock.advance(std::chrono::milliseconds(3));
  CHECK(millis(stopwatch.elapsed()) == doctest::Approx(3.0));
  CHECK(millis(stopwatch.lap()) == doctest::Approx(3.0));
  CHECK(stopwatch.elapsed() == std::chrono::nanoseconds(0));
}

}  // namespace
}  // namespace nba
