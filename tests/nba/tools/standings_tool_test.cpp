#include <doctest/doctest.h>

#include "support/tool_markdown.h"
#include "team_test_support.h"

using nba::testing::teams::acceptedBySchema;
using nba::testing::teams::checkOutputSchema;
using nba::testing::teams::contains;
using nlohmann::json;

namespace {

nba::tools::ToolAnswer standings(const json& arguments) {
  auto answer = nba::testing::teams::runTeamTool("get_team_standings", arguments);
  if (!answer.is_error) {
    checkOutputSchema("get_team_standings", answer);
  }
  return answer;
}

std::string record(const json& row) {
  return row["team"].get<std::string>() + " " + std::to_string(row["w"].get<int>()) + "-" +
         std::to_string(row["l"].get<int>());
}

}  // namespace

TEST_CASE("get_team_standings: 2024-25 East in order, Cleveland first at 64-18") {
  auto answer = standings({{"season", "2024-25"}, {"conference", "East"}});
  REQUIRE_FALSE(answer.is_error);
  const json& rows = answer.structured["rows"];
  REQUIRE(rows.size() == 15);
  std::vector<std::string> top6;
  for (int i = 0; i < 6; ++i) {
    top6.push_back(record(rows[i]));
    CHECK(rows[i]["conference_rank"] == i + 1);
  }
  CHECK(top6 == std::vector<std::string>{"CLE 64-18", "BOS 61-21", "NYK 51-31", "IND 50-32",
                                         "MIL 48-34", "DET 44-38"});
  CHECK(rows[0]["pct"] == doctest::Approx(0.780));
  CHECK(rows[1]["games_back"] == 3.0);
  CHECK(answer.structured["scope"] == "conference");
  CHECK(answer.structured["conference"] == "East");
  CHECK(answer.structured["coverage"] == "complete");
  CHECK(answer.structured["as_of"] == "2025-04-13");
  CHECK(contains(markdownOf(answer), "Cleveland led the East at 64-18."));
  CHECK(contains(markdownOf(answer), "| 1 | Cleveland Cavaliers | 64 | 18 | .780 | — |"));
  CHECK(contains(markdownOf(answer), "2024-25 (as of 2025-04-13)"));
  CHECK(answer.meta["dev.nbamcp/season"] == "2024-25");
}

TEST_CASE("get_team_standings: conference names are accepted in every usual form") {
  for (const char* name : {"East", "east", "Eastern", "EASTERN CONFERENCE", " eastern "}) {
    CAPTURE(name);
    auto answer = standings({{"season", 2025}, {"conference", name}});
    REQUIRE_FALSE(answer.is_error);
    CHECK(answer.structured["conference"] == "East");
  }
  auto west = standings({{"season", "2024-25"}, {"conference", "western"}});
  REQUIRE_FALSE(west.is_error);
  CHECK(record(west.structured["rows"][0]) == "OKC 68-14");
}

TEST_CASE("get_team_standings: the West's 50-32 trio in the official order LAL, DEN, LAC") {
  auto answer = standings({{"season", "2024-25"}, {"conference", "West"}});
  REQUIRE_FALSE(answer.is_error);
  const json& rows = answer.structured["rows"];
  CHECK(record(rows[2]) == "LAL 50-32");
  CHECK(record(rows[3]) == "DEN 50-32");
  CHECK(record(rows[4]) == "LAC 50-32");
  CHECK(rows[4]["conference_rank"] == 5);
  CHECK(contains(markdownOf(answer), "Oklahoma City led the West at 68-14."));
  CHECK(contains(markdownOf(answer), "tiebreakers"));
}

TEST_CASE("get_team_standings: the league has both conferences and names both leaders") {
  auto answer = standings({{"season", "2024-25"}});
  REQUIRE_FALSE(answer.is_error);
  CHECK(answer.structured["scope"] == "league");
  CHECK(answer.structured["rows"].size() == 30);
  CHECK(record(answer.structured["rows"][0]) == "CLE 64-18");
  CHECK(record(answer.structured["rows"][15]) == "OKC 68-14");
  CHECK(answer.structured["rows"][15]["league_rank"] == 1);
  CHECK(contains(markdownOf(answer),
                 "Cleveland led the East at 64-18 and Oklahoma City led the West at 68-14."));
  CHECK(contains(markdownOf(answer), "### East"));
  CHECK(contains(markdownOf(answer), "### West"));
}

TEST_CASE("get_team_standings: a division ranks and measures games behind its own leader") {
  auto answer = standings({{"season", "2024-25"}, {"division", "atlantic division"}});
  REQUIRE_FALSE(answer.is_error);
  const json& rows = answer.structured["rows"];
  REQUIRE(rows.size() == 5);
  CHECK(answer.structured["division"] == "Atlantic");
  CHECK(record(rows[0]) == "BOS 61-21");
  CHECK(rows[0]["division_rank"] == 1);
  CHECK(record(rows[1]) == "NYK 51-31");
  CHECK(rows[1]["division_games_back"] == 10.0);
  CHECK(rows[1]["games_back"] == 13.0);
  CHECK(contains(markdownOf(answer), "Boston led the Atlantic at 61-21."));
  CHECK(contains(markdownOf(answer), "| 2 | New York Knicks | 51 | 31 | .622 | 10.0 |"));
}

TEST_CASE("get_team_standings: one team's row says its place and games behind") {
  auto answer = standings({{"season", "2024-25"}, {"team", "Celtics"}});
  REQUIRE_FALSE(answer.is_error);
  REQUIRE(answer.structured["rows"].size() == 1);
  const json& row = answer.structured["rows"][0];
  CHECK(record(row) == "BOS 61-21");
  CHECK(row["conference_rank"] == 2);
  CHECK(row["home"].get<std::string>().size() >= 3);
  CHECK(answer.structured["team"] == "BOS");
  CHECK(contains(markdownOf(answer),
                 "Boston finished 61-21, 2nd in the East, 3.0 games behind "
                 "Cleveland."));
  auto lakers = standings({{"season", "2024-25"}, {"team", "Lakers"}, {"division", "Pacific"}});
  REQUIRE_FALSE(lakers.is_error);
  CHECK(contains(markdownOf(lakers), "Los Angeles Lakers finished 50-32, 3rd in the West"));
}

// "Thunder longest winning streak" had the team's per-game stats (blind audit). The runs are
// counted from games_2024-25.csv / games_2023-24.csv by hand; the Cup final (OKC lost it on
// 2024-12-17) does not break the 15, as it does not count in the standings.
TEST_CASE("get_team_standings: one team's longest streaks and its current one") {
  auto okc = standings({{"season", "2024-25"}, {"team", "Thunder"}});
  REQUIRE_FALSE(okc.is_error);
  CHECK(okc.structured["streaks"]["longest_win"] ==
        json({{"games", 15}, {"from", "2024-12-03"}, {"to", "2025-01-05"}}));
  CHECK(okc.structured["streaks"]["longest_loss"] ==
        json({{"games", 2}, {"from", "2024-11-17"}, {"to", "2024-11-19"}}));
  CHECK(contains(markdownOf(okc),
                 "Oklahoma City finished 68-14, 1st in the West. Their longest winning streak "
                 "was 15 games (2024-12-03 to 2025-01-05); their longest losing streak 2 games "
                 "(2024-11-17 to 2024-11-19). They ended the season on a 4-game winning streak."));
  auto detroit = standings({{"season", "2023-24"}, {"team", "Pistons"}});
  CHECK(detroit.structured["streaks"]["longest_loss"] ==
        json({{"games", 28}, {"from", "2023-10-30"}, {"to", "2023-12-28"}}));
  // Through a day: Boston's 32 games to 2024-01-01 end in 6 wins, tying its longest run.
  auto boston = standings({{"team", "Celtics"}, {"date", "2024-01-01"}});
  CHECK(boston.structured["streaks"]["longest_win"]["games"] == 6);
  CHECK(contains(markdownOf(boston), "They were on a 6-game winning streak."));
  // Only one team's standing has them.
  CHECK_FALSE(
      standings({{"season", "2024-25"}, {"conference", "West"}}).structured.contains("streaks"));
}

TEST_CASE("get_team_standings: 2025-26 is partial, as of its date, and says so") {
  auto answer = standings({{"season", "2025-26"}, {"conference", "East"}});
  REQUIRE_FALSE(answer.is_error);
  CHECK(answer.structured["coverage"] == "partial");
  CHECK(answer.structured["as_of"] == "2026-02-21");
  CHECK(record(answer.structured["rows"][0]) == "DET 42-13");
  CHECK(contains(markdownOf(answer), "Detroit leads the East at 42-13."));
  CHECK(contains(markdownOf(answer), "partial season"));
  auto west = standings({{"conference", "West"}});  // "this season" on the test clock
  REQUIRE_FALSE(west.is_error);
  CHECK(west.structured["season"] == "2025-26");
  CHECK(record(west.structured["rows"][0]) == "OKC 43-14");
}

TEST_CASE("get_team_standings: a date gives the standings through that day (blind audit)") {
  // "West standings on 2025-01-01" showed this season's: the date was dropped.
  auto west = standings({{"conference", "West"}, {"date", "2025-01-01"}});
  REQUIRE_FALSE(west.is_error);
  CHECK(west.structured["season"] == "2024-25");  // the season the day falls in
  CHECK(west.structured["as_of"] == "2025-01-01");
  const json& rows = west.structured["rows"];
  CHECK(record(rows[0]) == "OKC 27-5");
  CHECK(record(rows[1]) == "MEM 23-11");
  CHECK(contains(markdownOf(west), "Oklahoma City led the West at 27-5 on 2025-01-01."));
  CHECK(contains(markdownOf(west), "Standings through 2025-01-01, derived from the games"));
  auto lakers = standings({{"team", "Lakers"}, {"date", "2025-02-01"}});
  REQUIRE_FALSE(lakers.is_error);
  CHECK(record(lakers.structured["rows"][0]) == "LAL 28-19");
  CHECK(contains(markdownOf(lakers), "was 28-19 on 2025-02-01"));
  // Within the season in progress: the day asked, not the data's last.
  auto detroit = standings({{"team", "DET"}, {"date", "2026-01-01"}});
  REQUIRE_FALSE(detroit.is_error);
  CHECK(record(detroit.structured["rows"][0]) == "DET 25-9");
  // Before the first game, a season that does not contain the day, a day that is no day.
  auto early = standings({{"date", "2024-10-01"}});
  REQUIRE(early.is_error);
  CHECK(contains(markdownOf(early), "No 2024-25 games had been played by 2024-10-01"));
  auto clash = standings({{"season", "2023-24"}, {"date", "2025-01-01"}});
  REQUIRE(clash.is_error);
  CHECK(contains(markdownOf(clash), "2025-01-01 is in 2024-25, not 2023-24"));
  auto bad = standings({{"date", "2025-02-30"}});
  REQUIRE(bad.is_error);
  CHECK(contains(markdownOf(bad), "YYYY-MM-DD"));
}

TEST_CASE("get_team_standings: errors a person can act on") {
  auto conference = standings({{"conference", "North"}});
  REQUIRE(conference.is_error);
  CHECK(contains(markdownOf(conference), "Use East or West"));
  auto division = standings({{"division", "Midwest"}});
  REQUIRE(division.is_error);
  CHECK(contains(markdownOf(division),
                 "Atlantic, Central, Southeast, Northwest, Pacific, Southwest"));
  auto mismatch = standings({{"conference", "West"}, {"division", "Atlantic"}});
  REQUIRE(mismatch.is_error);
  CHECK(contains(markdownOf(mismatch), "The Atlantic division is in the East"));
  auto wrong_team = standings({{"conference", "West"}, {"team", "Celtics"}});
  REQUIRE(wrong_team.is_error);
  CHECK(contains(markdownOf(wrong_team), "Atlantic division of the East"));
  auto unknown = standings({{"team", "Zzyzx Qwerty"}});
  REQUIRE(unknown.is_error);
  CHECK(contains(markdownOf(unknown), "No team matches"));
  auto la = standings({{"team", "LA"}});
  REQUIRE(la.is_error);
  CHECK(contains(markdownOf(la), "Clippers"));
  CHECK(contains(markdownOf(la), "Lakers"));
  auto old = standings({{"season", "1999-00"}});
  REQUIRE(old.is_error);
  CHECK(contains(markdownOf(old), "2024-25"));
}

TEST_CASE("get_team_standings: the input schema rejects bad arguments before the handler") {
  CHECK(acceptedBySchema("get_team_standings", {{"conference", "Eastern"}, {"season", 2025}}));
  CHECK_FALSE(acceptedBySchema("get_team_standings", {{"conference", 1}}));
  CHECK_FALSE(acceptedBySchema("get_team_standings", {{"team", json::array({"BOS"})}}));
  CHECK_FALSE(acceptedBySchema("get_team_standings", {{"season", 1900}}));
  CHECK_FALSE(acceptedBySchema("get_team_standings", {{"season", 1000000000}}));
  CHECK_FALSE(acceptedBySchema("get_team_standings", {{"season", -1}}));
  CHECK_FALSE(acceptedBySchema("get_team_standings", {{"team", std::string(101, 'x')}}));
  CHECK_FALSE(acceptedBySchema("get_team_standings", {{"division", std::string(500, 'x')}}));
  CHECK_FALSE(acceptedBySchema("get_team_standings", {{"limit", 5}}));
  CHECK_FALSE(acceptedBySchema("get_team_standings", {{"team", ""}}));
}
