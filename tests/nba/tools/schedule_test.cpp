#include <doctest/doctest.h>

#include "game_tool_test_support.h"
#include "support/tool_markdown.h"

using nba::testing::games::contains;
using nba::testing::games::inputViolations;
using nba::testing::games::runGameTool;
using nlohmann::json;

namespace {

nba::tools::ToolAnswer schedule(const json& arguments) {
  return runGameTool("get_schedule", arguments);
}

}  // namespace

TEST_CASE("get_schedule: the Celtics' first five games of 2024-25") {
  auto answer = schedule({{"team", "Celtics"}, {"season", "2024-25"}, {"limit", 5}});
  REQUIRE_FALSE(answer.is_error);
  const json& s = answer.structured;
  CHECK(s["team"] == "BOS");
  CHECK(s["total"] == 82);
  CHECK(s["returned"] == 5);
  CHECK(s["truncated"] == true);
  const json& games = s["games"];
  REQUIRE(games.size() == 5);
  CHECK(games[0]["date"] == "2024-10-22");
  CHECK(games[0]["opponent"] == "NYK");
  CHECK(games[0]["home_game"] == true);
  CHECK(games[0]["home_pts"] == 132);
  CHECK(games[0]["away_pts"] == 109);
  CHECK(games[0]["result"] == "W");
  CHECK(games[1]["date"] == "2024-10-24");
  CHECK(games[1]["opponent"] == "WAS");
  CHECK(games[1]["home_game"] == false);
  CHECK(games[4]["date"] == "2024-10-30");
  CHECK(games[4]["opponent"] == "IND");
  CHECK(games[4]["result"] == "L");
  CHECK(games[4]["home_pts"] == 135);
  CHECK(contains(markdownOf(answer),
                 "The Boston Celtics played 82 games in 2024-25; the 5 shown "
                 "went 4-1."));
  CHECK(contains(markdownOf(answer), "Showing the first 5 of 82"));
  CHECK(contains(markdownOf(answer), "upcoming games are not in this data"));
  // The table names each opponent in full; the score keeps the abbreviations.
  CHECK(contains(markdownOf(answer), "| 2024-10-22 | vs New York Knicks | W | BOS 132, NYK 109 |"));
  CHECK(contains(markdownOf(answer), "| 2024-10-24 | @ Washington Wizards | W |"));
}

TEST_CASE("get_schedule: date ranges pick the seasons and filter the games") {
  auto day = schedule({{"date_from", "2025-01-23"}, {"date_to", "2025-01-23"}});
  REQUIRE_FALSE(day.is_error);
  CHECK(day.structured["season"] == "2024-25");
  CHECK(day.structured["total"] == 9);
  CHECK(day.structured["truncated"] == false);

  auto across = schedule({{"team", "LAL"}, {"date_from", "2024-04-01"}, {"date_to", "2024-10-31"}});
  REQUIRE_FALSE(across.is_error);
  CHECK(across.structured["season"] == "2023-24 to 2024-25");
  CHECK(across.structured["games"][0]["date"].get<std::string>() >= "2024-04-01");
  CHECK(across.structured["games"].back()["date"].get<std::string>() <= "2024-10-31");

  auto empty = schedule({{"date_from", "2024-11-28"}, {"date_to", "2024-11-28"}});
  REQUIRE_FALSE(empty.is_error);
  CHECK(empty.structured["total"] == 0);
  // Thanksgiving 2024 had no games. It read "0 games … from 2024-11-28 to 2024-11-28".
  CHECK(contains(markdownOf(empty), "There were no games in 2024-25 on 2024-11-28."));
  // Chicago did not play on Christmas 2024 (games_2024-25.csv); one game is "1 game".
  auto bulls =
      schedule({{"team", "Bulls"}, {"date_from", "2024-12-25"}, {"date_to", "2024-12-25"}});
  CHECK(contains(markdownOf(bulls), "The Chicago Bulls played no games in 2024-25 on 2024-12-25."));
  auto lakers =
      schedule({{"team", "Lakers"}, {"date_from", "2024-12-25"}, {"date_to", "2024-12-25"}});
  CHECK(contains(markdownOf(lakers),
                 "The Los Angeles Lakers played 1 game in 2024-25 on 2024-12-25"));
}

TEST_CASE("get_schedule: this season by default, from its first game") {
  auto answer = schedule(json::object());
  REQUIRE_FALSE(answer.is_error);
  CHECK(answer.structured["season"] == "2025-26");
  CHECK(answer.structured["as_of"] == "2026-02-21");
  CHECK(answer.structured["returned"] == 20);
  CHECK(answer.structured["games"][0]["date"] == "2025-10-21");
}

TEST_CASE("get_schedule: home_away keeps a team's home or road games") {
  // Lakers 2024-25: 31-10 at home, 19-22 on the road (derived games, bbref splits).
  auto home =
      schedule({{"team", "Lakers"}, {"season", "2024-25"}, {"home_away", "home"}, {"limit", 100}});
  REQUIRE_FALSE(home.is_error);
  CHECK(home.structured["home_away"] == "home");
  CHECK(home.structured["total"] == 41);
  const json& games = home.structured["games"];
  REQUIRE(games.size() == 41);
  CHECK(games[0]["date"] == "2024-10-22");
  CHECK(games[0]["opponent"] == "MIN");
  CHECK(games[1]["date"] == "2024-10-25");
  for (const json& game : games) CHECK(game["home_game"] == true);
  CHECK(contains(markdownOf(home),
                 "The Los Angeles Lakers played 41 games at home in 2024-25; the 41 shown "
                 "went 31-10."));

  auto road =
      schedule({{"team", "LAL"}, {"season", "2024-25"}, {"home_away", "away"}, {"limit", 100}});
  REQUIRE_FALSE(road.is_error);
  CHECK(road.structured["total"] == 41);
  CHECK(road.structured["games"][0]["date"] == "2024-10-28");
  CHECK(road.structured["games"][0]["opponent"] == "PHX");
  CHECK(contains(markdownOf(road), "41 games on the road in 2024-25; the 41 shown went 19-22."));

  auto all = schedule({{"team", "LAL"}, {"season", "2024-25"}});
  CHECK(all.structured["home_away"].is_null());
  CHECK(all.structured["total"] == 82);
}

TEST_CASE("get_schedule: last_n keeps a team's most recent played games, oldest first") {
  auto last = schedule({{"team", "Sixers"}, {"season", "2024-25"}, {"last_n", 5}});
  REQUIRE_FALSE(last.is_error);
  const json& games = last.structured["games"];
  REQUIRE(games.size() == 5);
  CHECK(games[0]["date"] == "2025-04-05");
  CHECK(games[0]["opponent"] == "MIN");
  CHECK(games[4]["date"] == "2025-04-13");
  CHECK(games[4]["opponent"] == "CHI");
  CHECK(games[4]["result"] == "L");
  CHECK(last.structured["total"] == 82);
  CHECK(last.structured["returned"] == 5);
  CHECK(contains(markdownOf(last),
                 "The Philadelphia 76ers played 82 games in 2024-25; the last 5 went 1-4."));
  CHECK(contains(markdownOf(last), "Showing the last 5 of 82; raise `last_n` for more."));
  CHECK(contains(markdownOf(last), "| 2025-04-13 | vs Chicago Bulls | L | CHI 122, PHI 102 |"));
  // After the other filters: the last 2 road games; more than played is every game.
  auto road =
      schedule({{"team", "PHI"}, {"season", "2024-25"}, {"home_away", "away"}, {"last_n", 2}});
  REQUIRE(road.structured["games"].size() == 2);
  CHECK(road.structured["games"][1]["date"] == "2025-04-09");
  CHECK(road.structured["games"][1]["opponent"] == "WAS");
  auto range = schedule(
      {{"team", "PHI"}, {"date_from", "2025-04-01"}, {"date_to", "2025-04-13"}, {"last_n", 50}});
  CHECK(range.structured["returned"] == range.structured["total"]);
  CHECK(schedule({{"team", "PHI"}, {"last_n", 0}}).is_error);
  CHECK(contains(markdownOf(schedule({{"team", "PHI"}, {"last_n", 83}})),
                 "last_n must be between 1 and 82."));
}

TEST_CASE("get_schedule: errors a person can act on") {
  auto no_team = schedule({{"home_away", "home"}});
  REQUIRE(no_team.is_error);
  CHECK(contains(markdownOf(no_team), "home_away needs a team"));
  auto neither = schedule({{"team", "LAL"}, {"home_away", "neutral"}});
  REQUIRE(neither.is_error);
  CHECK(contains(markdownOf(neither), "home_away must be \"home\" or \"away\""));
  auto reversed = schedule({{"date_from", "2025-02-01"}, {"date_to", "2025-01-01"}});
  REQUIRE(reversed.is_error);
  CHECK(contains(markdownOf(reversed), "date_from 2025-02-01 is after date_to 2025-01-01"));
  auto upcoming = schedule({{"team", "Knicks"}, {"date_from", "2026-03-01"}});
  REQUIRE(upcoming.is_error);
  CHECK(contains(markdownOf(upcoming), "played games only, up to 2026-02-21"));
  CHECK(contains(markdownOf(upcoming), "live NBA.com origin"));
  auto outside = schedule({{"date_from", "2019-01-01"}, {"date_to", "2019-02-01"}});
  REQUIRE(outside.is_error);
  CHECK(contains(markdownOf(outside), "2024-25: 2024-10-22 to 2025-04-13"));
  CHECK(schedule({{"date_from", "2025-02-30"}}).is_error);
  CHECK(schedule({{"team", "Nobody FC"}}).is_error);
}

TEST_CASE("get_schedule: the input schema") {
  CHECK(inputViolations("get_schedule", {{"team", "BOS"}, {"limit", 100}}).empty());
  for (json limit : {json(0), json(-1), json(1000000000), json("20"), json(2.5)}) {
    CAPTURE(limit);
    CHECK(contains(inputViolations("get_schedule", {{"limit", limit}}), "limit"));
  }
  for (const char* date : {"2025-02-30", "yesterday-ish", "2025-1-1"}) {
    CAPTURE(date);
    CHECK(contains(inputViolations("get_schedule", {{"date_from", date}}), "date_from"));
    CHECK(contains(inputViolations("get_schedule", {{"date_to", date}}), "date_to"));
  }
  CHECK(contains(inputViolations("get_schedule", {{"team", json::array({"BOS"})}}), "team"));
  CHECK(contains(inputViolations("get_schedule", {{"teams", "BOS"}}), "teams"));
  CHECK(contains(inputViolations("get_schedule", {{"team", "BOS"}, {"home_away", "road"}}),
                 "home_away"));
  CHECK(contains(inputViolations("get_schedule", {{"team", "BOS"}, {"home_away", true}}),
                 "home_away"));
}
