#include <doctest/doctest.h>

#include "support/tool_markdown.h"
#include "team_test_support.h"

using nba::testing::teams::acceptedBySchema;
using nba::testing::teams::checkOutputSchema;
using nba::testing::teams::contains;
using nlohmann::json;

namespace {

nba::tools::ToolAnswer teamStats(const json& arguments) {
  auto answer = nba::testing::teams::runTeamTool("get_team_stats", arguments);
  if (!answer.is_error) {
    checkOutputSchema("get_team_stats", answer);
  }
  return answer;
}

json statOf(const nba::tools::ToolAnswer& answer, const std::string& code) {
  for (const auto& stat : answer.structured["stats"]) {
    if (stat["code"] == code) {
      return stat;
    }
  }
  FAIL("no stat " << code);
  return {};
}

}  // namespace

TEST_CASE("get_team_stats Advanced: Boston 2024-25 ratings and pace (basketball-reference)") {
  auto answer = teamStats({{"team", "Boston"}, {"season", "2024-25"}, {"measure", "Advanced"}});
  REQUIRE_FALSE(answer.is_error);
  CHECK(statOf(answer, "OFF_RATING")["value"] == doctest::Approx(120.6));
  CHECK(statOf(answer, "OFF_RATING")["league_rank"] == 2);
  CHECK(statOf(answer, "DEF_RATING")["value"] == doctest::Approx(111.1));
  CHECK(statOf(answer, "DEF_RATING")["league_rank"] == 5);
  CHECK(statOf(answer, "DEF_RATING")["better"] == "lower");
  CHECK(statOf(answer, "NET_RATING")["display"] == "+9.5");
  CHECK(statOf(answer, "PACE")["value"] == doctest::Approx(95.7));
  CHECK(statOf(answer, "PACE")["league_rank"] == 30);  // the slowest
  CHECK(statOf(answer, "EFG_PCT")["display"] == "56.1%");
  CHECK(statOf(answer, "DREB_PCT")["display"] == "76.0%");
  CHECK(statOf(answer, "FT_FGA")["display"] == ".169");
  CHECK(statOf(answer, "SRS")["display"] == "+8.28");
  CHECK(statOf(answer, "MOV")["value"] == doctest::Approx(9.11));
  CHECK(answer.structured["measure"] == "Advanced");
  CHECK(answer.structured["team"]["abbr"] == "BOS");
  CHECK(answer.structured["w"] == 61);
  CHECK(contains(markdownOf(answer),
                 "Boston had an offensive rating of 120.6 (2nd), a defensive rating of 111.1 "
                 "(5th) and a net rating of +9.5 (2nd) in 2024-25, at a pace of 95.7 (61-21)."));
  CHECK(contains(markdownOf(answer),
                 "| Defensive rating (points allowed per 100 possessions) | "
                 "111.1 | 5th |"));
}

TEST_CASE("get_team_stats: an NBA.com team id names the team") {
  auto answer = teamStats({{"team", "1610612738"}, {"season", "2024-25"}});
  REQUIRE_FALSE(answer.is_error);
  CHECK(answer.structured["team"]["name"] == "Boston Celtics");
  auto unknown = teamStats({{"team", "1610612700"}});
  CHECK(unknown.is_error);
  CHECK(contains(markdownOf(unknown), "No team has the id 1610612700."));
}

TEST_CASE("get_team_stats Base: Boston 2024-25 per game, the default measure") {
  auto answer = teamStats({{"team", "Celtics"}, {"season", 2025}});
  REQUIRE_FALSE(answer.is_error);
  CHECK(answer.structured["measure"] == "Base");
  CHECK(statOf(answer, "PTS")["value"] == doctest::Approx(116.3));
  CHECK(statOf(answer, "OPP_PTS")["value"] == doctest::Approx(107.2));
  CHECK(statOf(answer, "OPP_PTS")["league_rank"] == 2);
  CHECK(statOf(answer, "FG3M")["league_rank"] == 1);
  CHECK(statOf(answer, "FT_PCT")["display"] == "79.9%");
  CHECK(statOf(answer, "W_PCT")["display"] == "61-21");
  CHECK(contains(markdownOf(answer),
                 "Boston averaged 116.3 points and allowed 107.2 per game in 2024-25, going "
                 "61-21."));
  CHECK(answer.structured["as_of"] == "2025-04-13");
  CHECK(answer.meta["dev.nbamcp/source"] == "snapshot");
}

TEST_CASE("get_team_stats: 2025-26 is partial and this season falls back to it") {
  auto answer = teamStats({{"team", "OKC"}});
  REQUIRE_FALSE(answer.is_error);
  CHECK(answer.structured["season"] == "2025-26");
  CHECK(answer.structured["coverage"] == "partial");
  // bbref 2026 lines: through 2026-02-27 by CLE's dated games (meta.tsv explains).
  CHECK(answer.structured["as_of"] == "2026-02-27");
  CHECK(contains(markdownOf(answer), "Oklahoma City averages "));
  CHECK(contains(markdownOf(answer), "partial season"));
}

TEST_CASE("get_team_stats: errors a person can act on") {
  auto typo = teamStats({{"team", "Bostn Celtcs"}, {"season", "2024-25"}});
  REQUIRE_FALSE(typo.is_error);  // typos resolve
  CHECK(typo.structured["team"]["abbr"] == "BOS");
  auto unknown = teamStats({{"team", "Zzyzx Qwerty"}, {"season", "2024-25"}});
  REQUIRE(unknown.is_error);
  CHECK(contains(markdownOf(unknown), "No team matches 'Zzyzx Qwerty'"));
  auto la = teamStats({{"team", "LA"}});
  REQUIRE(la.is_error);
  CHECK(contains(markdownOf(la), "Clippers"));
  auto playoffs = teamStats({{"team", "BOS"}, {"season_type", "Playoffs"}});
  REQUIRE(playoffs.is_error);
  CHECK(contains(markdownOf(playoffs), "no playoffs"));
  CHECK(contains(markdownOf(playoffs), "Regular Season"));
  auto old = teamStats({{"team", "BOS"}, {"season", "2010-11"}});
  REQUIRE(old.is_error);
  CHECK(contains(markdownOf(old), "2023-24"));
}

TEST_CASE("get_team_stats: the input schema rejects bad arguments before the handler") {
  CHECK(acceptedBySchema("get_team_stats", {{"team", "BOS"}, {"measure", "Advanced"}}));
  CHECK_FALSE(acceptedBySchema("get_team_stats", json::object()));
  CHECK_FALSE(acceptedBySchema("get_team_stats", {{"team", 42}}));
  CHECK_FALSE(acceptedBySchema("get_team_stats", {{"team", json::array({"BOS"})}}));
  CHECK_FALSE(acceptedBySchema("get_team_stats", {{"team", "BOS"}, {"measure", "Fancy"}}));
  CHECK_FALSE(acceptedBySchema("get_team_stats", {{"team", "BOS"}, {"season_type", "Preseason"}}));
  CHECK_FALSE(acceptedBySchema("get_team_stats", {{"team", std::string(101, 'a')}}));
  CHECK_FALSE(acceptedBySchema("get_team_stats", {{"team", "BOS"}, {"season", 0}}));
  CHECK_FALSE(acceptedBySchema("get_team_stats", {{"team", "BOS"}, {"per_mode", "Totals"}}));
}
