// Phrasings that rank: teams by a team metric or by scoring, players by free-throw shooting.
#include <doctest/doctest.h>

#include "nlq/nlq_fixture.h"

namespace nba::nlq::testing {
namespace {

IntentKind kindOf(std::string_view question) {
  const ParsedQuery query = parse(question);
  REQUIRE(query.intents.size() == 1);
  return query.intents[0].kind;
}

TEST_CASE("a team metric or a team that 'scores the most' ranks teams") {
  CHECK(kindOf("fastest pace in the NBA") == IntentKind::kTeamLeaders);
  CHECK(kindOf("which team scores the most") == IntentKind::kTeamLeaders);
  CHECK(parse("which team scores the most").intents[0].slots.stats ==
        std::vector<std::string>{"PTS"});
  const ParsedQuery slow = parse("slowest pace in the west");
  REQUIRE(slow.intents.size() == 1);
  CHECK(slow.intents[0].kind == IntentKind::kTeamLeaders);
  CHECK(slow.intents[0].slots.lowest);
  CHECK(slow.intents[0].slots.conference == "West");
}

TEST_CASE("'scores the most' for a team ranks its players; 'scores' alone is still games") {
  CHECK(callsOf("who scores the most for the Knicks") ==
        nlohmann::json::array({call(
            "get_league_leaders", {{"stat", "PTS"}, {"limit", 10}, {"team", "New York Knicks"}})}));
  CHECK(kindOf("scores last night") == IntentKind::kScores);
}

TEST_CASE("a free-throw shooter is free-throw percentage") {
  CHECK(callsOf("best free throw shooter") ==
        nlohmann::json::array({call("get_league_leaders", {{"stat", "FT_PCT"}, {"limit", 10}})}));
}

}  // namespace
}  // namespace nba::nlq::testing
