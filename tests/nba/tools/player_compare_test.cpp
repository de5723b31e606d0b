#include <doctest/doctest.h>

#include "player_tool_support.h"
#include "support/tool_markdown.h"

using nba::testing::checkRequiredMembers;
using nba::testing::contains;
using nba::testing::rejectedBySchema;
using nlohmann::json;

namespace {

nba::tools::ToolAnswer compare(const json& arguments) {
  return nba::testing::runPlayerTool("compare_players", arguments);
}

const json& statEntry(const json& structured, const std::string& code) {
  for (const auto& entry : structured["stats"]) {
    if (entry["code"] == code) {
      return entry;
    }
  }
  FAIL("no stat " << code);
  static const json kNone;
  return kNone;
}

}  // namespace

TEST_CASE("compare_players: LeBron James vs Kevin Durant 2024-25") {
  auto answer = compare({{"players", {"LeBron James", "Kevin Durant"}}, {"season", "2024-25"}});
  REQUIRE_FALSE(answer.is_error);
  const json& s = answer.structured;
  CHECK(s["players"][0]["id"] == "2544");
  CHECK(s["players"][1]["id"] == "201142");
  CHECK(s["players"][1]["team"] == "PHX");
  const json& pts = statEntry(s, "PTS");
  CHECK(pts["values"][0].get<double>() == doctest::Approx(24.4));
  CHECK(pts["values"][1].get<double>() == doctest::Approx(26.6));
  CHECK(pts["leader_id"] == "201142");
  CHECK(statEntry(s, "REB")["leader_id"] == "2544");        // 7.8 vs 6.0
  CHECK(statEntry(s, "AST")["leader_id"] == "2544");        // 8.2 vs 4.2
  CHECK(statEntry(s, "FG3_PCT")["leader_id"] == "201142");  // .430 vs .376
  // Lower is better: turnovers 3.7 vs 3.1, fouls 1.4 vs 1.7.
  CHECK(statEntry(s, "TOV")["leader_id"] == "201142");
  CHECK(statEntry(s, "PF")["leader_id"] == "2544");
  // Equal shown values tie: 2.1 vs 2.6 threes is not a tie, steals 1.0 vs 0.8 is LeBron.
  CHECK(statEntry(s, "STL")["leader_id"] == "2544");
  // Volume stats are shown, not marked.
  CHECK(statEntry(s, "GP")["compared"] == false);
  CHECK(statEntry(s, "GP")["leader_id"].is_null());
  CHECK(statEntry(s, "USG_PCT")["leader_ids"].empty());
  checkRequiredMembers("compare_players", s);
  CHECK(contains(markdownOf(answer), "| PTS | 24.4 | 26.6 ▲ |"));
  CHECK(contains(markdownOf(answer), "| TOV | 3.7 | 3.1 ▲ |"));
  CHECK(contains(markdownOf(answer), "LeBron James had 24.4 points, 7.8 rebounds and 8.2 assists"));
  CHECK(contains(markdownOf(answer), "(as of 2025-04-13)"));
}

TEST_CASE("compare_players: Tatum vs Brown, ties, and stats the season lacks") {
  auto answer = compare({{"players", {"Tatum", "Jaylen Brown"}}, {"season", "2024-25"}});
  REQUIRE_FALSE(answer.is_error);
  const json& s = answer.structured;
  CHECK(statEntry(s, "PTS")["values"] == json::array({26.8, 22.2}));
  CHECK(statEntry(s, "PTS")["leader_id"] == "1628369");
  CHECK(statEntry(s, "FG_PCT")["leader_id"] == "1627759");  // .463 vs .452
  // Both 1.1/1.2 steals: Brown 1.2 leads.
  CHECK(statEntry(s, "STL")["leader_id"] == "1627759");

  // A tie: LeBron and SGA both made 2.1 threes a game in 2024-25: both ids, no single
  // leader, no mark.
  auto tie = compare({{"players", {"LeBron", "SGA"}}, {"season", "2024-25"}});
  const json& threes = statEntry(tie.structured, "FG3M");
  CHECK(threes["compared"] == true);
  CHECK(threes["leader_id"].is_null());
  CHECK(threes["leader_ids"] == json::array({"2544", "1628983"}));
  CHECK(contains(markdownOf(tie), "| 3PM | 2.1 | 2.1 |"));

  // 2023-24 has no PER: not compared, left out of the table.
  auto older = compare({{"players", {"Tatum", "Jaylen Brown"}}, {"season", "2023-24"}});
  CHECK(statEntry(older.structured, "PER")["compared"] == false);
  CHECK_FALSE(contains(markdownOf(older), "| PER |"));
}

TEST_CASE("compare_players: four players, and a traded one") {
  auto answer = compare({{"players", {"SGA", "Jokic", "Giannis", "Luka"}}, {"season", "2024-25"}});
  REQUIRE_FALSE(answer.is_error);
  CHECK(answer.structured["players"].size() == 4);
  CHECK(statEntry(answer.structured, "PTS")["leader_id"] == "1628983");
  CHECK(answer.structured["players"][3]["traded"] == true);
  CHECK(answer.structured["players"][3]["team"] == "LAL");
  CHECK(contains(markdownOf(answer), "Luka Dončić (DAL and LAL)"));
}

TEST_CASE("compare_players: errors name the player at fault") {
  auto unknown = compare({{"players", {"LeBron", "Zzyzx Qwerty"}}});
  CHECK(unknown.is_error);
  CHECK(contains(markdownOf(unknown), "Player 2 ('Zzyzx Qwerty')"));
  auto same = compare({{"players", {"LeBron", "LeBron James"}}});
  CHECK(same.is_error);
  CHECK(contains(markdownOf(same), "are the same player"));
  auto rookie = compare({{"players", {"LeBron", "Cooper Flagg"}}, {"season", "2024-25"}});
  CHECK(rookie.is_error);
  CHECK(contains(markdownOf(rookie), "Cooper Flagg has no 2024-25 line"));
  auto playoffs = compare({{"players", {"LeBron", "KD"}}, {"season_type", "Playoffs"}});
  CHECK(playoffs.is_error);
}

TEST_CASE("compare_players: the input schema rejects bad player lists") {
  const std::string tool = "compare_players";
  CHECK_FALSE(rejectedBySchema(tool, {{"players", {"LeBron", "KD"}}}));
  CHECK_FALSE(rejectedBySchema(tool, {{"players", {"A", "B", "C", "D"}}}));
  CHECK(rejectedBySchema(tool, {{"players", {"LeBron"}}}));
  CHECK(rejectedBySchema(tool, {{"players", {"a", "b", "c", "d", "e", "f", "g", "h", "i"}}}));
  CHECK(rejectedBySchema(tool, {{"players", {"LeBron", "LeBron"}}}));
  CHECK(rejectedBySchema(tool, {{"players", "LeBron, KD"}}));
  CHECK(rejectedBySchema(tool, {{"players", {"LeBron", 23}}}));
  CHECK(rejectedBySchema(tool, {{"players", {"LeBron", std::string(101, 'k')}}}));
  CHECK(rejectedBySchema(tool, {{"players", {"LeBron", "KD"}}, {"limit", 5}}));
  CHECK(rejectedBySchema(tool, json::object()));
}
