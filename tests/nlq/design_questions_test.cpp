// The 20 questions of DESIGN §11, parsed and planned to exact tool calls.
#include <doctest/doctest.h>

#include "nlq/nlq_fixture.h"

namespace nba::nlq::testing {
namespace {

using nlohmann::json;

struct Case {
  const char* question;
  json calls;
};

TEST_CASE("the 20 product questions plan to the expected tool calls") {
  const Case cases[] = {
      {"Who leads the NBA in points?",
       json::array({call("get_league_leaders", {{"stat", "PTS"}, {"limit", 10}})})},
      {"Who leads the NBA in assists?",
       json::array({call("get_league_leaders", {{"stat", "AST"}, {"limit", 10}})})},
      {"Who leads the NBA in rebounds?",
       json::array({call("get_league_leaders", {{"stat", "REB"}, {"limit", 10}})})},
      {"Compare LeBron James and Kevin Durant",
       json::array({call("compare_players", {{"players", {"LeBron James", "Kevin Durant"}}})})},
      {"Show me Stephen Curry stats",
       json::array({call("get_player_stats", {{"player", "Stephen Curry"}})})},
      {"Lakers vs Celtics",
       json::array({call("get_head_to_head",
                         {{"team_a", "Los Angeles Lakers"}, {"team_b", "Boston Celtics"}})})},
      {"Warriors vs Bucks",
       json::array({call("get_head_to_head",
                         {{"team_a", "Golden State Warriors"}, {"team_b", "Milwaukee Bucks"}})})},
      {"Eastern Conference standings",
       json::array({call("get_team_standings", {{"conference", "East"}})})},
      {"Western Conference standings",
       json::array({call("get_team_standings", {{"conference", "West"}})})},
      {"Top 10 scorers this season",
       json::array(
           {call("get_league_leaders", {{"stat", "PTS"}, {"limit", 10}, {"season", "2025-26"}})})},
      {"Show me Giannis stats",
       json::array({call("get_player_stats", {{"player", "Giannis Antetokounmpo"}})})},
      {"Compare Luka Doncic and Trae Young",
       json::array({call("compare_players", {{"players", {"Luka Dončić", "Trae Young"}}})})},
      {"What is the Celtics offensive rating?",
       json::array(
           {call("get_team_stats", {{"team", "Boston Celtics"}, {"measure", "Advanced"}})})},
      {"Lakers standings",
       json::array({call("get_team_standings", {{"team", "Los Angeles Lakers"}})})},
      {"Who leads in three pointers?",
       json::array({call("get_league_leaders", {{"stat", "FG3M"}, {"limit", 10}})})},
      {"Show me Nikola Jokic stats",
       json::array({call("get_player_stats", {{"player", "Nikola Jokić"}})})},
      {"Compare Jayson Tatum and Jaylen Brown",
       json::array({call("compare_players", {{"players", {"Jayson Tatum", "Jaylen Brown"}}})})},
      {"Nuggets vs Lakers",
       json::array({call("get_head_to_head",
                         {{"team_a", "Denver Nuggets"}, {"team_b", "Los Angeles Lakers"}})})},
      {"Show me Anthony Davis stats",
       json::array({call("get_player_stats", {{"player", "Anthony Davis"}})})},
      {"Top 5 rebounders",
       json::array({call("get_league_leaders", {{"stat", "REB"}, {"limit", 5}})})},
  };
  for (const Case& c : cases) {
    CAPTURE(c.question);
    const Plan plan = planFor(c.question);
    CHECK(callsOf(c.question) == c.calls);
    CHECK(plan.missing.empty());
    const ParsedQuery query = parse(c.question);
    REQUIRE(query.intents.size() == 1);
    CHECK(query.confidence >= 0.7);
  }
}

TEST_CASE("the product questions get the intents people mean") {
  CHECK(parse("Who leads the NBA in points?").intents[0].kind == IntentKind::kLeaders);
  CHECK(parse("Compare LeBron James and Kevin Durant").intents[0].kind ==
        IntentKind::kComparePlayers);
  CHECK(parse("Lakers vs Celtics").intents[0].kind == IntentKind::kHeadToHead);
  CHECK(parse("Eastern Conference standings").intents[0].kind == IntentKind::kStandings);
  CHECK(parse("What is the Celtics offensive rating?").intents[0].kind == IntentKind::kTeamStats);
  CHECK(parse("Show me Giannis stats").intents[0].kind == IntentKind::kPlayerStats);
}

}  // namespace
}  // namespace nba::nlq::testing
