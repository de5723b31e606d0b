#include "origin/known_seasons_view.h"

#include <doctest/doctest.h>

#include "snapshot_fixture.h"

namespace nba {
namespace {

using testing::embeddedSnapshot;
using testing::testCall;

constexpr const char* kWembanyama = "1641705";

// The golden transcripts' clock: the day after the 2024-25 regular season.
std::chrono::system_clock::time_point goldenClock() {
  return std::chrono::system_clock::from_time_t(1744632000);  // 2025-04-14T12:00:00Z
}

TEST_CASE("at 2025-04-14 the snapshot's 2025-26 is not shown: it has not started") {
  FakeClock clock(goldenClock());
  auto view = newKnownSeasonsView(embeddedSnapshot(), clock);
  const std::vector<SeasonCoverage> seasons = view->seasons(testCall()).value();
  REQUIRE(seasons.size() == 2);
  CHECK(seasons[0].season.label() == "2023-24");
  CHECK(seasons[1].season.label() == "2024-25");

  // Wembanyama (bbref totals): 2023-24 71 G / 1522 PTS, 2024-25 46 G / 1116 PTS; the
  // snapshot's 2025-26 line (42 G / 1021 PTS, NBA.com to 2026-02-21) is left out.
  auto career = view->playerCareer(testCall(), kWembanyama);
  REQUIRE(career.ok());
  REQUIRE(career->rows.size() == 2);
  CHECK(career->rows[0].season.label() == "2023-24");
  CHECK(career->rows[0].gp == 71);
  CHECK(career->rows[0].pts == 1522);
  CHECK(career->rows[1].season.label() == "2024-25");
  CHECK(career->rows[1].gp == 46);
  CHECK(career->rows[1].pts == 1116);
  CHECK(career->meta.as_of == "2025-04-13");  // not the snapshot's newest date

  // A season named explicitly gets the season resolver's message.
  auto later = view->teamSeasonStats(testCall(), Season{2025}, SeasonType::kRegularSeason);
  REQUIRE_FALSE(later.ok());
  CHECK(later.status().code() == StatusCode::kInvalidArgument);
  CHECK(later.status().message() == "2025-26 has not started yet; the current season is 2024-25");
  CHECK(view->playerGameLog(testCall(), kWembanyama, Season{2025}).status().code() ==
        StatusCode::kInvalidArgument);
  // Seasons that had begun pass through unchanged.
  auto standings = view->standings(testCall(), Season{2024});
  REQUIRE(standings.ok());
  CHECK(standings->rows.size() == 30);
}

TEST_CASE("at 2024-04-15 neither 2024-25 nor its awards exist yet") {
  FakeClock clock(std::chrono::system_clock::from_time_t(1713182400));  // 2024-04-15T12:00Z
  auto view = newKnownSeasonsView(embeddedSnapshot(), clock);
  REQUIRE(view->seasons(testCall())->size() == 1);
  auto all = embeddedSnapshot().awards(testCall(), std::nullopt);
  auto known = view->awards(testCall(), std::nullopt);
  REQUIRE(all.ok());
  REQUIRE(known.ok());
  std::size_t in_2023 = 0;
  for (const AwardEntry& entry : all->rows) {
    in_2023 += entry.season == Season{2023};
  }
  CHECK(in_2023 > 0);
  CHECK(known->rows.size() == in_2023);
  for (const AwardEntry& entry : known->rows) {
    CHECK(entry.season == Season{2023});
  }
  CHECK(known->meta.as_of == "2024-04-14");
}

TEST_CASE("once 2025-26 has begun its rows show, and a running clock moves the boundary") {
  FakeClock clock(std::chrono::system_clock::from_time_t(1759233600));  // 2025-09-30T12:00Z
  auto view = newKnownSeasonsView(embeddedSnapshot(), clock);
  CHECK(view->seasons(testCall())->size() == 2);
  clock.advance(std::chrono::hours(24));  // 2025-10-01: 2025-26 is this season
  REQUIRE(view->seasons(testCall())->size() == 3);
  auto career = view->playerCareer(testCall(), kWembanyama);
  REQUIRE(career.ok());
  REQUIRE(career->rows.size() == 3);
  CHECK(career->rows[2].season.label() == "2025-26");
  CHECK(career->rows[2].gp == 42);
  CHECK(career->rows[2].pts == 1021);
}

}  // namespace
}  // namespace nba
