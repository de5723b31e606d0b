// Responses from NBA.com are untrusted input. Every parser gets the recorded responses
// mutated the ways a broken proxy, a schema change or a hostile network would mutate them:
// cut short, cells of the wrong type, NaN strings, huge and empty row sets. None may crash,
// hang or throw; each returns rows or an error.
#include <doctest/doctest.h>

#include <functional>
#include <random>

#include "live_fixture.h"
#include "origin/live/schedule_fixture.h"
#include "origin/live/stats_parsers.h"
#include "support/shared_data.h"

namespace nba::live {
namespace {

using nlohmann::json;
using testing::franchises;
using testing::recordedResponse;

struct Endpoint {
  const char* file;
  std::function<bool(const json&)> parse;  // true when it returned rows
  bool parses_unmutated = true;            // the team lines need three measures, not one
};

std::vector<Endpoint> endpoints() {
  const Season s{2025};
  const auto& teams = franchises();
  return {
      {"leaguedashplayerstats__2025-26__RegularSeason__Totals__Base__0.json",
       [s](const json& r) { return parsePlayerSeasonLines(r, s).ok(); }},
      {"playercareerstats__Totals__1628378.json",
       [](const json& r) { return parsePlayerCareer(r, "1628378").ok(); }},
      {"leaguestandingsv3__2025-26__RegularSeason.json",
       [s, &teams](const json& r) { return parseStandings(r, s, teams).ok(); }},
      {"commonallplayers__2025-26__0.json",
       [&teams](const json& r) { return parsePlayers(r, teams).ok(); }},
      {"leaguegamelog__2025-26__RegularSeason__T.json",
       [s, &teams](const json& r) { return parseLeagueGameLog(r, s, teams).ok(); }},
      {"playergamelog__2025-26__RegularSeason__1628378.json",
       [s](const json& r) { return parsePlayerGameLog(r, s, "1628378").ok(); }},
      {"playerawards__1628378.json",
       [](const json& r) { return parsePlayerAwards(r, "1628378").ok(); }},
      {"leaguedashteamstats__2025-26__RegularSeason__Totals__Base__0.json",
       [s, &teams](const json& r) { return parseTeamSeasonLines(r, r, r, {}, s, teams).ok(); },
       false},
  };
}

// The values a cell may be replaced with.
json oddValue(std::mt19937& rng) {
  static const json kOdd[] = {nullptr,
                              "NaN",
                              "",
                              "-",
                              "1e999",
                              -1,
                              1e300,
                              "9999999999999999999",
                              json::array(),
                              json::object(),
                              true,
                              "Dončić",
                              0.5,
                              "APR 99, 2024"};
  return kOdd[std::uniform_int_distribution<std::size_t>(0, std::size(kOdd) - 1)(rng)];
}

json mutateCells(json response, std::mt19937& rng) {
  for (json& set : response["resultSets"]) {
    for (json& row : set["rowSet"]) {
      for (json& cell : row) {
        if (std::uniform_int_distribution<int>(0, 9)(rng) == 0) cell = oddValue(rng);
      }
    }
  }
  return response;
}

TEST_CASE("every live parser survives mutated real responses") {
  if (!testing::sharedDataAvailable(NBA_MCP_SHARED_DATA_DIR)) return;
  std::mt19937 rng(20261130);
  for (const Endpoint& endpoint : endpoints()) {
    INFO(std::string(endpoint.file));
    const json original = recordedResponse(endpoint.file);
    CHECK(endpoint.parse(original) == endpoint.parses_unmutated);
    const std::string text = original.dump();
    // Cut short at many points: what parses is JSON, but maybe not the endpoint's shape.
    for (std::size_t cut = 1; cut < text.size(); cut += text.size() / 13 + 1) {
      json truncated = json::parse(text.substr(0, cut), nullptr, false);
      if (!truncated.is_discarded()) (void)endpoint.parse(truncated);
    }
    for (int round = 0; round < 6; ++round) (void)endpoint.parse(mutateCells(original, rng));
    // Rows of the wrong shape, a huge row set, an empty one, columns gone.
    json shapes = original;
    shapes["resultSets"][0]["rowSet"] = json::array({1, "x", nullptr});
    CHECK_FALSE(endpoint.parse(shapes));
    json huge = original;
    json& rows = huge["resultSets"][0]["rowSet"];
    const json first = rows.empty() ? json::array() : rows[0];
    rows = json::array();
    for (int i = 0; i < 4000; ++i) rows.push_back(first);  // most real sets are under 2,000
    (void)endpoint.parse(huge);
    json empty = original;
    empty["resultSets"][0]["rowSet"] = json::array();
    (void)endpoint.parse(empty);
    json headless = original;
    headless["resultSets"][0]["headers"] = json::array();
    CHECK_FALSE(endpoint.parse(headless));
    for (const json& odd : {json(nullptr), json(42), json("text"), json::array(), json::object()}) {
      CHECK_FALSE(endpoint.parse(odd));
    }
  }
}

// Any value anywhere in a nested response (the V3 and cdn shapes) replaced with an odd one.
void mutateTree(json& value, std::mt19937& rng) {
  if (value.is_object() || value.is_array()) {
    for (auto& child : value) mutateTree(child, rng);
    return;
  }
  if (std::uniform_int_distribution<int>(0, 7)(rng) == 0) value = oddValue(rng);
}

TEST_CASE("the nested-shape parsers survive mutated responses: scoreboard, box score, schedule") {
  const Season s{2025};
  const auto& teams = franchises();
  struct Nested {
    std::string name;
    json original;
    std::function<bool(const json&)> parse;
  };
  std::vector<Nested> nested = {{"schedule", testing::schedule2025(), [&](const json& r) {
                                   return parseSchedule(r, "t", s, teams).ok();
                                 }}};
  if (testing::sharedDataAvailable(NBA_MCP_SHARED_DATA_DIR)) {
    const std::string cdn = std::string(NBA_MCP_SHARED_DATA_DIR) + "/cdn-live-samples/";
    nested.push_back({"scoreboard",
                      json::parse(testing::readText(cdn + "todaysScoreboard_00__2023-04-20.json")),
                      [&](const json& r) { return parseScoreboard(r, "t", s, teams).ok(); }});
    nested.push_back({"boxscoretraditionalv3",
                      recordedResponse("boxscoretraditionalv3__0022200552.json"),
                      [&](const json& r) { return parseBoxScoreV3(r, s).ok(); }});
  }
  std::mt19937 rng(20261130);
  for (const Nested& endpoint : nested) {
    INFO(endpoint.name);
    CHECK(endpoint.parse(endpoint.original));
    const std::string text = endpoint.original.dump();
    for (std::size_t cut = 1; cut < text.size(); cut += text.size() / 31 + 1) {
      json truncated = json::parse(text.substr(0, cut), nullptr, false);
      if (!truncated.is_discarded()) (void)endpoint.parse(truncated);
    }
    for (int round = 0; round < 20; ++round) {
      json mutated = endpoint.original;
      mutateTree(mutated, rng);
      (void)endpoint.parse(mutated);
    }
    for (const json& odd : {json(nullptr), json(42), json("text"), json::array(), json::object()}) {
      CHECK_FALSE(endpoint.parse(odd));
    }
  }
}

}  // namespace
}  // namespace nba::live
