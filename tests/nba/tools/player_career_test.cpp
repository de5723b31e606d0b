#include <doctest/doctest.h>

#include "player_tool_support.h"
#include "support/tool_markdown.h"

using nba::testing::checkRequiredMembers;
using nba::testing::contains;
using nba::testing::rejectedBySchema;
using nlohmann::json;

namespace {

nba::tools::ToolAnswer career(const json& arguments) {
  return nba::testing::runPlayerTool("get_player_career", arguments);
}

}  // namespace

TEST_CASE("get_player_career: LeBron's seasons in the data and totals recomputed from them") {
  auto answer = career({{"player", "LeBron James"}, {"per_mode", "Totals"}});
  REQUIRE_FALSE(answer.is_error);
  const json& s = answer.structured;
  REQUIRE(s["rows"].size() == 3);
  CHECK(s["rows"][0]["season"] == "2023-24");
  CHECK(s["rows"][0]["pts"] == 1822);
  CHECK(s["rows"][1]["pts"] == 1710);
  CHECK(s["rows"][2]["pts"] == 804);
  CHECK(s["career"]["seasons"] == 3);
  CHECK(s["career"]["gp"] == 178);  // 71 + 70 + 37
  CHECK(s["career"]["pts"] == 4336);
  CHECK(s["career"]["gs"].is_null());  // 2025-26 has no games started
  CHECK(s["career"]["per"].is_null());
  CHECK(s["complete_career"] == false);
  CHECK(s["first_season"] == "2003-04");
  CHECK(s["seasons_in_data"] == json::array({"2023-24", "2024-25", "2025-26"}));
  CHECK(s["season"].is_null());
  checkRequiredMembers("get_player_career", s);
  // The sentence is honest about the window.
  CHECK(contains(markdownOf(answer), "3 seasons in the data (2023-24 to 2025-26)"));
  CHECK(contains(markdownOf(answer), "178 games and 4,336 points, 24.4 points per game"));
  CHECK(contains(markdownOf(answer), "played since 2003-04, so this is not his full career"));
  CHECK(contains(markdownOf(answer), "| Career (in data) | LAL |"));

  auto per_game = career({{"player", "LeBron"}});
  const json& c = per_game.structured["career"];
  CHECK(c["pts"].get<double>() == doctest::Approx(24.4));  // 4336 / 178
  CHECK(per_game.structured["rows"][1]["pts"].get<double>() == doctest::Approx(24.4));
  // Percentages from makes and attempts: (685 + 651 + 300) / (1269 + 1270 + 601).
  CHECK(c["fg_pct"].get<double>() == doctest::Approx(0.521));
}

TEST_CASE("get_player_career: as of the newest season's player lines, not its games") {
  // 2025-26's player lines end on 2026-02-21; its games run to 2026-02-27.
  auto answer = career({{"player", "Anthony Edwards"}});
  REQUIRE_FALSE(answer.is_error);
  CHECK(answer.structured["as_of"] == "2026-02-21");
  CHECK(answer.structured["rows"][2]["gp"] == 47);
  CHECK(contains(markdownOf(answer), "(as of 2026-02-21)"));
  CHECK(contains(markdownOf(answer), "2025-26 is in progress: figures through 2026-02-21."));
  CHECK_FALSE(contains(markdownOf(answer), "2026-02-27"));
  // Running into a season in progress, the career is partial (it said complete: blind audit).
  CHECK(answer.structured["coverage"] == "partial");
}

TEST_CASE("get_player_career: a traded season is one row with both teams") {
  auto luka = career({{"player", "Luka"}});
  REQUIRE_FALSE(luka.is_error);
  const json& rows = luka.structured["rows"];
  REQUIRE(rows.size() == 3);
  CHECK(rows[1]["teams"] == json::array({"DAL", "LAL"}));
  CHECK(rows[1]["gp"] == 50);
  CHECK(luka.structured["career"]["teams"] == json::array({"DAL", "LAL"}));
  CHECK(luka.structured["career"]["gp"] == 70 + 50 + 43);
}

TEST_CASE("get_player_career: a rookie's career is whole and says so") {
  auto flagg = career({{"player", "Cooper Flagg"}});
  REQUIRE_FALSE(flagg.is_error);
  CHECK(flagg.structured["rows"].size() == 1);
  CHECK(flagg.structured["complete_career"] == true);
  CHECK(contains(markdownOf(flagg), "includes his whole career so far"));
  CHECK(contains(markdownOf(flagg), "2025-26 is in progress"));
}

TEST_CASE("get_player_career at 2025-04-14 shows only the seasons begun by then") {
  // Wembanyama, bbref totals: 2023-24 71 G / 1522 PTS, 2024-25 46 G / 1116 PTS. The snapshot
  // also holds 2025-26 (42 G / 1021 PTS to 2026-02-21), which at this clock has not started.
  auto answer = nba::testing::runPlayerTool(
      "get_player_career", {{"player", "Victor Wembanyama"}, {"per_mode", "Totals"}},
      nba::testing::snapshotEnvAtGoldenClock());
  REQUIRE_FALSE(answer.is_error);
  const json& s = answer.structured;
  REQUIRE(s["rows"].size() == 2);
  CHECK(s["rows"][0]["season"] == "2023-24");
  CHECK(s["rows"][0]["gp"] == 71);
  CHECK(s["rows"][0]["pts"] == 1522);
  CHECK(s["rows"][1]["season"] == "2024-25");
  CHECK(s["rows"][1]["gp"] == 46);
  CHECK(s["rows"][1]["pts"] == 1116);
  CHECK(s["career"]["seasons"] == 2);
  CHECK(s["career"]["gp"] == 117);     // 71 + 46
  CHECK(s["career"]["pts"] == 2638);   // 1522 + 1116
  CHECK(s["coverage"] == "complete");  // both seasons finished by then
  CHECK(s["seasons_in_data"] == json::array({"2023-24", "2024-25"}));
  CHECK(s["as_of"] == "2025-04-13");
  CHECK(contains(markdownOf(answer), "2 seasons in the data (2023-24 to 2024-25)"));
  CHECK(contains(markdownOf(answer), "117 games and 2,638 points, 22.5 points per game"));
  CHECK_FALSE(contains(markdownOf(answer), "2025-26"));

  // At 2026-02-22 the 2025-26 row is there.
  auto later = career({{"player", "Victor Wembanyama"}, {"per_mode", "Totals"}});
  REQUIRE(later.structured["rows"].size() == 3);
  CHECK(later.structured["rows"][2]["season"] == "2025-26");
  CHECK(later.structured["rows"][2]["gp"] == 42);
  CHECK(later.structured["rows"][2]["pts"] == 1021);
  CHECK(later.structured["career"]["pts"] == 2638 + 1021);
}

TEST_CASE("get_player_career: errors and schema") {
  CHECK(career({{"player", "Zzyzx Qwerty"}}).is_error);
  const std::string tool = "get_player_career";
  CHECK_FALSE(rejectedBySchema(tool, {{"player", "LeBron"}, {"per_mode", "Totals"}}));
  CHECK(rejectedBySchema(tool, {{"player", "LeBron"}, {"season", "2024-25"}}));
  CHECK(rejectedBySchema(tool, {{"player", 1}}));
  CHECK(rejectedBySchema(tool, {{"player", "LeBron"}, {"per_mode", 36}}));
  CHECK(rejectedBySchema(tool, {{"player", std::string(5000, 'a')}}));
}
