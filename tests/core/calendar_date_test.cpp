#include "core/calendar_date.h"

#include <doctest/doctest.h>

namespace nba {
namespace {

using namespace std::chrono;

TEST_CASE("calendarDate: ISO days, zero-padded, from a date or a UTC instant") {
  CHECK(calendarDate(year{2026} / February / 22) == "2026-02-22");
  CHECK(calendarDate(year{999} / January / 1) == "0999-01-01");
  CHECK(calendarDate(year{2024} / February / 29) == "2024-02-29");
  // One second before midnight UTC is still that day; midnight is the next.
  const sys_seconds midnight = sys_days{year{2025} / December / 31} + days{1};
  CHECK(calendarDate(midnight - seconds{1}) == "2025-12-31");
  CHECK(calendarDate(midnight) == "2026-01-01");
  // Before 1970 the floor, not truncation toward zero, picks the day.
  CHECK(calendarDate(sys_days{year{1969} / December / 31} + hours{23}) == "1969-12-31");
}

TEST_CASE("easternCalendarDate: the NBA's day turns at 05:00 UTC") {
  const sys_days march_1{year{2026} / March / 1};
  CHECK(easternCalendarDate(march_1 + hours{4} + minutes{59}) == "2026-02-28");
  CHECK(easternCalendarDate(march_1 + hours{5}) == "2026-03-01");
}

}  // namespace
}  // namespace nba
