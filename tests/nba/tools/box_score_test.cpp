#include <doctest/doctest.h>

#include "game_tool_test_support.h"
#include "support/tool_markdown.h"

using nba::testing::games::contains;
using nba::testing::games::inputViolations;
using nba::testing::games::runGameTool;
using nlohmann::json;

namespace {

nba::tools::ToolAnswer boxScore(const json& arguments) {
  return runGameTool("get_box_score", arguments);
}

const json* playerLine(const json& structured, const std::string& player_id) {
  for (const auto& team : structured["teams"]) {
    for (const auto& line : team["players"]) {
      if (line["player_id"] == player_id) {
        return &line;
      }
    }
  }
  return nullptr;
}

}  // namespace

TEST_CASE("get_box_score: Christmas 2023 BOS at LAL from the partial game logs") {
  auto answer = boxScore({{"game_id", "0022300403"}});
  REQUIRE_FALSE(answer.is_error);
  const json& s = answer.structured;
  CHECK(s["season"] == "2023-24");
  CHECK(s["game"]["date"] == "2023-12-25");
  CHECK(s["game"]["home"] == "LAL");
  CHECK(s["game"]["away_pts"] == 126);
  CHECK(s["game"]["home_pts"] == 115);
  REQUIRE(s["teams"].size() == 2);
  CHECK(s["teams"][0]["team"] == "BOS");
  CHECK(s["teams"][0]["players"].size() == 9);
  CHECK(s["teams"][1]["team"] == "LAL");
  CHECK(s["teams"][1]["players"].size() == 9);
  const json* lebron = playerLine(s, "2544");
  REQUIRE(lebron != nullptr);
  CHECK((*lebron)["pts"] == 16);
  CHECK((*lebron)["reb"] == 9);
  CHECK((*lebron)["ast"] == 8);
  CHECK((*lebron)["min"] == 37);
  CHECK((*lebron)["plus_minus"] == -11);
  const json* davis = playerLine(s, "203076");
  REQUIRE(davis != nullptr);
  CHECK((*davis)["pts"] == 40);
  CHECK(contains(markdownOf(answer),
                 "The Boston Celtics beat the Los Angeles Lakers 126–115 on "
                 "2023-12-25 (game 0022300403)"));
  CHECK(contains(markdownOf(answer), "top scorer in the log: Anthony Davis (LAL) with 40 points"));
  // Every point of both teams is in the log for this game.
  CHECK(s["partial"] == false);
  CHECK(s["teams"][0]["listed_pts"] == 126);
  CHECK(s["teams"][1]["listed_pts"] == 115);
  CHECK(contains(markdownOf(answer), "account for every point of both teams"));
}

TEST_CASE("get_box_score: a game whose log misses scorers is marked partial") {
  auto answer = boxScore({{"game_id", "0022300008"}});
  REQUIRE_FALSE(answer.is_error);
  CHECK(answer.structured["partial"] == true);
  CHECK(answer.structured["teams"][1]["team"] == "DET");
  CHECK(answer.structured["teams"][1]["pts"] == 106);
  CHECK(answer.structured["teams"][1]["listed_pts"] == 83);
  CHECK(contains(markdownOf(answer), "Partial"));
  CHECK(contains(markdownOf(answer), "83 of DET's 106 points"));
}

TEST_CASE("get_box_score: by team and date gives the same game") {
  auto answer = boxScore({{"team", "Celtics"}, {"date", "2023-12-25"}});
  REQUIRE_FALSE(answer.is_error);
  CHECK(answer.structured["game"]["game_id"] == "0022300403");
  auto lebron_game = boxScore({{"team", "Lakers"}, {"date", "2023-10-24"}});
  REQUIRE_FALSE(lebron_game.is_error);
  const json* lebron = playerLine(lebron_game.structured, "2544");
  REQUIRE(lebron != nullptr);
  CHECK((*lebron)["pts"] == 21);
}

TEST_CASE("get_box_score: games without player lines say which origin has them") {
  auto later = boxScore({{"team", "Lakers"}, {"date", "2025-01-23"}});
  REQUIRE(later.is_error);
  CHECK(contains(markdownOf(later), "LAL 117, BOS 96"));
  CHECK(contains(markdownOf(later), "box scores need the live NBA.com origin"));
  CHECK(contains(markdownOf(later), "only for 2023-24"));
  auto current = boxScore({{"game_id", "0022500338"}});
  REQUIRE(current.is_error);
  CHECK(contains(markdownOf(current), "BOS 126, LAL 105"));
  auto playoff = boxScore({{"game_id", "0042300101"}});
  REQUIRE(playoff.is_error);
  CHECK(contains(markdownOf(playoff), "playoff game"));
  auto old = boxScore({{"game_id", "0021900001"}});
  REQUIRE(old.is_error);
  CHECK(contains(markdownOf(old), "2019-20"));
  auto missing = boxScore({{"game_id", "0022399999"}});
  REQUIRE(missing.is_error);
  CHECK(contains(markdownOf(missing), "No game with id 0022399999"));
}

TEST_CASE("get_box_score: argument errors a person can act on") {
  CHECK(contains(markdownOf(boxScore({{"game_id", "12345"}})), "not an NBA.com game id"));
  CHECK(contains(markdownOf(boxScore({{"game_id", "0092300403"}})), "not an NBA.com game id"));
  CHECK(boxScore(json::object()).is_error);
  CHECK(contains(markdownOf(boxScore({{"team", "Lakers"}})), "team and date"));
  CHECK(
      contains(markdownOf(boxScore({{"game_id", "0022300403"}, {"team", "Lakers"}})), "not both"));
  auto day_off = boxScore({{"team", "Lakers"}, {"date", "2023-12-26"}});
  REQUIRE(day_off.is_error);
  CHECK(contains(markdownOf(day_off), "did not play on 2023-12-26"));
  CHECK(contains(markdownOf(day_off), "previous game was on 2023-12-25"));
  CHECK(boxScore({{"team", "Lakers"}, {"date", "2025-02-30"}}).is_error);
  auto wrong_season = boxScore({{"game_id", "0022300403"}, {"season", "2024-25"}});
  REQUIRE(wrong_season.is_error);
  CHECK(contains(markdownOf(wrong_season), "in 2023-24, not 2024-25"));
}

TEST_CASE("get_box_score: the input schema") {
  CHECK(inputViolations("get_box_score", {{"game_id", "0022300403"}}).empty());
  CHECK(contains(inputViolations("get_box_score", {{"game_id", 22300403}}), "game_id"));
  CHECK(
      contains(inputViolations("get_box_score", {{"game_id", std::string(200, '0')}}), "game_id"));
  CHECK(contains(inputViolations("get_box_score", {{"team", "LAL"}, {"date", "yesterday-ish"}}),
                 "date"));
  CHECK(contains(inputViolations("get_box_score", {{"gameid", "0022300403"}}), "gameid"));
}
