#include "nba/tools/awards_tool.h"

#include <doctest/doctest.h>

#include <fstream>

#include "mcp/schema_validator.h"
#include "support/nba_env.h"
#include "support/tool_markdown.h"

using nba::testing::snapshotEnv;
using nlohmann::json;

namespace {

nba::tools::ToolAnswer awards(const json& arguments) {
  static const nba::tools::NbaTool tool = nba::tools::awardsTool();
  return tool.run(arguments, snapshotEnv());
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::vector<std::string> players(const nba::tools::ToolAnswer& answer) {
  std::vector<std::string> out;
  for (const auto& entry : answer.structured["entries"]) {
    out.push_back(entry["player"].get<std::string>());
  }
  return out;
}

}  // namespace

TEST_CASE("awards: 2024-25 MVP Shai Gilgeous-Alexander with his voting") {
  auto answer = awards({{"award", "most valuable player"}, {"season", "2024-25"}});
  REQUIRE_FALSE(answer.is_error);
  const json& winner = answer.structured["entries"][0];
  CHECK(winner["player"] == "Shai Gilgeous-Alexander");
  CHECK(winner["rank"] == 1);
  CHECK(winner["winner"] == true);
  CHECK(winner["first_place_votes"] == 71);
  CHECK(winner["points_won"] == 913);
  CHECK(winner["points_max"] == 1000);
  CHECK(winner["share"].get<double>() == doctest::Approx(0.913));
  CHECK(winner["team"] == "OKC");
  CHECK(answer.structured["entries"][1]["player"] == "Nikola Jokić");
  CHECK(answer.structured["entries"].size() == 12);
  CHECK(contains(markdownOf(answer),
                 "Shai Gilgeous-Alexander won the 2024-25 Most Valuable Player "
                 "award (71 first-place votes, 913 of 1,000 points, share "
                 "0.913)."));
  CHECK(contains(markdownOf(answer), "2024-25 (as of 2025-04-13)"));
  CHECK(answer.meta["dev.nbamcp/season"] == "2024-25");
}

TEST_CASE("awards: 2023-24 MVP Nikola Jokić, 2024-25 ROY Stephon Castle") {
  auto mvp = awards({{"award", "MVP"}, {"season", 2024}});
  CHECK(mvp.structured["entries"][0]["player"] == "Nikola Jokić");
  CHECK(mvp.structured["entries"][0]["share"].get<double>() == doctest::Approx(0.935));
  CHECK(mvp.structured["entries"][0]["team"] == "DEN");
  auto roy = awards({{"award", "rookie of the year"}, {"season", "2024-25"}});
  CHECK(roy.structured["entries"][0]["player"] == "Stephon Castle");
  CHECK(roy.structured["entries"][0]["team"] == "SAS");
  CHECK(roy.structured["entries"][0]["first_place_votes"] == 92);
}

TEST_CASE("awards: All-NBA First Team 2024-25") {
  auto answer = awards({{"award", "All-NBA first team"}, {"season", "2024-25"}});
  REQUIRE_FALSE(answer.is_error);
  auto names = players(answer);
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"Donovan Mitchell", "Giannis Antetokounmpo",
                                          "Jayson Tatum", "Nikola Jokić",
                                          "Shai Gilgeous-Alexander"});
  CHECK(answer.structured["award"]["codes"] == json::array({"ALL_NBA_1"}));
  CHECK(answer.structured["entries"][0]["rank"] == 0);
  CHECK(answer.structured["entries"][0]["share"].is_null());
  CHECK(contains(markdownOf(answer), "All-NBA First Team: "));
  auto all_nba = awards({{"award", "all-nba"}, {"season", "2024-25"}});
  CHECK(all_nba.structured["entries"].size() == 15);
  CHECK(all_nba.structured["award"]["codes"].size() == 3);
}

TEST_CASE("awards: no award named lists each award's winners of the latest season") {
  auto answer = awards(json::object());
  REQUIRE_FALSE(answer.is_error);
  CHECK(answer.structured["season"] == "2024-25");
  CHECK(answer.structured["seasons_with_awards"] == json::array({"2023-24", "2024-25"}));
  // 6 voted winners + 3 All-NBA, 2 All-Defensive, 2 All-Rookie teams of 5.
  CHECK(answer.structured["entries"].size() == 6 + 35);
  CHECK(answer.structured["entries"][0]["award"] == "MVP");
  CHECK(contains(markdownOf(answer), "MVP Shai Gilgeous-Alexander"));
  CHECK(contains(markdownOf(answer), "Latest season with awards: 2024-25"));
}

TEST_CASE("awards: a player's every entry over the seasons") {
  auto answer = awards({{"player", "Jokic"}});
  REQUIRE_FALSE(answer.is_error);
  CHECK(answer.structured["season"].is_null());
  CHECK(answer.structured["player"]["id"] == "203999");
  bool mvp_2023 = false;
  for (const auto& entry : answer.structured["entries"]) {
    CHECK(entry["player"] == "Nikola Jokić");
    mvp_2023 = mvp_2023 ||
               (entry["season"] == "2023-24" && entry["award"] == "MVP" && entry["winner"] == true);
  }
  CHECK(mvp_2023);
  // The voted awards' short forms follow their names: people ask "what MVPs has he won".
  CHECK(contains(markdownOf(answer),
                 "Nikola Jokić has 6 award entries; won or was selected for: 2023-24 Most "
                 "Valuable Player (MVP), 2023-24 All-NBA First Team and 2024-25 All-NBA First "
                 "Team."));
  auto one_season = awards({{"player", "SGA"}, {"season", "2024-25"}, {"award", "mvp"}});
  CHECK(one_season.structured["entries"].size() == 1);
  CHECK(one_season.structured["entries"][0]["rank"] == 1);
}

TEST_CASE("awards: asked whether a player won a named award, the answer says who did") {
  auto wemby = awards({{"player", "Wembanyama"}, {"award", "DPOY"}, {"season", "2023-24"}});
  REQUIRE_FALSE(wemby.is_error);
  // About that award only: counting his entries said "no wins or selections", though he was
  // Rookie of the Year that season (blind audit).
  CHECK(contains(markdownOf(wemby),
                 "Victor Wembanyama did not win the Defensive Player of the Year in 2023-24. He "
                 "finished 2nd in the 2023-24 Defensive Player of the Year (DPOY) voting (19 "
                 "first-place votes, 245 of 495 points); Rudy Gobert won it."));
  CHECK_FALSE(contains(markdownOf(wemby), "no wins or selections"));
  // No season: every finish of his in that award, each with its winner.
  auto chet = awards({{"player", "Chet Holmgren"}, {"award", "rookie of the year"}});
  CHECK(contains(markdownOf(chet),
                 "He finished 2nd in the 2023-24 Rookie of the Year (ROY) voting (0 first-place "
                 "votes, 295 of 495 points); Victor Wembanyama won it."));
  // No entry of his that season: the season's winner, with the voting.
  auto lebron = awards({{"player", "LeBron James"}, {"award", "DPOY"}, {"season", "2023-24"}});
  CHECK(contains(markdownOf(lebron),
                 "LeBron James has no Defensive Player of the Year entry (win, selection or vote) "
                 "in 2023-24. Rudy Gobert won the 2023-24 Defensive Player of the Year "
                 "award (72 first-place votes, 433 of 495 points"));
  // A winner is told he won, with his votes, and not that someone else did; with no award
  // named nothing is added.
  auto jokic = awards({{"player", "Jokic"}, {"award", "MVP"}, {"season", "2023-24"}});
  CHECK(contains(markdownOf(jokic),
                 "Nikola Jokić won the 2023-24 Most Valuable Player award (79 first-place votes, "
                 "926 of 990 points, share 0.935)."));
  CHECK_FALSE(contains(markdownOf(jokic), "won it."));
  auto brunson = awards({{"player", "Brunson"}, {"award", "All-NBA"}, {"season", "2023-24"}});
  CHECK(contains(markdownOf(brunson),
                 "Jalen Brunson was selected for: 2023-24 All-NBA Second Team."));
  auto all = awards({{"player", "Wembanyama"}});
  CHECK_FALSE(contains(markdownOf(all), "won it."));
}
TEST_CASE("awards: errors and empty answers a person can act on") {
  auto current = awards({{"season", "2025-26"}});
  CHECK(current.is_error);
  CHECK(contains(markdownOf(current),
                 "No awards for 2025-26 in the data (they are voted after a regular season ends)"));
  CHECK(contains(markdownOf(current), "2023-24, 2024-25"));
  auto this_season = awards({{"season", "this season"}, {"award", "MVP"}});
  CHECK(this_season.is_error);
  CHECK(contains(markdownOf(this_season), "2023-24, 2024-25"));
  auto old = awards({{"season", "1999-00"}});
  CHECK(old.is_error);
  auto unknown = awards({{"award", "best dunker"}});
  CHECK(unknown.is_error);
  CHECK(contains(markdownOf(unknown), "Unknown award 'best dunker'"));
  CHECK(contains(markdownOf(unknown), "6MOY"));
  auto nobody = awards({{"player", "Zzyzx Qwerty"}});
  CHECK(nobody.is_error);
  auto no_entries = awards({{"player", "Grant Nelson"}});
  CHECK_FALSE(no_entries.is_error);
  CHECK(no_entries.structured["entries"].empty());
  CHECK(contains(markdownOf(no_entries), "has no award entries"));
}

TEST_CASE("awards: the input schema rejects bad arguments before the handler") {
  std::ifstream in(NBA_MCP_SOURCE_DIR "/schemas/get_awards.input.json");
  json schema = json::parse(in);
  auto invalid = [&](const json& arguments) {
    return !nba::mcp::validateAgainstSchema(arguments, schema).empty();
  };
  CHECK_FALSE(invalid(json::object()));
  CHECK_FALSE(invalid({{"award", "MVP"}, {"season", 2025}, {"player", "Jokic"}}));
  CHECK(invalid({{"award", 1}}));
  CHECK(invalid({{"award", json::array({"MVP"})}}));
  CHECK(invalid({{"award", std::string(61, 'm')}}));
  CHECK(invalid({{"player", std::string(101, 'x')}}));
  CHECK(invalid({{"player", ""}}));
  CHECK(invalid({{"season", 10}}));
  CHECK(invalid({{"season", json::object()}}));
  CHECK(invalid({{"award", "MVP"}, {"year", 2025}}));
}
