#include "origin/live/stats_table.h"

#include <doctest/doctest.h>

#include "origin/live/nba_date.h"

namespace nba::live {
namespace {

using nlohmann::json;

TEST_CASE("StatsTable reads resultSets and leagueleaders' singular resultSet, by header name") {
  const json plural = json::parse(R"({"resultSets":[
      {"name":"Other","headers":["X"],"rowSet":[[1]]},
      {"name":"LeagueLeaders","headers":["PLAYER_ID","PTS"],"rowSet":[[1628983,2484]]}]})");
  const json singular = json::parse(R"({"resultSet":
      {"name":"LeagueLeaders","headers":["PTS","PLAYER_ID"],"rowSet":[[2484,1628983]]}})");
  for (const json& response : {plural, singular}) {
    auto table = StatsTable::find(response, "leagueleaders", "LeagueLeaders");
    REQUIRE_MESSAGE(table.ok(), table.status().message());
    auto cols = table->columns({"PLAYER_ID", "PTS"});
    REQUIRE(cols.ok());
    CHECK(table->rowCount() == 1);
    CHECK(table->text(0, cols.value()[0]) == "1628983");
    CHECK(table->whole(0, cols.value()[1]) == 2484);
  }
}

TEST_CASE("StatsTable names the endpoint and the missing set or column") {
  const json response = json::parse(R"({"resultSets":[{"name":"A","headers":["X"],"rowSet":[]}]})");
  auto missing_set = StatsTable::find(response, "leaguegamelog", "LeagueGameLog");
  REQUIRE_FALSE(missing_set.ok());
  CHECK(missing_set.status().code() == StatusCode::kDataLoss);
  CHECK(missing_set.status().message() ==
        "stats.nba.com leaguegamelog: no result set 'LeagueGameLog' in the response");
  auto table = StatsTable::find(response, "leaguegamelog", "A");
  REQUIRE(table.ok());
  auto cols = table->columns({"X", "GAME_DATE"});
  REQUIRE_FALSE(cols.ok());
  CHECK(cols.status().message() ==
        "stats.nba.com leaguegamelog: the response has no column 'GAME_DATE'");
}

TEST_CASE("StatsTable treats every odd cell as empty, never crashes") {
  const json response = json::parse(R"({"resultSets":[{"name":"T","headers":["N","S"],
      "rowSet":[[null,"x"],["NaN",1.5],["12",{"a":1}],[],["inf","1e400"],[1e308,"  7"]]}]})");
  auto table = StatsTable::find(response, "t", "T");
  REQUIRE(table.ok());
  CHECK_FALSE(table->number(0, 0).has_value());  // null
  CHECK_FALSE(table->number(0, 1).has_value());  // "x"
  CHECK_FALSE(table->number(1, 0).has_value());  // "NaN"
  CHECK(table->number(1, 1) == doctest::Approx(1.5));
  CHECK(table->whole(2, 0) == 12);               // a number in a string
  CHECK(table->text(2, 1).empty());              // an object
  CHECK_FALSE(table->number(3, 0).has_value());  // a short row
  CHECK(table->text(3, 5).empty());
  CHECK_FALSE(table->number(4, 0).has_value());   // "inf"
  CHECK_FALSE(table->number(4, 1).has_value());   // out of range
  CHECK_FALSE(table->whole(5, 0).has_value());    // too big to be a count
  CHECK_FALSE(table->number(5, 1).has_value());   // padded
  CHECK_FALSE(table->number(99, 0).has_value());  // no such row

  for (const char* bad : {R"({"resultSets":[{"name":"T","headers":["N"],"rowSet":[1,2]}]})",
                          R"({"resultSets":[{"name":"T","headers":"N","rowSet":[]}]})",
                          R"({"resultSets":{"name":"T"}})", R"([1,2,3])", R"("T")"}) {
    const json response_text = json::parse(bad);
    auto rejected = StatsTable::find(response_text, "t", "T");
    CHECK_FALSE(rejected.ok());
    CHECK(rejected.status().code() == StatusCode::kDataLoss);
  }
}

TEST_CASE("NBA.com dates in every format its endpoints use") {
  CHECK(parseNbaDate("2025-10-21") == "2025-10-21");    // leaguegamelog
  CHECK(parseNbaDate("APR 14, 2024") == "2024-04-14");  // teamgamelog
  CHECK(parseNbaDate("Feb 20, 2026") == "2026-02-20");  // playergamelog
  CHECK(parseNbaDate("Feb 2, 2026") == "2026-02-02");
  CHECK(parseNbaDate("2026-02-22T00:00:00") == "2026-02-22");  // scoreboardv2
  CHECK(parseNbaDate("2026-02-22T00:30:00Z") == "2026-02-22");
  CHECK(parseNbaDate(" 2024-02-29 ") == "2024-02-29");
  for (const char* bad : {"", "2025-02-29", "2025-13-01", "Foo 1, 2025", "APR 14 2024",
                          "2025/10/21", "20251021", "APR 32, 2024", "2025-10-21 junk"}) {
    CHECK_MESSAGE(!parseNbaDate(bad).has_value(), bad);
  }
}

}  // namespace
}  // namespace nba::live
