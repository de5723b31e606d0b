// Every NBA tool, through the server's tools/call path (schema validation included),
// fed what the schema accepts but handlers once mishandled (2024.0 for 2024), and
// user text built to inject markdown, HTML and bidi controls into the answer.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "app/server_builder.h"
#include "support/injection.h"

namespace nba::app {
namespace {

using nlohmann::json;

ServerBundle& server() {
  static ServerBundle bundle = [] {
    Config config;
    config.origin = "snapshot";
    config.fixed_time = "2026-02-22T12:00:00Z";
    auto built = buildServer(config);
    REQUIRE(built.ok());
    return std::move(built).value();
  }();
  return bundle;
}

// The end-to-end suite's valid arguments for a tool (tests/e2e/known_args).
json knownArguments(const std::string& tool) {
  std::ifstream in(std::string(NBA_MCP_SOURCE_DIR) + "/tests/e2e/known_args/" + tool + ".json");
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

std::string textOf(const mcp::ToolResult& result) { return result.text; }

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

bool hasInjection(const std::string& text) { return testing::hasInjectedMarkup(text); }

// As the protocol tests' injection, with a name's first word in front.
const std::string kInjection = "Le" + testing::kInjection;

const json& schemaProperties(const mcp::ToolDefinition& tool) {
  static const json kNone = json::object();
  auto it = tool.input_schema.find("properties");
  return it == tool.input_schema.end() ? kNone : *it;
}

}  // namespace

TEST_CASE("a season written as 2025.0 means 2024-25 in every tool that takes a season") {
  int checked = 0;
  for (const auto& tool : server().server->tools()) {
    if (tool.name == "get_server_stats" || !schemaProperties(tool).contains("season")) {
      continue;
    }
    CAPTURE(tool.name);
    json arguments = knownArguments(tool.name);
    if (!arguments.contains("season")) {
      continue;  // e.g. a box score named by game id: its season is the game's
    }
    // "2024-25" → 2025.0: the year the season ends, as a whole number with a fraction.
    std::string season = arguments["season"].get<std::string>();
    arguments["season"] = std::stod(season.substr(0, 4)) + 1.0;
    auto result = server().server->callTool(tool.name, arguments);
    CHECK_FALSE(contains(textOf(result), "Internal error"));
    CHECK_FALSE(result.is_error);
    CHECK(contains(textOf(result), season));
    ++checked;
  }
  CHECK(checked >= 11);
}

TEST_CASE("whole numbers written with a fraction give the same answer as integers") {
  auto as_int = server().server->callTool("get_league_leaders",
                                          {{"stat", "PTS"}, {"season", "2024-25"}, {"limit", 3}});
  auto as_float = server().server->callTool(
      "get_league_leaders", {{"stat", "PTS"}, {"season", "2024-25"}, {"limit", 3.0}});
  REQUIRE_FALSE(as_int.is_error);
  CHECK(as_float.text == as_int.text);
  CHECK(contains(as_float.text, "Shai Gilgeous-Alexander"));
  CHECK(contains(as_float.text, "32.7"));
  auto log = server().server->callTool(
      "get_player_game_log", {{"player", "Nikola Jokic"}, {"season", 2024.0}, {"last_n", 2.0}});
  CHECK_FALSE(log.is_error);
  CHECK(contains(log.text, "2023-24"));
}

TEST_CASE("a season that is no season is a clear error, not an internal one") {
  for (const json& season : {json(2024.5), json(1e300), json(-3.0)}) {
    CAPTURE(season.dump());
    auto result = server().server->callTool(
        "get_player_stats", {{"player", "Shai Gilgeous-Alexander"}, {"season", season}});
    CHECK(result.is_error);
    CHECK_FALSE(contains(textOf(result), "Internal error"));
    CHECK(contains(textOf(result), "season"));
  }
}

TEST_CASE("user text cannot inject markdown, HTML or bidi controls into any tool's answer") {
  int fed = 0;
  for (const auto& tool : server().server->tools()) {
    json base = tool.name == "get_server_stats" ? json::object() : knownArguments(tool.name);
    for (const auto& item : schemaProperties(tool).items()) {
      const std::string name = item.key();  // not a structured binding: CAPTURE takes it
      const json& property = item.value();
      auto type = property.find("type");
      bool list = type != property.end() && *type == "array";
      bool not_text = type != property.end() && (*type == "integer" || *type == "boolean");
      if (not_text) {
        continue;
      }
      CAPTURE(tool.name);
      CAPTURE(name);
      json arguments = base;
      if (list) {
        arguments[name] = json::array({kInjection, "Kevin Durant"});
      } else {
        arguments[name] = kInjection;
      }
      auto result = server().server->callTool(tool.name, arguments);
      CHECK_FALSE(hasInjection(textOf(result)));
      CHECK_FALSE(contains(textOf(result), "Internal error"));
      ++fed;
    }
  }
  CHECK(fed >= 25);
}

}  // namespace nba::app
