// leaguegamelog with PlayerOrTeam=P: every player's game lines of a season in one response.
#include <doctest/doctest.h>

#include "live_fixture.h"
#include "origin/live/stats_parsers.h"

namespace nba::live {
namespace {

using nlohmann::json;

// NBA.com's LeagueGameLog (P) columns, in a shortened order.
const json kHeaders = json::parse(R"(["SEASON_ID", "PLAYER_ID", "PLAYER_NAME", "TEAM_ABBREVIATION",
    "GAME_ID", "GAME_DATE", "MATCHUP", "WL", "MIN", "FGM", "FGA", "FG3M", "FG3A", "FTM", "FTA",
    "OREB", "DREB", "REB", "AST", "STL", "BLK", "TOV", "PF", "PTS", "PLUS_MINUS"])");

// One row: who, which game, then MIN FGM FGA FG3M FG3A FTM FTA OREB DREB REB AST STL BLK TOV PF
// PTS PLUS_MINUS as one JSON array text.
json logRow(json player_id, const char* name, const char* team, const char* game_id,
            const char* date, const char* matchup, const char* wl, const char* counts) {
  json row = json::array({"22025", std::move(player_id), name, team, game_id, date, matchup, wl});
  for (json& count : json::parse(counts)) row.push_back(std::move(count));
  return row;
}

// Donovan Mitchell's 48 at Washington, 2025-12-12 (the recorded playergamelog's line).
json mitchellAtWashington(json player_id = 1628378, const char* date = "2025-12-12") {
  return logRow(std::move(player_id), "Donovan Mitchell", "CLE", "0022501212", date, "CLE @ WAS",
                "W", "[35, 17, 31, 8, 15, 6, 6, 0, 4, 4, 4, 2, 0, 3, 1, 48, 9]");
}

TEST_CASE("league game log of players: every player's lines, by player then date") {
  const json rows = json::array(
      {mitchellAtWashington(),
       logRow(203999, "Nikola Jokić", "DEN", "0022500002", "2025-10-22", "DEN vs. GSW", "L",
              "[38, 10, 17, 1, 3, 6, 7, 4, 9, 13, 11, 1, 1, 4, 2, 27, null]"),
       logRow(1628378, "Donovan Mitchell", "CLE", "0022500171", "Nov 05, 2025", "CLE vs. PHI", "W",
              "[35, 15, 21, 6, 11, 10, 10, 0, 4, 4, 8, 1, 0, 2, 0, 46, 17]")});
  const json response = testing::statsResponse("LeagueGameLog", kHeaders, rows);
  auto parsed = parseLeagueGameLogPlayers(response, Season{2025});
  REQUIRE_MESSAGE(parsed.ok(), parsed.status().message());
  REQUIRE(parsed->size() == 3);
  CHECK(parsed->at(0).player_id == "1628378");
  CHECK(parsed->at(0).date == "2025-11-05");  // playergamelog's date format is read too
  CHECK(parsed->at(0).home);
  CHECK(parsed->at(1).date == "2025-12-12");
  CHECK(parsed->at(1).pts == 48);
  CHECK(parsed->at(1).fg3m == 8);
  CHECK(parsed->at(1).opponent == "WAS");
  CHECK_FALSE(parsed->at(1).home);
  CHECK(parsed->at(1).plus_minus == 9);
  CHECK(parsed->at(1).game_id == "0022501212");
  CHECK(parsed->at(2).player_id == "203999");
  CHECK(parsed->at(2).reb == 13);
  CHECK_FALSE(parsed->at(2).plus_minus.has_value());
  CHECK(parsed->at(2).season == Season{2025});
}

TEST_CASE("league game log of players: a row it cannot read is named, not guessed") {
  const json no_player = testing::statsResponse("LeagueGameLog", kHeaders,
                                                json::array({mitchellAtWashington(nullptr)}));
  auto rejected = parseLeagueGameLogPlayers(no_player, Season{2025});
  REQUIRE_FALSE(rejected.ok());
  CHECK(rejected.status().message() == "stats.nba.com leaguegamelog: row 1 has PLAYER_ID ''");
  const json bad_date = testing::statsResponse(
      "LeagueGameLog", kHeaders, json::array({mitchellAtWashington(1628378, "12th Dec")}));
  auto undated = parseLeagueGameLogPlayers(bad_date, Season{2025});
  REQUIRE_FALSE(undated.ok());
  CHECK(undated.status().message() ==
        "stats.nba.com leaguegamelog: row 1 has GAME_DATE '12th Dec'");
  // The team rows' response (PlayerOrTeam=T) has no PLAYER_ID column.
  const json team_rows =
      testing::statsResponse("LeagueGameLog", json::array({"TEAM_ID", "GAME_ID"}), json::array());
  auto wrong = parseLeagueGameLogPlayers(team_rows, Season{2025});
  REQUIRE_FALSE(wrong.ok());
  CHECK(wrong.status().message() ==
        "stats.nba.com leaguegamelog: the response has no column 'PLAYER_ID'");
}

}  // namespace
}  // namespace nba::live
