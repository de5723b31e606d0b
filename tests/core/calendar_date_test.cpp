#include "core/calendar_date.h"

#include <doctest/doctest.h>

#include <cstdio>

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
  // Every day of 1999-2030 as snprintf would write it; years past four digits as it writes them.
  for (sys_days d = sys_days{year{1999} / January / 1}; d < sys_days{year{2031} / January / 1};
       d += days{1}) {
    const year_month_day ymd{d};
    char expected[40];
    std::snprintf(expected, sizeof expected, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    REQUIRE(calendarDate(ymd) == expected);
  }
  CHECK(calendarDate(year{0} / July / 4) == "0000-07-04");
  CHECK(calendarDate(year{12345} / March / 9) == "12345-03-09");
  CHECK(calendarDate(year{-44} / March / 15) == "-044-03-15");
}

TEST_CASE("easternCalendarDate: the NBA's day turns at 05:00 UTC") {
  const sys_days march_1{year{2026} / March / 1};
  CHECK(easternCalendarDate(march_1 + hours{4} + minutes{59}) == "2026-02-28");
  CHECK(easternCalendarDate(march_1 + hours{5}) == "2026-03-01");
}

}  // namespace
}  // namespace nba
