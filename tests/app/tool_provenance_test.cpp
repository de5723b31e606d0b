// Every NBA tool's structured content carries the same provenance block, from one builder
// (nba/tools/provenance.h), and it agrees with the result's `_meta`.
#include <doctest/doctest.h>

#include <regex>

#include "app/server_builder.h"

namespace nba::app {
namespace {

using nlohmann::json;

ServerBundle serverOn(const std::string& fixed_time) {
  Config config;
  config.origin = "snapshot";
  config.fixed_time = fixed_time;
  auto built = buildServer(config);
  REQUIRE(built.ok());
  return std::move(built).value();
}

// The golden clock: "this season" is 2024-25, over.
ServerBundle& snapshotServer() {
  static ServerBundle bundle = serverOn("2025-04-14T12:00:00Z");
  return bundle;
}

// One call of every NBA tool (get_league_leaders twice: for a season and for a day).
const std::vector<std::pair<std::string, json>>& everyTool() {
  static const std::vector<std::pair<std::string, json>> calls = {
      {"resolve_entity", {{"query", "1628983"}}},
      {"get_player_stats", {{"player", "Shai Gilgeous-Alexander"}, {"season", "2024-25"}}},
      {"get_player_career", {{"player", "Nikola Jokic"}}},
      {"get_player_game_log", {{"player", "Luka Doncic"}, {"last_n", 3}}},
      {"compare_players", {{"players", {"LeBron James", "Stephen Curry"}}}},
      {"get_league_leaders", {{"stat", "PTS"}}},
      {"get_league_leaders", {{"stat", "PTS"}, {"date", "2024-01-10"}}},
      {"get_awards", {{"award", "MVP"}, {"season", "2023-24"}}},
      {"get_team_standings", {{"conference", "West"}}},
      {"get_team_stats", {{"team", "Celtics"}}},
      {"compare_teams", {{"teams", {"Celtics", "Knicks"}}}},
      {"get_team_rankings", {{"stat", "DEF_RATING"}}},
      {"get_live_scores", {{"date", "2025-02-12"}}},
      {"get_head_to_head", {{"team_a", "Lakers"}, {"team_b", "Celtics"}}},
      {"get_schedule", {{"team", "Knicks"}, {"last_n", 3}}},
      {"get_box_score", {{"game_id", "0022300061"}}},
  };
  return calls;
}

TEST_CASE("every NBA tool's structured content carries season, as_of, source and coverage") {
  mcp::McpServer& server = *snapshotServer().server;
  const std::regex date(R"(\d{4}-\d{2}-\d{2})");
  for (const auto& call : everyTool()) {
    // Named, not structured bindings: clang 14 cannot capture those (CAPTURE is a lambda).
    const std::string& tool = call.first;
    const json& arguments = call.second;
    CAPTURE(tool);
    CAPTURE(arguments.dump());
    const mcp::ToolResult result = server.callTool(tool, arguments);
    REQUIRE_FALSE(result.is_error);
    REQUIRE(result.structured.has_value());
    const json& out = *result.structured;
    CHECK((out.at("season").is_string() || out.at("season").is_null()));
    CHECK(std::regex_match(out.at("as_of").get<std::string>(), date));
    CHECK(out.at("source") == "snapshot");
    CHECK((out.at("coverage") == "complete" || out.at("coverage") == "partial"));
    CHECK(out.at("as_of") == result.meta.at("dev.nbamcp/as_of"));
    CHECK(out.at("source") == result.meta.at("dev.nbamcp/source"));
  }
}

TEST_CASE("provenance says what the figures cover: a finished season, the season in progress") {
  mcp::McpServer& server = *snapshotServer().server;
  const mcp::ToolResult done =
      server.callTool("get_head_to_head", {{"team_a", "Lakers"}, {"team_b", "Celtics"}});
  REQUIRE_FALSE(done.is_error);
  CHECK(done.structured->at("season") == "2024-25");  // "this season" on 2025-04-14
  CHECK(done.structured->at("as_of") == "2025-04-13");
  CHECK(done.structured->at("coverage") == "complete");
  // On 2026-03-01 "this season" is 2025-26, which the snapshot has to 2026-02-21.
  ServerBundle midseason = serverOn("2026-03-01T12:00:00Z");
  const mcp::ToolResult now =
      midseason.server->callTool("get_player_stats", {{"player", "1628983"}});
  REQUIRE_FALSE(now.is_error);
  CHECK(now.structured->at("season") == "2025-26");
  CHECK(now.structured->at("as_of") == "2026-02-21");
  CHECK(now.structured->at("coverage") == "partial");
  CHECK(now.structured->at("line").at("pts") == doctest::Approx(31.8));
  const mcp::ToolResult career = server.callTool("get_player_career", {{"player", "203999"}});
  REQUIRE_FALSE(career.is_error);
  CHECK(career.structured->at("season").is_null());  // a career spans seasons
}

}  // namespace
}  // namespace nba::app
