#include <doctest/doctest.h>

#include "game_tool_test_support.h"
#include "support/tool_markdown.h"

using nba::testing::games::contains;
using nba::testing::games::inputViolations;
using nba::testing::games::runGameTool;
using nlohmann::json;

namespace {

nba::tools::ToolAnswer headToHead(const json& arguments) {
  return runGameTool("get_head_to_head", arguments);
}

}  // namespace

TEST_CASE("get_head_to_head: Lakers and Celtics split 2024-25 1-1") {
  auto answer = headToHead({{"team_a", "Lakers"}, {"team_b", "Celtics"}, {"season", "2024-25"}});
  REQUIRE_FALSE(answer.is_error);
  const json& s = answer.structured;
  CHECK(s["team_a"]["abbr"] == "LAL");
  CHECK(s["team_b"]["abbr"] == "BOS");
  CHECK(s["series"]["team_a_wins"] == 1);
  CHECK(s["series"]["team_b_wins"] == 1);
  CHECK(s["series"]["leader"].is_null());
  CHECK(s["season_complete"] == true);
  REQUIRE(s["games"].size() == 2);
  CHECK(s["games"][0]["date"] == "2025-01-23");
  CHECK(s["games"][0]["home"] == "LAL");
  CHECK(s["games"][0]["home_pts"] == 117);
  CHECK(s["games"][0]["away_pts"] == 96);
  CHECK(s["games"][1]["date"] == "2025-03-08");
  CHECK(s["games"][1]["home"] == "BOS");
  CHECK(s["games"][1]["home_pts"] == 111);
  CHECK(s["games"][1]["away_pts"] == 101);
  CHECK(s["games"][1]["winner"] == "BOS");
  CHECK(contains(markdownOf(answer),
                 "split their 2024-25 series 1-1 in 2 games: LAL 117–96 on 2025-01-23, "
                 "BOS 111–101 on 2025-03-08."));
}

TEST_CASE("get_head_to_head: 2023-24 pairs, a leader and the Cup final left out") {
  auto celtics = headToHead({{"team_a", "BOS"}, {"team_b", "LAL"}, {"season", 2024}});
  REQUIRE_FALSE(celtics.is_error);
  CHECK(celtics.structured["season"] == "2023-24");
  REQUIRE(celtics.structured["games"].size() == 2);
  CHECK(celtics.structured["games"][0]["game_id"] == "0022300403");
  CHECK(celtics.structured["games"][0]["winner"] == "BOS");  // 126-115 at LAL, 2023-12-25
  CHECK(celtics.structured["games"][1]["winner"] == "LAL");  // 114-105 at BOS, 2024-02-01
  CHECK(celtics.structured["series"]["team_a_wins"] == 1);

  auto cup = headToHead({{"team_a", "Bucks"}, {"team_b", "Thunder"}, {"season", "2024-25"}});
  REQUIRE_FALSE(cup.is_error);
  bool saw_final = false;
  int counted = 0;
  for (const auto& game : cup.structured["games"]) {
    if (game["kind"] == "cup_final") {
      saw_final = true;
      CHECK(game["counts_in_series"] == false);
      CHECK(game["winner"] == "MIL");
    } else {
      ++counted;
    }
  }
  CHECK(saw_final);
  // derived/games_2024-25.csv: OKC 125-96 MIL on 2025-02-03 and 121-105 at MIL on 2025-03-16;
  // the Cup final (MIL 97-81) does not count, so OKC took the series 2-0.
  CHECK(counted == 2);
  CHECK(cup.structured["series"]["team_a_wins"] == 0);  // team_a is the Bucks
  CHECK(cup.structured["series"]["team_b_wins"] == 2);
  // It said "2-0 in 3 games" (blind audit).
  CHECK(contains(markdownOf(cup),
                 "2-0 in 2 games (and the NBA Cup final, which the series does not count): "));
}

TEST_CASE("get_head_to_head: this season by default, partial season wording") {
  auto answer = headToHead({{"team_a", "Celtics"}, {"team_b", "Lakers"}});
  REQUIRE_FALSE(answer.is_error);
  CHECK(answer.structured["season"] == "2025-26");
  CHECK(answer.structured["season_complete"] == false);
  CHECK(answer.structured["games"][0]["date"] == "2025-12-05");
  CHECK(answer.structured["games"][0]["home_pts"] == 126);
}

TEST_CASE("get_head_to_head: errors a person can act on") {
  auto same = headToHead({{"team_a", "Lakers"}, {"team_b", "LAL"}});
  REQUIRE(same.is_error);
  CHECK(contains(markdownOf(same), "both the Los Angeles Lakers"));
  auto unknown = headToHead({{"team_a", "Lakers"}, {"team_b", "Qwertyuiop"}});
  REQUIRE(unknown.is_error);
  CHECK(contains(markdownOf(unknown), "No team matches"));
  auto ambiguous = headToHead({{"team_a", "LA"}, {"team_b", "Celtics"}});
  REQUIRE(ambiguous.is_error);
  CHECK(contains(markdownOf(ambiguous), "several teams"));
  auto old = headToHead({{"team_a", "Lakers"}, {"team_b", "Celtics"}, {"season", "2019-20"}});
  REQUIRE(old.is_error);
  CHECK(contains(markdownOf(old), "2023-24"));
}

TEST_CASE("get_head_to_head: the input schema") {
  CHECK(inputViolations("get_head_to_head", {{"team_a", "LAL"}, {"team_b", "BOS"}}).empty());
  CHECK(contains(inputViolations("get_head_to_head", {{"team_a", "LAL"}}), "team_b"));
  CHECK(
      contains(inputViolations("get_head_to_head", {{"team_a", 1}, {"team_b", "BOS"}}), "team_a"));
  CHECK(contains(
      inputViolations("get_head_to_head", {{"team_a", std::string(500, 'a')}, {"team_b", "B"}}),
      "team_a"));
  CHECK(contains(
      inputViolations("get_head_to_head", {{"team_a", "LAL"}, {"team_b", "BOS"}, {"x", 1}}), "x"));
  CHECK(contains(inputViolations("get_head_to_head",
                                 {{"team_a", "LAL"}, {"team_b", "BOS"}, {"season", 1000000000}}),
                 "season"));
}
