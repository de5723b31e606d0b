#include <doctest/doctest.h>

#include "game_tool_test_support.h"
#include "support/tool_markdown.h"

using nba::testing::games::contains;
using nba::testing::games::inputViolations;
using nba::testing::games::runGameTool;
using nlohmann::json;

namespace {

nba::tools::ToolAnswer liveScores(const json& arguments) {
  return runGameTool("get_live_scores", arguments);
}

}  // namespace

TEST_CASE("get_live_scores: the games of 2025-01-23 with final scores") {
  auto answer = liveScores({{"date", "2025-01-23"}});
  REQUIRE_FALSE(answer.is_error);
  const json& s = answer.structured;
  CHECK(s["season"] == "2024-25");
  CHECK(s["as_of"] == "2025-04-13");
  CHECK(s["source"] == "snapshot");
  CHECK(s["game_count"] == 9);
  CHECK(s["leaders_available"] == false);
  bool found = false;
  for (const auto& game : s["games"]) {
    CHECK(game["status"] == "Final");
    CHECK(game["clock"].is_null());
    if (game["home"] == "LAL") {
      found = true;
      CHECK(game["away"] == "BOS");
      CHECK(game["home_pts"] == 117);
      CHECK(game["away_pts"] == 96);
      CHECK(game["winner"] == "LAL");
    }
  }
  CHECK(found);
  CHECK(contains(markdownOf(answer), "9 games were played on Thursday, 2025-01-23, all final."));
  CHECK(contains(markdownOf(answer), "no game leaders"));
  CHECK(answer.meta["dev.nbamcp/season"] == "2024-25");
}

TEST_CASE("get_live_scores: today and yesterday are US/Eastern dates on the clock") {
  // The test clock is 2026-02-22T12:00Z: yesterday is 2026-02-21, the snapshot's last day.
  auto yesterday = liveScores({{"date", " Yesterday "}});
  REQUIRE_FALSE(yesterday.is_error);
  CHECK(yesterday.structured["date"] == "2026-02-21");
  CHECK(yesterday.structured["requested"] == " Yesterday ");
  CHECK(yesterday.structured["season"] == "2025-26");
  CHECK(yesterday.structured["game_count"] == 6);
  CHECK(contains(markdownOf(yesterday), "is 2026-02-21 in US/Eastern"));
  // Today (the default) is past the data: the error names the dates the data covers.
  auto today = liveScores(json::object());
  REQUIRE(today.is_error);
  CHECK(contains(markdownOf(today), "no games for 2026-02-22"));
  CHECK(contains(markdownOf(today), "2025-26: 2025-10-21 to 2026-02-21"));
  CHECK(contains(markdownOf(today), "2023-24: 2023-10-24 to 2024-04-14"));
}

TEST_CASE("get_live_scores: a day without games and dates outside the data are errors") {
  auto thanksgiving = liveScores({{"date", "2024-11-28"}});
  REQUIRE(thanksgiving.is_error);
  CHECK(contains(markdownOf(thanksgiving), "No NBA games on Thursday, 2024-11-28."));
  CHECK(contains(markdownOf(thanksgiving), "previous game day was 2024-11-27"));
  CHECK(contains(markdownOf(thanksgiving), "next is 2024-11-29"));
  auto christmas = liveScores({{"date", "2024-12-25"}});
  REQUIRE_FALSE(christmas.is_error);
  CHECK(christmas.structured["game_count"] == 5);
  for (const char* outside : {"2024-07-01", "2019-01-15", "2030-01-01"}) {
    CAPTURE(outside);
    auto answer = liveScores({{"date", outside}});
    REQUIRE(answer.is_error);
    CHECK(contains(markdownOf(answer), "it covers 2023-24: 2023-10-24 to 2024-04-14"));
  }
  auto cup_final = liveScores({{"date", "2024-12-17"}});
  REQUIRE_FALSE(cup_final.is_error);
  CHECK(cup_final.structured["games"][0]["kind"] == "cup_final");
  CHECK(contains(markdownOf(cup_final), "MIL 97, OKC 81"));
}

TEST_CASE("get_live_scores: unreadable dates name the accepted forms") {
  for (const char* bad : {"2025-02-30", "yesterday-ish", "2025-1-5", "23/01/2025", ""}) {
    CAPTURE(bad);
    auto answer = liveScores({{"date", bad}});
    REQUIRE(answer.is_error);
    CHECK(contains(markdownOf(answer), "YYYY-MM-DD"));
    CHECK(contains(markdownOf(answer), "\"yesterday\""));
  }
}

TEST_CASE("get_live_scores: the input schema rejects wrong types, long strings, extras") {
  CHECK(inputViolations("get_live_scores", {{"date", "2025-01-23"}}).empty());
  CHECK(inputViolations("get_live_scores", json::object()).empty());
  CHECK(contains(inputViolations("get_live_scores", {{"date", 20250123}}), "date"));
  CHECK(contains(inputViolations("get_live_scores", {{"date", json::array({"today"})}}), "date"));
  CHECK(contains(inputViolations("get_live_scores", {{"date", std::string(5000, 'x')}}), "date"));
  CHECK(contains(inputViolations("get_live_scores", {{"day", "today"}}), "day"));
}
