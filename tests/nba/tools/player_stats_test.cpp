#include <doctest/doctest.h>

#include "player_tool_support.h"
#include "support/tool_markdown.h"

using nba::testing::checkRequiredMembers;
using nba::testing::contains;
using nba::testing::rejectedBySchema;
using nlohmann::json;

namespace {

nba::tools::ToolAnswer stats(const json& arguments) {
  return nba::testing::runPlayerTool("get_player_stats", arguments);
}

}  // namespace

TEST_CASE("get_player_stats: Gilgeous-Alexander 2024-25 per game and totals") {
  auto answer = stats({{"player", "SGA"}, {"season", "2024-25"}});
  REQUIRE_FALSE(answer.is_error);
  const json& line = answer.structured["line"];
  CHECK(answer.structured["player"]["id"] == "1628983");
  CHECK(answer.structured["season"] == "2024-25");
  CHECK(answer.structured["team"] == "OKC");
  CHECK(answer.structured["traded"] == false);
  CHECK(answer.structured["as_of"] == "2025-04-13");
  CHECK(answer.structured["source"] == "snapshot");
  CHECK(line["gp"] == 76);
  CHECK(line["gs"] == 76);
  CHECK(line["pts"].get<double>() == doctest::Approx(32.7));
  CHECK(line["fg_pct"].get<double>() == doctest::Approx(0.519));
  CHECK(line["ts_pct"].get<double>() == doctest::Approx(0.637));
  CHECK(line["usg_pct"].get<double>() == doctest::Approx(0.348));
  CHECK(line["per"].get<double>() == doctest::Approx(30.7));
  CHECK(line["ws"].get<double>() == doctest::Approx(16.7));
  CHECK(line["bpm"].get<double>() == doctest::Approx(11.5));
  CHECK(answer.meta["dev.nbamcp/season"] == "2024-25");
  CHECK(contains(markdownOf(answer), "## Shai Gilgeous-Alexander"));
  CHECK(contains(markdownOf(answer), "2024-25 (as of 2025-04-13)"));
  CHECK(contains(markdownOf(answer), "averaged 32.7 points"));
  CHECK(contains(markdownOf(answer), "| TS% | 63.7% |"));
  checkRequiredMembers("get_player_stats", answer.structured);

  auto totals =
      stats({{"player", "Shai Gilgeous-Alexander"}, {"season", 2025}, {"per_mode", "Totals"}});
  REQUIRE_FALSE(totals.is_error);
  CHECK(totals.structured["line"]["pts"] == 2484);
  CHECK(totals.structured["line"]["min"] == 2598);
  CHECK(contains(markdownOf(totals), "had 2,484 points"));

  auto per36 = stats({{"player", "SGA"}, {"season", "2024-25"}, {"per_mode", "Per36"}});
  // 2,484 points in 2,598 minutes: 34.4 per 36.
  CHECK(per36.structured["line"]["pts"].get<double>() == doctest::Approx(34.4));
  CHECK(per36.structured["per_mode"] == "Per36");
}

TEST_CASE("get_player_stats: 2024-25 rebound and assist lines, 2023-24 Dončić") {
  CHECK(stats({{"player", "Sabonis"}, {"season", "2024-25"}})
            .structured["line"]["reb"]
            .get<double>() == doctest::Approx(13.9));
  CHECK(stats({{"player", "Trae Young"}, {"season", "2024-25"}})
            .structured["line"]["ast"]
            .get<double>() == doctest::Approx(11.6));
  auto luka = stats({{"player", "Doncic"}, {"season", "2023-24"}, {"per_mode", "Totals"}});
  REQUIRE_FALSE(luka.is_error);
  CHECK(luka.structured["line"]["gp"] == 70);
  CHECK(luka.structured["line"]["pts"] == 2370);
  // 2023-24 has no advanced file: PER, WS, BPM, USG% are null and left out of the table.
  CHECK(luka.structured["line"]["per"].is_null());
  CHECK_FALSE(contains(markdownOf(luka), "| PER |"));
}

TEST_CASE("get_player_stats: a traded player gets his combined line and per-team lines") {
  auto luka = stats({{"player", "Luka Dončić"}, {"season", "2024-25"}, {"per_mode", "Totals"}});
  REQUIRE_FALSE(luka.is_error);
  const json& s = luka.structured;
  CHECK(s["traded"] == true);
  CHECK(s["team"] == "LAL");
  CHECK(s["teams"] == json::array({"DAL", "LAL"}));
  CHECK(s["line"]["gp"] == 50);
  CHECK(s["line"]["pts"] == 1408);
  REQUIRE(s["stints"].size() == 2);
  CHECK(s["stints"][0]["team"] == "DAL");
  CHECK(s["stints"][0]["gp"] == 22);
  CHECK(s["stints"][0]["pts"] == 619);
  CHECK(s["stints"][1]["team"] == "LAL");
  CHECK(s["stints"][1]["gp"] == 28);
  CHECK(s["stints"][1]["pts"] == 789);
  CHECK(contains(markdownOf(luka),
                 "| Stat | Season (all teams) | DAL | LAL |\n|---|---:|---:|---:|"));
  CHECK(contains(markdownOf(luka), "DAL and LAL; traded, last with LAL"));
  checkRequiredMembers("get_player_stats", s);
}

TEST_CASE("get_player_stats: traded in 2025-26, a combined line without stints") {
  // leaguedashplayerstats 2025-26: CJ McCollum TEAM_COUNT 2, 53 games, last with ATL; bbref's
  // player_season_info lists WAS and ATL. It said traded false, one team, ATL (blind audit).
  auto cj = stats({{"player", "CJ McCollum"}, {"season", "2025-26"}});
  REQUIRE_FALSE(cj.is_error);
  const json& s = cj.structured;
  CHECK(s["traded"] == true);
  CHECK(s["team"] == "ATL");
  CHECK(s["teams"] == json::array({"WAS", "ATL"}));
  CHECK(s["line"]["gp"] == 53);
  CHECK(s["stints"].empty());
  CHECK(contains(markdownOf(cj), "| Stat | Season (all teams) |\n"));
  CHECK(contains(markdownOf(cj), "the data has no line per team for 2025-26"));
  checkRequiredMembers("get_player_stats", s);
}

TEST_CASE("get_player_stats: a surname that is others' first name says so") {
  // "Anthony" is Cole Anthony's surname and Anthony Edwards', Davis's and Black's first
  // name: Cole Anthony was chosen without a word (blind audit).
  auto anthony = stats({{"player", "Anthony"}, {"season", "2024-25"}});
  REQUIRE_FALSE(anthony.is_error);
  CHECK(anthony.structured["player"]["name"] == "Cole Anthony");
  CHECK(contains(markdownOf(anthony), "'Anthony' read as the surname of Cole Anthony"));
  CHECK(contains(markdownOf(anthony), "it is also the first name of Anthony Edwards (MIN)"));
  CHECK(contains(markdownOf(anthony), "give the full name for one of them"));
}

TEST_CASE("get_player_stats: season 'rookie' is the player's first season") {
  // bbref player_totals_2023-24.csv: Wembanyama, 71 games, 21.4 points a game. "Wembanyama
  // rookie season stats" gave his 2025-26 line (blind audit).
  auto wemby = stats({{"player", "Wembanyama"}, {"season", "rookie"}});
  REQUIRE_FALSE(wemby.is_error);
  CHECK(wemby.structured["season"] == "2023-24");
  CHECK(wemby.structured["line"]["gp"] == 71);
  CHECK(wemby.structured["line"]["pts"] == 21.4);
  CHECK(contains(markdownOf(wemby), "Victor Wembanyama's rookie season was 2023-24."));
  auto lebron = stats({{"player", "LeBron"}, {"season", "Rookie Season"}});
  REQUIRE(lebron.is_error);
  CHECK(contains(markdownOf(lebron), "2003-04"));
}

TEST_CASE("get_player_stats: this season is 2025-26 on the test clock, partial, no GS") {
  auto answer = stats({{"player", "LeBron"}});
  REQUIRE_FALSE(answer.is_error);
  CHECK(answer.structured["season"] == "2025-26");
  CHECK(answer.structured["coverage"] == "partial");
  CHECK(answer.structured["line"]["gp"] == 37);
  CHECK(answer.structured["line"]["gs"].is_null());
  CHECK(contains(markdownOf(answer), "in progress: figures through 2026-02-21"));
}

TEST_CASE("get_player_stats: an NBA.com person id names the player without a name search") {
  auto answer = stats({{"player", "1628983"}, {"season", "2024-25"}});
  REQUIRE_FALSE(answer.is_error);
  CHECK(answer.structured["player"]["name"] == "Shai Gilgeous-Alexander");
  CHECK(answer.structured["line"]["pts"].get<double>() == doctest::Approx(32.7));
  auto unknown = stats({{"player", "999999999"}});
  CHECK(unknown.is_error);
  CHECK(contains(markdownOf(unknown), "No player has the id 999999999."));
  CHECK(contains(markdownOf(unknown), "resolve_entity gives the id of a name"));
  // A team's id is not a player's.
  CHECK(stats({{"player", "1610612760"}}).is_error);
}

TEST_CASE("get_player_stats: errors a person can act on") {
  auto unknown = stats({{"player", "Zzyzx Qwerty"}});
  CHECK(unknown.is_error);
  CHECK(contains(markdownOf(unknown), "No player matches 'Zzyzx Qwerty'"));
  auto typo = stats({{"player", "Lebron Jame"}, {"season", "2024-25"}});
  CHECK_FALSE(typo.is_error);
  auto old = stats({{"player", "LeBron"}, {"season", "2019-20"}});
  CHECK(old.is_error);
  CHECK(contains(markdownOf(old), "2023-24, 2024-25, 2025-26"));
  auto playoffs = stats({{"player", "LeBron"}, {"season", "2024-25"}, {"season_type", "Playoffs"}});
  CHECK(playoffs.is_error);
  CHECK(contains(markdownOf(playoffs), "no playoffs"));
  auto future = stats({{"player", "LeBron"}, {"season", "2030-31"}});
  CHECK(future.is_error);
  CHECK(stats({{"player", std::string(100, 'x')}}).is_error);
  // Cooper Flagg's first season is 2025-26: no 2024-25 line, and the message says which.
  auto rookie = stats({{"player", "Cooper Flagg"}, {"season", "2024-25"}});
  CHECK(rookie.is_error);
  CHECK(contains(markdownOf(rookie), "has no 2024-25 line"));
  CHECK(contains(markdownOf(rookie), "2025-26"));
}

TEST_CASE("get_player_stats: the input schema rejects bad arguments before the handler") {
  const std::string tool = "get_player_stats";
  CHECK_FALSE(rejectedBySchema(tool, {{"player", "LeBron"}, {"season", 2025}}));
  CHECK_FALSE(rejectedBySchema(tool, {{"player", "LeBron"}, {"per_mode", "Per36"}}));
  CHECK(rejectedBySchema(tool, json::object()));
  CHECK(rejectedBySchema(tool, {{"player", 23}}));
  CHECK(rejectedBySchema(tool, {{"player", json::array({"LeBron"})}}));
  CHECK(rejectedBySchema(tool, {{"player", ""}}));
  CHECK(rejectedBySchema(tool, {{"player", std::string(101, 'a')}}));
  CHECK(rejectedBySchema(tool, {{"player", "LeBron"}, {"per_mode", "PerMinute"}}));
  CHECK(rejectedBySchema(tool, {{"player", "LeBron"}, {"season", 1000000000}}));
  CHECK(rejectedBySchema(tool, {{"player", "LeBron"}, {"season", -1}}));
  CHECK(rejectedBySchema(tool, {{"player", "LeBron"}, {"season", std::string(21, '2')}}));
  CHECK(rejectedBySchema(tool, {{"player", "LeBron"}, {"season_type", "Preseason"}}));
  CHECK(rejectedBySchema(tool, {{"player", "LeBron"}, {"team", "LAL"}}));
}
