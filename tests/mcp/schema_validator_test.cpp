#include "mcp/schema_validator.h"

#include <doctest/doctest.h>

using nba::mcp::describeViolations;
using nba::mcp::validateAgainstSchema;
using nlohmann::json;

namespace {

const json kSchema = json::parse(R"({
  "type":"object",
  "properties":{
    "player":{"type":"string","minLength":1,"maxLength":10},
    "limit":{"type":"integer","minimum":1,"maximum":50},
    "per_mode":{"enum":["PerGame","Totals"]},
    "players":{"type":"array","items":{"type":"string"},"minItems":2,"maxItems":4,
               "uniqueItems":true},
    "date":{"type":"string","format":"date"},
    "season":{"anyOf":[{"type":"string"},{"type":"integer"}]}
  },
  "required":["player"],
  "additionalProperties":false})");

std::string check(const json& args) {
  return describeViolations(validateAgainstSchema(args, kSchema), "arguments");
}

}  // namespace

TEST_CASE("valid arguments pass") {
  CHECK(check({{"player", "Jokic"}, {"limit", 5}, {"per_mode", "Totals"}}).empty());
  CHECK(check({{"player", "Jokic"}, {"limit", 5.0}}).empty());  // 5.0 is an integer
  CHECK(check({{"player", "x"}, {"season", 2025}}).empty());
  CHECK(check({{"player", "x"}, {"date", "2024-02-29"}}).empty());
}

TEST_CASE("each violation names the argument path") {
  CHECK(check(json::object()) == "player: is required");
  CHECK(check({{"player", 7}}) == "player: expected string, got integer 7");
  CHECK(check({{"player", "x"}, {"limit", "ten"}}) ==
        "limit: expected integer, got string \"ten\"");
  CHECK(check({{"player", "x"}, {"limit", 0}}) == "limit: must be at least 1 (got 0)");
  CHECK(check({{"player", "x"}, {"limit", 1000000000}}) ==
        "limit: must be at most 50 (got 1000000000)");
  CHECK(check({{"player", "x"}, {"limit", 2.5}}) == "limit: expected integer, got number 2.5");
  CHECK(check({{"player", "x"}, {"players", {"a"}}}) == "players: needs at least 2 items (got 1)");
  CHECK(check({{"player", "x"}, {"players", {"a", "b", "a"}}}) ==
        "players: must not repeat items (\"a\" appears twice)");
  CHECK(check({{"player", "x"}, {"players", {"a", 3}}}) ==
        "players[1]: expected string, got integer 3");
  CHECK(check({{"player", "x"}, {"per_mode", "Per99"}}) ==
        "per_mode: must be one of [\"PerGame\",\"Totals\"] (got \"Per99\")");
  CHECK(check({{"player", "x"}, {"date", "2025-02-30"}}) ==
        "date: must be a real calendar date as YYYY-MM-DD (got \"2025-02-30\")");
  CHECK(check({{"player", "x"}, {"date", "2023-02-29"}}).find("real calendar date") !=
        std::string::npos);
  CHECK(check({{"player", "x"}, {"bogus", 1}}) ==
        "bogus: is not a known argument (known: date, limit, per_mode, player, players, season)");
  CHECK(check({{"player", "x"}, {"season", {1}}}).find("season: matches none") == 0);
}

TEST_CASE("string length counts characters, not bytes") {
  CHECK(check({{"player", "Jokić Şengü"}}) == "player: must be at most 10 characters (got 11)");
  CHECK(check({{"player", "Dončić"}}).empty());
  CHECK(check({{"player", ""}}) == "player: must be at least 1 characters (got 0)");
}

TEST_CASE("the number of violations reported is capped") {
  json args = {{"a", 1}, {"b", 2}, {"c", 3}, {"d", 4}, {"e", 5}, {"f", 6}, {"g", 7}};
  CHECK(validateAgainstSchema(args, kSchema, 3).size() == 3);
}
