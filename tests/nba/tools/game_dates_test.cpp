#include "nba/tools/game_dates.h"

#include <doctest/doctest.h>

using nba::FakeClock;
using nba::tools::checkNamedSeason;
using nba::tools::dateArgumentText;
using nba::tools::easternToday;
using nba::tools::parseCalendarDate;
using nba::tools::seasonOfDate;
using nba::tools::weekdayName;

namespace {

FakeClock clockAt(std::time_t seconds) {
  return FakeClock(std::chrono::system_clock::from_time_t(seconds));
}

}  // namespace

TEST_CASE("game dates: calendar dates are checked, not just their shape") {
  CHECK(parseCalendarDate("2025-01-23") == "2025-01-23");
  CHECK(parseCalendarDate("2024-02-29") == "2024-02-29");
  CHECK_FALSE(parseCalendarDate("2025-02-29"));
  CHECK_FALSE(parseCalendarDate("2025-02-30"));
  CHECK_FALSE(parseCalendarDate("2025-13-01"));
  CHECK_FALSE(parseCalendarDate("2025-1-23"));
  CHECK_FALSE(parseCalendarDate("2025-01-2x"));
  CHECK_FALSE(parseCalendarDate(""));
}

TEST_CASE("game dates: today and yesterday in US/Eastern as UTC-5") {
  auto noon = clockAt(1771761600);  // 2026-02-22T12:00Z
  CHECK(easternToday(noon) == "2026-02-22");
  auto before_five = clockAt(1771761600 - 8 * 3600);  // 2026-02-22T04:00Z = 23:00 Eastern
  CHECK(easternToday(before_five) == "2026-02-21");
  CHECK(dateArgumentText("TODAY", noon).value() == "2026-02-22");
  CHECK(dateArgumentText("yesterday", noon).value() == "2026-02-21");
  auto new_year = clockAt(1767268800);  // 2026-01-01T12:00Z
  CHECK(dateArgumentText("yesterday", new_year).value() == "2025-12-31");
  auto march = clockAt(1772366400);  // 2026-03-01T12:00Z
  CHECK(dateArgumentText("yesterday", march).value() == "2026-02-28");
  auto bad = dateArgumentText("yesterday-ish", noon);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("YYYY-MM-DD") != std::string::npos);
}

TEST_CASE("game dates: seasons and weekdays") {
  CHECK(seasonOfDate("2025-01-23").start_year == 2024);
  CHECK(seasonOfDate("2024-10-22").start_year == 2024);
  CHECK(seasonOfDate("2024-07-01").start_year == 2023);
  CHECK(weekdayName("2025-01-23") == "Thursday");
  CHECK(weekdayName("2024-11-28") == "Thursday");
}

TEST_CASE("game dates: a season named beside a date must be the date's") {
  const nba::Season of_date = seasonOfDate("2025-01-01");
  CHECK(checkNamedSeason("2025-01-01", of_date, nba::Season{2024}).isOk());
  const nba::Status clash = checkNamedSeason("2025-01-01", of_date, nba::Season{2023});
  CHECK(clash.code() == nba::StatusCode::kInvalidArgument);
  CHECK(clash.message() == "2025-01-01 is in 2024-25, not 2023-24; leave season out.");
}
