#include <doctest/doctest.h>

#include "origin/forwarding_data_source.h"
#include "player_tool_support.h"
#include "support/tool_markdown.h"

using nba::testing::checkRequiredMembers;
using nba::testing::contains;
using nba::testing::rejectedBySchema;
using nlohmann::json;

namespace {

nba::tools::ToolAnswer gameLog(const json& arguments) {
  return nba::testing::runPlayerTool("get_player_game_log", arguments);
}

}  // namespace

TEST_CASE("get_player_game_log: LeBron's last 5 games of 2023-24, newest first") {
  auto answer = gameLog({{"player", "LeBron"}, {"season", "2023-24"}, {"last_n", 5}});
  REQUIRE_FALSE(answer.is_error);
  const json& games = answer.structured["games"];
  REQUIRE(games.size() == 5);
  CHECK(games[0]["date"] == "2024-04-14");
  CHECK(games[0]["opponent"] == "NOP");
  CHECK(games[0]["home"] == false);
  CHECK(games[0]["pts"] == 28);
  CHECK(games[0]["ast"] == 17);
  CHECK(games[0]["plus_minus"] == 19);
  CHECK(games[1]["date"] == "2024-04-12");
  CHECK(games[1]["pts"] == 37);
  CHECK(games[4]["date"] == "2024-04-03");
  // (28 + 37 + 33 + 24 + 25) / 5 = 29.4 points; 4-1.
  CHECK(answer.structured["averages"]["pts"].get<double>() == doctest::Approx(29.4));
  CHECK(answer.structured["averages"]["games"] == 5);
  CHECK(answer.structured["season_log"]["games"] == 71);
  CHECK(answer.structured["season_log"]["pts"] == 1822);
  CHECK(answer.structured["coverage"] == "partial");
  CHECK(contains(markdownOf(answer), "from 2024-04-03 to 2024-04-14, 4-1"));
  CHECK(contains(markdownOf(answer), "averaged 29.4 points"));
  CHECK(contains(markdownOf(answer), "| 2024-04-14 | @ NOP | W | 38 | 28 | 11 | 17 |"));
  CHECK(contains(markdownOf(answer), "71 games, 1,822 points in this log"));
  checkRequiredMembers("get_player_game_log", answer.structured);
}

TEST_CASE("get_player_game_log: an opponent keeps every game against it (blind audit)") {
  // Jokić against the Lakers in 2023-24: three games, all won (the game log's rows).
  auto answer = gameLog({{"player", "Jokic"}, {"season", "2023-24"}, {"opponent", "Lakers"}});
  REQUIRE_FALSE(answer.is_error);
  const json& games = answer.structured["games"];
  REQUIRE(games.size() == 3);
  CHECK(games[0]["date"] == "2024-03-02");
  CHECK(games[0]["pts"] == 35);
  CHECK(games[1]["date"] == "2024-02-08");
  CHECK(games[2]["date"] == "2023-10-24");
  CHECK(games[2]["home"] == true);
  for (const json& game : games) CHECK(game["opponent"] == "LAL");
  CHECK(answer.structured["filters"]["opponent"] == "LAL");
  CHECK(answer.structured["filters"]["last_n"].is_null());  // not the last 10 by default
  CHECK(contains(markdownOf(answer),
                 "Over 3 games of 2023-24 against LAL (from 2023-10-24 to "
                 "2024-03-02, 3-0), Nikola Jokić averaged 29.3 points"));
  checkRequiredMembers("get_player_game_log", answer.structured);
  // With last_n, the latest of those games.
  auto last =
      gameLog({{"player", "Jokic"}, {"season", "2023-24"}, {"opponent", "LAL"}, {"last_n", 1}});
  REQUIRE(last.structured["games"].size() == 1);
  CHECK(last.structured["games"][0]["date"] == "2024-03-02");
  CHECK(contains(markdownOf(last), "| Average | 1 game |"));  // was "1 games" (blind audit)
  // His own team, an ambiguous name, a team that is none: errors a person can act on.
  auto own = gameLog({{"player", "LeBron"}, {"season", "2023-24"}, {"opponent", "Lakers"}});
  REQUIRE(own.is_error);
  CHECK(contains(markdownOf(own), "No games for LeBron James against LAL in his 2023-24 log."));
  auto la = gameLog({{"player", "LeBron"}, {"season", "2023-24"}, {"opponent", "LA"}});
  REQUIRE(la.is_error);
  CHECK(contains(markdownOf(la), "Say which one"));
  auto none = gameLog({{"player", "LeBron"}, {"season", "2023-24"}, {"opponent", "Zzyzx"}});
  REQUIRE(none.is_error);
}

TEST_CASE("get_player_game_log: date ranges, the default and the whole season") {
  auto range =
      gameLog({{"player", "LeBron James"}, {"date_from", "2024-04-06"}, {"date_to", "2024-04-12"}});
  REQUIRE_FALSE(range.is_error);
  CHECK(range.structured["season"] == "2023-24");  // implied by the dates
  REQUIRE(range.structured["games"].size() == 3);
  CHECK(range.structured["games"][2]["date"] == "2024-04-06");

  auto all = gameLog({{"player", "LeBron"}, {"season", "2023-24"}, {"last_n", 82}});
  CHECK(all.structured["games"].size() == 71);
  CHECK(all.structured["averages"]["pts"].get<double>() == doctest::Approx(25.7));

  // No season and no dates: 2025-26 has no logs; falls back to 2023-24, last 10, and says so.
  auto fallback = gameLog({{"player", "Doncic"}});
  REQUIRE_FALSE(fallback.is_error);
  CHECK(fallback.structured["season"] == "2023-24");
  CHECK(fallback.structured["games"].size() == 10);
  CHECK(fallback.structured["season_log"]["pts"] == 2370);
  CHECK(contains(markdownOf(fallback), "No 2025-26 game log in the data; showing 2023-24"));
}

TEST_CASE("get_player_game_log: errors name the season that has logs") {
  auto other = gameLog({{"player", "LeBron"}, {"season", "2024-25"}});
  CHECK(other.is_error);
  CHECK(contains(markdownOf(other), "No 2024-25 game log for LeBron James"));
  CHECK(contains(markdownOf(other), "game logs exist for 2023-24"));

  auto missing = gameLog({{"player", "Killian Hayes"}, {"season", "2023-24"}});
  CHECK(missing.is_error);
  CHECK(contains(markdownOf(missing), "Killian Hayes"));
  CHECK(contains(markdownOf(missing), "partial"));

  auto empty =
      gameLog({{"player", "LeBron"}, {"date_from", "2024-07-01"}, {"date_to", "2024-07-31"}});
  CHECK(empty.is_error);
  CHECK(contains(markdownOf(empty), "runs from 2023-10-24 to 2024-04-14"));

  auto reversed =
      gameLog({{"player", "LeBron"}, {"date_from", "2024-04-10"}, {"date_to", "2024-04-01"}});
  CHECK(reversed.is_error);
  CHECK(contains(markdownOf(reversed), "is after date_to"));

  auto before_data = gameLog({{"player", "LeBron"}, {"date_from", "2019-01-01"}});
  CHECK(before_data.is_error);
  CHECK(contains(markdownOf(before_data), "2023-24"));
  CHECK(gameLog({{"player", "Qwxz Zzyy"}, {"season", "2023-24"}}).is_error);
}

TEST_CASE("get_player_game_log: the input schema rejects bad arguments") {
  const std::string tool = "get_player_game_log";
  CHECK_FALSE(rejectedBySchema(tool, {{"player", "LeBron"}, {"last_n", 1}}));
  CHECK_FALSE(rejectedBySchema(tool, {{"player", "LeBron"}, {"date_from", "2024-02-29"}}));
  for (json last_n : {json(0), json(-1), json(83), json(1000000000), json("5"), json(2.5)}) {
    CAPTURE(last_n);
    CHECK(rejectedBySchema(tool, {{"player", "LeBron"}, {"last_n", last_n}}));
  }
  for (const char* date :
       {"2025-02-30", "yesterday-ish", "2024-13-01", "2023-02-29", "24-01-01", "2024-1-1", ""}) {
    CAPTURE(date);
    CHECK(rejectedBySchema(tool, {{"player", "LeBron"}, {"date_from", date}}));
    CHECK(rejectedBySchema(tool, {{"player", "LeBron"}, {"date_to", date}}));
  }
  CHECK(rejectedBySchema(tool, {{"player", "LeBron"}, {"per_mode", "Totals"}}));
  CHECK(rejectedBySchema(tool, {{"player", json::array({"LeBron"})}}));
}

namespace {

// The embedded snapshot, except that each game log it hands out is a fresh copy the answer
// alone keeps alive, as a live or cached log is (the snapshot lends its rows, which outlive
// every call).
class OwnedLogSource final : public nba::ForwardingDataSource {
 public:
  explicit OwnedLogSource(const nba::DataSource& inner) : inner_(inner) {}

  nba::Result<nba::Table<nba::GameLogRow>> playerGameLog(const nba::CallContext& context,
                                                         const std::string& player_id,
                                                         nba::Season season) const override {
    auto lent = inner_.playerGameLog(context, player_id, season);
    if (!lent.ok()) return lent.status();
    nba::Table<nba::GameLogRow> owned;
    owned.meta = lent->meta;
    owned.rows = nba::Rows<nba::GameLogRow>(lent->rows.copy());
    return owned;
  }

 private:
  nba::Result<const nba::DataSource*> target(const nba::CallContext& /*context*/) const override {
    return &inner_;
  }
  const nba::DataSource& inner_;
};

}  // namespace

// The rows shown must keep the log's rows alive: borrowing them from a log that owns its rows
// left the answer reading freed memory (caught by AddressSanitizer in CI).
TEST_CASE("get_player_game_log: a log the source hands over (live, cached) is read safely") {
  const nba::tools::ToolEnv& snapshot = nba::testing::snapshotEnv();
  const OwnedLogSource owned(snapshot.data);
  const nba::tools::ToolEnv env{owned, snapshot.resolver, snapshot.clock, snapshot.call};
  auto answer = nba::testing::runPlayerTool(
      "get_player_game_log", {{"player", "LeBron"}, {"season", "2023-24"}, {"last_n", 3}}, env);
  REQUIRE_FALSE(answer.is_error);
  const json& games = answer.structured["games"];
  REQUIRE(games.size() == 3);
  CHECK(games[0]["date"] == "2024-04-14");
  CHECK(games[0]["opponent"] == "NOP");
  CHECK(games[0]["pts"] == 28);
  CHECK(games[1]["date"] == "2024-04-12");
  CHECK(games[1]["pts"] == 37);
  CHECK(games[2]["pts"] == 33);
  CHECK(answer.structured["averages"]["pts"].get<double>() == doctest::Approx(32.7));
  CHECK(contains(markdownOf(answer), "| 2024-04-14 | @ NOP | W | 38 | 28 | 11 | 17 |"));
}
