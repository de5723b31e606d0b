#include <doctest/doctest.h>

#include "live_fixture.h"
#include "origin/live/stats_parsers.h"
#include "support/shared_data.h"

namespace nba::live {
namespace {

using nlohmann::json;

TEST_CASE("recorded cdn live scoreboard: a playoff game in progress, clock and leaders") {
  if (!testing::sharedDataAvailable(NBA_MCP_SHARED_DATA_DIR)) return;
  const json response =
      json::parse(testing::readText(std::string(NBA_MCP_SHARED_DATA_DIR) +
                                    "/cdn-live-samples/todaysScoreboard_00__2023-04-20.json"));
  auto games = parseScoreboard(response, "cdn.nba.com todaysScoreboard_00", Season{2022},
                               testing::franchises());
  REQUIRE_MESSAGE(games.ok(), games.status().message());
  REQUIRE(games->size() == 3);
  const ScoreboardGame* sac_gsw = nullptr;
  for (const auto& g : games.value()) {
    if (g.game.game_id == "0042200163") sac_gsw = &g;
  }
  REQUIRE(sac_gsw != nullptr);
  CHECK(sac_gsw->game.date == "2023-04-20");
  CHECK(sac_gsw->game.home == "GSW");
  CHECK(sac_gsw->game.away == "SAC");
  CHECK(sac_gsw->game.home_pts == 39);
  CHECK(sac_gsw->status == GameStatus::kInProgress);
  CHECK(sac_gsw->status_text == "Q2 07:15");
  CHECK(sac_gsw->period == 2);
  CHECK(sac_gsw->clock == "7:15");
  REQUIRE(sac_gsw->home_leader.has_value());
  CHECK(sac_gsw->home_leader->name == "Andrew Wiggins");
  CHECK(sac_gsw->home_leader->pts == 11);
  REQUIRE(sac_gsw->away_leader.has_value());
  CHECK(sac_gsw->away_leader->name == "De'Aaron Fox");
  CHECK(sac_gsw->away_leader->reb == 5);
}

TEST_CASE("scoreboard parser: scheduled games, odd values, and wrong shapes") {
  const json response = json::parse(R"({"scoreboard":{"gameDate":"2026-03-01","games":[
      {"gameId":"0022500900","gameStatus":1,"gameStatusText":"7:30 pm ET","period":0,
       "gameClock":"","gameEt":"2026-03-01T19:30:00Z",
       "homeTeam":{"teamTricode":"BOS","score":0},"awayTeam":{"teamTricode":"NYK","score":0},
       "gameLeaders":{"homeLeaders":{"personId":0},"awayLeaders":null}},
      {"gameId":"0022500899","gameStatus":3,"gameStatusText":"Final/OT","period":5,
       "homeTeam":{"teamTricode":"LAL","score":"x"},"awayTeam":{"teamTricode":"DEN","score":121}}
      ]}})");
  auto games = parseScoreboard(response, "t", Season{2025}, testing::franchises());
  REQUIRE_MESSAGE(games.ok(), games.status().message());
  REQUIRE(games->size() == 2);
  CHECK(games->at(0).game.game_id == "0022500899");  // ordered by id
  CHECK(games->at(0).game.date == "2026-03-01");     // no gameEt: the board's date
  CHECK(games->at(0).game.home_pts == 0);            // "x" is no score
  CHECK(games->at(0).status == GameStatus::kFinal);
  CHECK(games->at(1).status == GameStatus::kScheduled);
  CHECK(games->at(1).clock.empty());
  CHECK_FALSE(games->at(1).home_leader.has_value());
  // An All-Star or exhibition team is not one of the 30: that game is left out, not the day.
  const json all_star = json::parse(
      R"({"scoreboard":{"gameDate":"2026-02-15","games":[{"gameId":"0032500001","gameStatus":3,
          "homeTeam":{"teamTricode":"LBN"},"awayTeam":{"teamTricode":"GNS"}}]}})");
  auto skipped = parseScoreboard(all_star, "t", Season{2025}, testing::franchises());
  REQUIRE(skipped.ok());
  CHECK(skipped->empty());
  for (const char* bad : {R"({"scoreboard":{"games":{}}})", R"([1])", R"({"scoreboard":{}})",
                          R"({"scoreboard":{"games":[1]}})"}) {
    const json odd = json::parse(bad);
    auto rejected = parseScoreboard(odd, "t", Season{2025}, testing::franchises());
    CHECK_FALSE(rejected.ok());
  }
}

TEST_CASE("NBA.com game clock as people read it") {
  CHECK(gameClockText("PT07M15.00S") == "7:15");
  CHECK(gameClockText("PT00M04.20S") == "0:04");
  CHECK(gameClockText("PT12M00.00S") == "12:00");
  for (const char* bad : {"", "PT", "7:15", "PTxxM15.00S", "PT07M75.00S", "PT07S15M"}) {
    CHECK_MESSAGE(gameClockText(bad).empty(), bad);
  }
}

}  // namespace
}  // namespace nba::live
