#include <doctest/doctest.h>

#include "support/tool_markdown.h"
#include "team_test_support.h"

using nba::testing::teams::acceptedBySchema;
using nba::testing::teams::checkOutputSchema;
using nba::testing::teams::contains;
using nlohmann::json;

namespace {

nba::tools::ToolAnswer compareTeams(const json& arguments) {
  auto answer = nba::testing::teams::runTeamTool("compare_teams", arguments);
  if (!answer.is_error) {
    checkOutputSchema("compare_teams", answer);
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

TEST_CASE("compare_teams Base: Boston vs Cleveland 2024-25 marks the better value per stat") {
  auto answer = compareTeams({{"teams", {"Celtics", "Cavs"}}, {"season", "2024-25"}});
  REQUIRE_FALSE(answer.is_error);
  const json& teams = answer.structured["teams"];
  CHECK(teams[0]["abbr"] == "BOS");
  CHECK(teams[1]["abbr"] == "CLE");
  CHECK(teams[1]["w"] == 64);
  CHECK(statOf(answer, "PTS")["values"] == json({116.3, 121.9}));
  CHECK(statOf(answer, "PTS")["best"] == json({"CLE"}));
  CHECK(statOf(answer, "OPP_PTS")["best"] == json({"BOS"}));  // lower is better
  CHECK(statOf(answer, "TOV")["best"] == json({"BOS"}));      // 11.9 vs 13.2
  CHECK(statOf(answer, "FG3M")["best"] == json({"BOS"}));
  CHECK(teams[1]["categories_led"] == 7);
  CHECK(teams[0]["categories_led"] == 5);
  CHECK(contains(markdownOf(answer),
                 "Cleveland (64-18) has the better value in 7 of 12 categories "
                 "and Boston (61-21) in 5"));
  CHECK(contains(markdownOf(answer), "| Points per game | 116.3 | 121.9 ✓ |"));
  CHECK(contains(markdownOf(answer), "lower is better for Opp PTS, TOV."));
  CHECK(contains(markdownOf(answer), "| Opponent points per game | 107.2 ✓ | 112.4 |"));
}

TEST_CASE("compare_teams Advanced: ties are marked for both, pace for neither") {
  auto answer =
      compareTeams({{"teams", {"BOS", "CLE"}}, {"season", "2024-25"}, {"measure", "Advanced"}});
  REQUIRE_FALSE(answer.is_error);
  CHECK(statOf(answer, "OFF_RATING")["values"] == json({120.6, 121.7}));
  CHECK(statOf(answer, "OFF_RATING")["best"] == json({"CLE"}));
  CHECK(statOf(answer, "DEF_RATING")["best"] == json({"BOS"}));
  CHECK(statOf(answer, "NET_RATING")["best"] == json({"BOS", "CLE"}));  // 9.5 each
  CHECK(statOf(answer, "PACE")["best"].empty());
  CHECK(statOf(answer, "TOV_PCT")["best"] == json({"BOS"}));
  CHECK(statOf(answer, "OPP_TOV_PCT")["best"] == json({"CLE"}));
  CHECK(answer.structured["teams"][1]["categories_led"] == 10);
  CHECK(answer.structured["teams"][0]["categories_led"] == 6);
  CHECK(contains(markdownOf(answer),
                 "lower is better for DRtg, TOV%, Opp eFG%, Opp FT/FGA; Pace is not marked."));
}

TEST_CASE("compare_teams: four teams, and this season falls back to the partial 2025-26") {
  auto answer = compareTeams({{"teams", {"OKC", "Pistons", "Spurs", "Nuggets"}}});
  REQUIRE_FALSE(answer.is_error);
  CHECK(answer.structured["teams"].size() == 4);
  CHECK(answer.structured["season"] == "2025-26");
  CHECK(answer.structured["coverage"] == "partial");
  // bbref/sumitrodatta 2026 rows (through at least 2026-02-27, see meta.tsv): team_summaries w-l
  // and team_stats_per_game pts_per_game for OKC, DET, SAS, DEN.
  CHECK(statOf(answer, "W_PCT")["display"] == json({"46-15", "44-14", "43-16", "37-23"}));
  CHECK(statOf(answer, "PTS")["values"] == json({119.5, 117.5, 118.5, 120.5}));
  CHECK(statOf(answer, "PTS")["best"] == json({"DEN"}));
  CHECK(contains(markdownOf(answer), "| Stat | Oklahoma City Thunder | Detroit Pistons |"));
}

TEST_CASE("compare_teams: errors a person can act on") {
  auto same = compareTeams({{"teams", {"Boston", "Celtics"}}});
  REQUIRE(same.is_error);
  CHECK(contains(markdownOf(same), "'Boston' and 'Celtics' both name the Boston Celtics"));
  auto unknown = compareTeams({{"teams", {"BOS", "Zzyzx Qwerty"}}});
  REQUIRE(unknown.is_error);
  CHECK(contains(markdownOf(unknown), "Zzyzx Qwerty"));
  auto la = compareTeams({{"teams", {"BOS", "LA"}}});
  REQUIRE(la.is_error);
  CHECK(contains(markdownOf(la), "Lakers"));
  auto playoffs = compareTeams({{"teams", {"BOS", "CLE"}}, {"season_type", "Playoffs"}});
  REQUIRE(playoffs.is_error);
  CHECK(contains(markdownOf(playoffs), "no playoffs"));
}

TEST_CASE("compare_teams: the input schema rejects bad arguments before the handler") {
  CHECK(acceptedBySchema("compare_teams", {{"teams", {"BOS", "CLE"}}}));
  CHECK(acceptedBySchema("compare_teams", {{"teams", {"BOS", "CLE", "NYK", "MIL"}}}));
  CHECK_FALSE(acceptedBySchema("compare_teams", {{"teams", {"BOS"}}}));
  CHECK_FALSE(acceptedBySchema(
      "compare_teams",
      {{"teams", {"BOS", "CLE", "NYK", "MIL", "IND", "DET", "ORL", "ATL", "CHI"}}}));
  CHECK_FALSE(acceptedBySchema("compare_teams", {{"teams", {"BOS", "BOS"}}}));
  CHECK_FALSE(acceptedBySchema("compare_teams", {{"teams", "BOS,CLE"}}));
  CHECK_FALSE(acceptedBySchema("compare_teams", {{"teams", {1, 2}}}));
  CHECK_FALSE(acceptedBySchema("compare_teams", {{"teams", {"BOS", std::string(101, 'x')}}}));
  CHECK_FALSE(acceptedBySchema("compare_teams", {{"teams", {"BOS", "CLE"}}, {"extra", true}}));
  CHECK_FALSE(acceptedBySchema("compare_teams", json::object()));
}
