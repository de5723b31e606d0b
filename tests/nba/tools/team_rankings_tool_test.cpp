// get_team_rankings on the snapshot: 2024-25 values from basketball-reference's team summaries.
#include <doctest/doctest.h>

#include "support/tool_markdown.h"
#include "team_test_support.h"

using nba::testing::teams::acceptedBySchema;
using nba::testing::teams::checkOutputSchema;
using nba::testing::teams::contains;
using nlohmann::json;

namespace {

nba::tools::ToolAnswer rankings(const json& arguments) {
  auto answer = nba::testing::teams::runTeamTool("get_team_rankings", arguments);
  if (!answer.is_error) {
    checkOutputSchema("get_team_rankings", answer);
  }
  return answer;
}

}  // namespace

TEST_CASE("get_team_rankings: the West by defensive rating, lower first") {
  auto answer = rankings({{"stat", "DEF_RATING"}, {"conference", "West"}, {"season", "2024-25"}});
  REQUIRE_FALSE(answer.is_error);
  const json& rows = answer.structured["rows"];
  REQUIRE(rows.size() == 15);
  CHECK(rows[0]["team"]["abbr"] == "OKC");
  CHECK(rows[0]["value"] == doctest::Approx(107.5));
  CHECK(rows[1]["team"]["abbr"] == "LAC");
  CHECK(rows[1]["display"] == "110.3");
  CHECK(answer.structured["stat"]["better"] == "lower");
  CHECK(contains(markdownOf(answer),
                 "The Oklahoma City Thunder had the best defensive rating in the West in "
                 "2024-25: 107.5."));
  CHECK(contains(markdownOf(answer), "| 2 | LA Clippers | 110.3 | 50-32 |"));
  CHECK_FALSE(contains(markdownOf(answer), "Boston"));
}

TEST_CASE("get_team_rankings: lowest, pace, points and divisions") {
  auto worst = rankings(
      {{"stat", "OFF_RATING"}, {"conference", "East"}, {"lowest", true}, {"season", "2024-25"}});
  REQUIRE_FALSE(worst.is_error);
  CHECK(worst.structured["rows"][0]["team"]["abbr"] == "WAS");
  CHECK(contains(markdownOf(worst),
                 "The Washington Wizards had the worst offensive rating in the "
                 "East in 2024-25: 106.8."));
  auto pace = rankings({{"stat", "PACE"}, {"season", "2024-25"}});
  REQUIRE(pace.structured["rows"].size() == 30);
  CHECK(contains(markdownOf(pace),
                 "The Memphis Grizzlies had the highest pace in the NBA in "
                 "2024-25: 103.3."));
  auto points = rankings({{"stat", "PTS"}, {"season", "2024-25"}});
  CHECK(contains(markdownOf(points),
                 "The Cleveland Cavaliers scored the most points per game in "
                 "the NBA in 2024-25: 121.9."));
  auto atlantic = rankings({{"division", "Atlantic"}, {"season", "2024-25"}});
  REQUIRE(atlantic.structured["rows"].size() == 5);
  CHECK(atlantic.structured["rows"][0]["team"]["abbr"] == "BOS");
  CHECK(atlantic.structured["stat"]["code"] == "W_PCT");
  CHECK(atlantic.structured["rows"][0]["w"] == 61);
  // Ranked by record, the record is shown once: the table had "W-L | W-L" (blind audit).
  CHECK(contains(markdownOf(atlantic), "| Rank | Team | W-L |\n"));
  CHECK(contains(markdownOf(atlantic), "| 1 | Boston Celtics | 61-21 |\n"));
  CHECK(contains(markdownOf(pace), "| Rank | Team | Pace | W-L |\n"));
}

TEST_CASE("get_team_rankings: bad input") {
  auto unknown = rankings({{"stat", "PER"}});
  CHECK(unknown.is_error);
  CHECK(contains(markdownOf(unknown), "No team stat 'PER'"));
  CHECK(contains(markdownOf(unknown), "DEF_RATING"));
  CHECK(rankings({{"stat", "PTS"}, {"season", "1990-91"}}).is_error);
  // It said "No team lines in the Pacific Division" (blind audit).
  auto clash = rankings({{"conference", "East"}, {"division", "Pacific"}});
  REQUIRE(clash.is_error);
  CHECK(markdownOf(clash) == "The Pacific division is in the West, not the East.");
  // W_PCT is in both measures; the list names it once.
  CHECK(markdownOf(unknown).find("W_PCT") == markdownOf(unknown).rfind("W_PCT"));
  CHECK_FALSE(acceptedBySchema("get_team_rankings", {{"conference", "North"}}));
  CHECK_FALSE(acceptedBySchema("get_team_rankings", {{"lowest", "yes"}}));
  CHECK_FALSE(acceptedBySchema("get_team_rankings", {{"stat", 5}}));
  CHECK_FALSE(acceptedBySchema("get_team_rankings", {{"team", "Celtics"}}));
  CHECK(acceptedBySchema("get_team_rankings", json::object()));
}
