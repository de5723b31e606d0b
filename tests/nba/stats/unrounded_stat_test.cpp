#include <doctest/doctest.h>

#include "nba/stats/stat_catalog.h"

namespace {

using nba::stats::PerMode;

// Gilgeous-Alexander's 2024-25 totals, as Basketball-Reference lists them.
nba::PlayerSeasonLine shaiIn2024() {
  nba::PlayerSeasonLine line;
  line.gp = 76;
  line.min = 2598;
  line.pts = 2484;
  line.fgm = 860;
  line.fga = 1656;
  line.fg3m = 163;
  line.fg3a = 435;
  line.ftm = 601;
  line.fta = 669;
  line.stl = 131;
  line.pts_pg = 32.7;  // published, rounded
  line.stl_pg = 1.7;
  line.fg_pct = 0.519;
  line.efg_pct = 0.569;
  line.ts_pct = 0.637;
  line.per = 30.7;
  return line;
}

double unrounded(const nba::PlayerSeasonLine& line, const char* code, PerMode mode) {
  const nba::stats::StatDef* stat = nba::stats::findStat(code);
  REQUIRE(stat != nullptr);
  const auto value = nba::stats::UnroundedStat(*stat)(line, mode);
  REQUIRE(value.has_value());
  return *value;
}

}  // namespace

TEST_CASE("unrounded stats: per game from totals, percentages from makes and attempts") {
  const auto line = shaiIn2024();
  CHECK(unrounded(line, "PTS", PerMode::kPerGame) == doctest::Approx(2484.0 / 76));  // 32.684
  CHECK(unrounded(line, "STL", PerMode::kPerGame) == doctest::Approx(131.0 / 76));   // 1.724
  CHECK(unrounded(line, "FG_PCT", PerMode::kPerGame) == doctest::Approx(860.0 / 1656));
  CHECK(unrounded(line, "FG3_PCT", PerMode::kPerGame) == doctest::Approx(163.0 / 435));
  CHECK(unrounded(line, "FT_PCT", PerMode::kPerGame) == doctest::Approx(601.0 / 669));
  CHECK(unrounded(line, "EFG_PCT", PerMode::kPerGame) == doctest::Approx((860 + 81.5) / 1656));
  CHECK(unrounded(line, "TS_PCT", PerMode::kPerGame) ==
        doctest::Approx(2484 / (2 * (1656 + 0.44 * 669))));  // 0.637
}

TEST_CASE("unrounded stats: what is not rounded is the value itself") {
  const auto line = shaiIn2024();
  CHECK(unrounded(line, "PTS", PerMode::kTotals) == 2484);
  CHECK(unrounded(line, "GP", PerMode::kPerGame) == 76);
  CHECK(unrounded(line, "PER", PerMode::kPerGame) == 30.7);  // only the source computes it
  CHECK(unrounded(line, "PTS", PerMode::kPer36) == doctest::Approx(2484 * 36.0 / 2598));
}

TEST_CASE("unrounded stats: no attempts, no percentage; no games, the published value") {
  nba::PlayerSeasonLine line;
  const nba::stats::StatDef* ft = nba::stats::findStat("FT_PCT");
  REQUIRE(ft != nullptr);
  CHECK_FALSE(nba::stats::UnroundedStat(*ft)(line, PerMode::kPerGame).has_value());
  line.pts_pg = 4.5;
  CHECK(unrounded(line, "PTS", PerMode::kPerGame) == 4.5);
}
