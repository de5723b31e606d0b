#include "domain/season_resolver.h"

#include <doctest/doctest.h>

namespace nba {
namespace {

std::chrono::system_clock::time_point date(int y, unsigned m, unsigned d) {
  return std::chrono::sys_days{std::chrono::year{y} / m / d};
}

const std::vector<Season> kAvailable = {Season{2023}, Season{2024}, Season{2025}};

TEST_CASE("season labels") {
  CHECK(Season{2024}.label() == "2024-25");
  CHECK(Season{1999}.label() == "1999-00");
  CHECK(Season{2024}.endYear() == 2025);
}

TEST_CASE("seasonAt: October starts a new season") {
  CHECK(seasonAt(date(2026, 2, 22)).label() == "2025-26");
  CHECK(seasonAt(date(2025, 9, 30)).label() == "2024-25");
  CHECK(seasonAt(date(2025, 10, 1)).label() == "2025-26");
}

TEST_CASE("seasonKnownAt: a season is known from the day it becomes this season") {
  CHECK(seasonKnownAt(Season{2024}, date(2025, 4, 14)));
  CHECK(seasonKnownAt(Season{2023}, date(2025, 4, 14)));
  CHECK_FALSE(seasonKnownAt(Season{2025}, date(2025, 4, 14)));
  CHECK_FALSE(seasonKnownAt(Season{2025}, date(2025, 9, 30)));
  CHECK(seasonKnownAt(Season{2025}, date(2025, 10, 1)));
  CHECK(seasonNotStarted(Season{2025}, date(2025, 4, 14)).message() ==
        "2025-26 has not started yet; the current season is 2024-25");
}

TEST_CASE("explicit forms") {
  CHECK(parseSeasonText("2024-25")->label() == "2024-25");
  CHECK(parseSeasonText("2024-2025")->label() == "2024-25");
  CHECK(parseSeasonText("2024/25")->label() == "2024-25");
  CHECK(parseSeasonText("2025")->label() == "2024-25");
  CHECK(parseSeasonText(" 2025 ")->label() == "2024-25");
  CHECK(parseSeasonText("1999-00")->label() == "1999-00");
}

TEST_CASE("bad seasons are invalid arguments with a usable message") {
  Result<Season> abc = parseSeasonText("abc");
  REQUIRE_FALSE(abc.ok());
  CHECK(abc.status().code() == StatusCode::kInvalidArgument);
  CHECK(abc.status().message().find("'abc' is not a season") == 0);
  Result<Season> gap = parseSeasonText("2024-26");
  REQUIRE_FALSE(gap.ok());
  CHECK(gap.status().message() == "2024-26 is not a season: 2024 is followed by 2025 (2024-25)");
  CHECK_FALSE(parseSeasonText("").ok());
  CHECK_FALSE(parseSeasonText("20245-26").ok());
  CHECK_FALSE(parseSeasonText(std::string(10000, '9')).ok());
}

TEST_CASE("resolveSeason: relative words, fallback and range checks") {
  FakeClock clock(date(2026, 2, 22));
  CHECK(resolveSeason("this season", clock, kAvailable)->season.label() == "2025-26");
  CHECK_FALSE(resolveSeason("this season", clock, kAvailable)->fell_back);
  CHECK(resolveSeason("", clock, kAvailable)->season.label() == "2025-26");
  CHECK(resolveSeason("Last Season", clock, kAvailable)->season.label() == "2024-25");
  CHECK(resolveSeason("2025", clock, kAvailable)->season.label() == "2024-25");

  Result<SeasonResolution> old = resolveSeason("1850-51", clock, kAvailable);
  REQUIRE_FALSE(old.ok());
  CHECK(old.status().message() == "1850-51 is before the first NBA season, 1946-47");
  Result<SeasonResolution> future = resolveSeason("2030-31", clock, kAvailable);
  REQUIRE_FALSE(future.ok());
  CHECK(future.status().code() == StatusCode::kInvalidArgument);
  CHECK(future.status().message() == "2030-31 has not started yet; the current season is 2025-26");
  Result<SeasonResolution> missing = resolveSeason("2019-20", clock, kAvailable);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == StatusCode::kNotFound);
  CHECK(missing.status().message() ==
        "no data for 2019-20 at this source; available: 2023-24, 2024-25, 2025-26");
  CHECK(resolveSeason("abc", clock, kAvailable).status().code() == StatusCode::kInvalidArgument);
}

TEST_CASE("resolveSeason falls back to the latest season with data and says so") {
  FakeClock november(date(2026, 11, 5));  // 2026-27 started, the snapshot stops at 2025-26
  Result<SeasonResolution> now = resolveSeason("this season", november, kAvailable);
  REQUIRE(now.ok());
  CHECK(now->season.label() == "2025-26");
  CHECK(now->fell_back);
  CHECK(now->note ==
        "2026-27 has no data at this source; using 2025-26, the latest season with "
        "data");
  Result<SeasonResolution> last = resolveSeason("last season", november, kAvailable);
  REQUIRE(last.ok());
  CHECK(last->season.label() == "2025-26");
  CHECK_FALSE(last->fell_back);
  CHECK(resolveSeason("2026-27", november, kAvailable)->fell_back);
}

}  // namespace
}  // namespace nba
