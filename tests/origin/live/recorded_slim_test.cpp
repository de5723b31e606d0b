// The slim parse of the largest response (commonallplayers) against the whole one.
#include <doctest/doctest.h>

#include "live_fixture.h"
#include "origin/live/slim_response.h"
#include "origin/live/stats_parsers.h"
#include "support/shared_data.h"

namespace nba::live {
namespace {

using nlohmann::json;

TEST_CASE("slim commonallplayers: the same players as the whole response, from fewer cells") {
  if (!testing::sharedDataAvailable(NBA_MCP_SHARED_DATA_DIR)) return;
  const std::string body = testing::readText(std::string(NBA_MCP_SHARED_DATA_DIR) +
                                             "/statsnba-samples/commonallplayers__2025-26__0.json");
  const json whole = json::parse(body);
  auto slim = parseSlimResponse(body, "t", "CommonAllPlayers", playersColumns());
  REQUIRE_MESSAGE(slim.ok(), slim.status().message());
  auto from_whole = parsePlayers(whole, testing::franchises());
  auto from_slim = parsePlayers(slim.value(), testing::franchises());
  REQUIRE(from_whole.ok());
  REQUIRE(from_slim.ok());
  REQUIRE(from_slim->size() == from_whole->size());
  CHECK(from_slim->size() > 5000);
  for (std::size_t i = 0; i < from_slim->size(); ++i) {
    const Player& a = from_slim->at(i);
    const Player& b = from_whole->at(i);
    CHECK(std::tie(a.player_id, a.name, a.active, a.from_year, a.to_year, a.last_team) ==
          std::tie(b.player_id, b.name, b.active, b.from_year, b.to_year, b.last_team));
  }
  // Unread columns are null; the headers and the row count are untouched.
  const json& set = slim->at("resultSets").at(0);
  CHECK(set.at("headers") == whole.at("resultSets").at(0).at("headers"));
  CHECK(set.at("rowSet").size() == whole.at("resultSets").at(0).at("rowSet").size());
  const auto& headers = set.at("headers");
  const auto slug = std::find(headers.begin(), headers.end(), "PLAYER_SLUG") - headers.begin();
  CHECK(set.at("rowSet").at(0).at(static_cast<std::size_t>(slug)).is_null());
}

TEST_CASE("slim parse: other sets, the singular resultSet, odd cells, and not JSON") {
  const std::vector<std::string> wanted = {"B"};
  const std::string body = R"({"resource":"x","resultSets":[
      {"name":"Other","headers":["A","B"],"rowSet":[[1,"keep"]]},
      {"name":"Wanted","headers":["A","B"],"rowSet":[[1,"b1"],["drop",{"nested":[1]}],[3],[]]}]})";
  auto slim = parseSlimResponse(body, "t", "Wanted", wanted);
  REQUIRE(slim.ok());
  const json& other = slim->at("resultSets").at(0).at("rowSet");
  CHECK(other == json::parse(R"([[1,"keep"]])"));  // another set is whole
  const json& rows = slim->at("resultSets").at(1).at("rowSet");
  CHECK(rows == json::parse(R"([[null,"b1"],[null,null],[null],[]])"));
  // The singular resultSet of leagueleaders, with "name" after the headers.
  auto singular =
      parseSlimResponse(R"({"resultSet":{"headers":["A","B"],"name":"Wanted","rowSet":[[1,2]]}})",
                        "t", "Wanted", wanted);
  REQUIRE(singular.ok());
  CHECK(singular->at("resultSet").at("rowSet") == json::parse("[[null,2]]"));
  // Rows before headers: nothing can be chosen, so every cell is kept.
  auto rows_first = parseSlimResponse(
      R"({"resultSets":[{"name":"Wanted","rowSet":[[1,2]],"headers":["A","B"]}]})", "t", "Wanted",
      wanted);
  REQUIRE(rows_first.ok());
  CHECK(rows_first->at("resultSets").at(0).at("rowSet") == json::parse("[[1,2]]"));
  for (const char* bad : {"", "<html>", R"({"resultSets":[)", "[1,2", "{} {}"}) {
    auto rejected = parseSlimResponse(bad, "stats.nba.com commonallplayers", "Wanted", wanted);
    REQUIRE_FALSE(rejected.ok());
    CHECK(rejected.status().code() == StatusCode::kDataLoss);
    CHECK(rejected.status().message().find("stats.nba.com commonallplayers sent a response that "
                                           "is not JSON") == 0);
  }
  // Any JSON value parses: the parsers report a wrong shape.
  CHECK(parseSlimResponse("42", "t", "Wanted", wanted).ok());
}

}  // namespace
}  // namespace nba::live
