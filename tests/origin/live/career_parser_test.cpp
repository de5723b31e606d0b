#include <doctest/doctest.h>

#include "live_fixture.h"
#include "origin/live/stats_parsers.h"

namespace nba::live {
namespace {

using nlohmann::json;

// playercareerstats for a player traded in 2024-25 (Dončić: Dallas, then the Lakers), in
// NBA.com's shape: the team rows, then the TOT row.
json tradedCareer() {
  const json headers = {"PLAYER_ID",  "SEASON_ID", "TEAM_ABBREVIATION",
                        "PLAYER_AGE", "GP",        "GS",
                        "MIN",        "FGM",       "FGA",
                        "FG3M",       "FG3A",      "FTM",
                        "FTA",        "OREB",      "DREB",
                        "REB",        "AST",       "STL",
                        "BLK",        "TOV",       "PF",
                        "PTS"};
  const json rows = {
      {1629029, "2023-24", "DAL", 25.0, 70,  70,  2624, 804, 1652, 284, 744,
       478,     607,       59,    588,  647, 686, 99,   38,  282,  149, 2370},
      {1629029, "2024-25", "DAL", 26.0, 22,  22,  779, 200, 439, 76, 226,
       110,     141,       20,    160,  180, 170, 40,  10,  80,  50, 586},
      {1629029, "2024-25", "LAL", 26.0, 28,  28,  988, 250, 570, 100, 285,
       150,     190,       25,    210,  235, 210, 45,  12,  100, 60,  750},
      {1629029, "2024-25", "TOT", 26.0, 50,  50,  1767, 450, 1009, 176, 511,
       260,     331,       45,    370,  415, 380, 85,   22,  180,  110, 1336},
  };
  return testing::statsResponse("SeasonTotalsRegularSeason", headers, rows);
}

TEST_CASE("playercareerstats: a traded season is the TOT line plus one stint per team") {
  auto lines = parsePlayerCareer(tradedCareer(), "1629029");
  REQUIRE_MESSAGE(lines.ok(), lines.status().message());
  REQUIRE(lines->size() == 4);
  CHECK(lines->at(0).season.label() == "2023-24");
  CHECK(lines->at(0).team == "DAL");
  CHECK(lines->at(0).pts_pg == doctest::Approx(33.9));
  const PlayerSeasonLine& combined = lines->at(1);
  CHECK(combined.season.label() == "2024-25");
  CHECK(combined.isCombined());
  CHECK(combined.stint == 0);
  CHECK(combined.teams == std::vector<std::string>{"DAL", "LAL"});
  CHECK(combined.lastTeam() == "LAL");
  CHECK(combined.gp == 50);
  CHECK(combined.pts_pg == doctest::Approx(26.7));
  CHECK(lines->at(2).stint == 1);
  CHECK(lines->at(2).team == "DAL");
  CHECK(lines->at(3).stint == 2);
  CHECK(lines->at(3).team == "LAL");
  CHECK(lines->at(3).pts_pg == doctest::Approx(26.8));
}

TEST_CASE("playercareerstats: a season id that is not a season is named") {
  json response = tradedCareer();
  response["resultSets"][0]["rowSet"][0][1] = "1923-25";
  auto lines = parsePlayerCareer(response, "1629029");
  REQUIRE_FALSE(lines.ok());
  CHECK(lines.status().message() ==
        "stats.nba.com playercareerstats: row 1 has SEASON_ID '1923-25', not a season");
}

}  // namespace
}  // namespace nba::live
