// Team name forms from DESIGN.md §3: full names, cities, nicknames, both abbreviation
// schemes, slang, typos, and the two Los Angeles teams never confused.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fixtures/entity_fixture.h"
#include "nba/entity/entity_resolver.h"

namespace nba::entity {
namespace {

using testing::fixtureResolver;

constexpr std::string_view kLakers = "1610612747";
constexpr std::string_view kClippers = "1610612746";
constexpr std::string_view kCeltics = "1610612738";
constexpr std::string_view kNets = "1610612751";
constexpr std::string_view kHornets = "1610612766";
constexpr std::string_view kSuns = "1610612756";
constexpr std::string_view kWarriors = "1610612744";
constexpr std::string_view kWolves = "1610612750";

Resolution resolveTeam(std::string_view query) {
  Result<Resolution> result = fixtureResolver().resolveTeam(query, 5);
  REQUIRE_MESSAGE(result.ok(), result.status().toString());
  return std::move(result).value();
}

std::string bestId(std::string_view query) {
  const Resolution resolution = resolveTeam(query);
  INFO("query: " << query << " note: " << resolution.note);
  REQUIRE(resolution.best() != nullptr);
  CHECK(resolution.best()->kind == EntityKind::kTeam);
  return resolution.best()->id;
}

void checkAll(const std::vector<std::pair<std::string_view, std::string_view>>& cases) {
  // Not a structured binding: clang 14 cannot capture one in INFO's lambda.
  for (const auto& query_and_id : cases) {
    INFO("query: " << query_and_id.first);
    CHECK(bestId(query_and_id.first) == query_and_id.second);
  }
}

TEST_CASE("every team resolves by full name, abbreviation, nickname and id-stable display") {
  for (const TeamEntry& team : testing::fixtureTeams()) {
    const std::string id = std::to_string(team.nba_team_id);
    INFO("team: " << team.abbr);
    CHECK(bestId(team.city + " " + team.nickname) == id);
    CHECK(bestId(team.abbr) == id);
    CHECK(bestId(team.alt_abbr) == id);
    CHECK(bestId(team.nickname) == id);
  }
  const Resolution resolution = resolveTeam("Boston Celtics");
  REQUIRE(resolution.best() != nullptr);
  CHECK(resolution.best()->display_name == "Boston Celtics");
  CHECK(resolution.best()->team == "BOS");
  CHECK(resolution.best()->confidence == doctest::Approx(1.0));
  CHECK(resolution.best()->match == MatchKind::kExactName);
}

TEST_CASE("both abbreviation schemes resolve") {
  checkAll({{"BKN", kNets},
            {"BRK", kNets},
            {"CHA", kHornets},
            {"CHO", kHornets},
            {"PHX", kSuns},
            {"PHO", kSuns},
            {"pho", kSuns},
            {"GSW", kWarriors}});
  CHECK(resolveTeam("BRK").best()->match == MatchKind::kAbbreviation);
}

TEST_CASE("cities resolve when one team plays there") {
  checkAll({{"Boston", kCeltics},
            {"Brooklyn", kNets},
            {"Golden State", kWarriors},
            {"Oklahoma City", "1610612760"},
            {"New Orleans", "1610612740"},
            {"Minnesota", kWolves}});
  CHECK(resolveTeam("Boston").best()->match == MatchKind::kCity);
}

TEST_CASE("slang resolves") {
  checkAll({{"Sixers", "1610612755"},
            {"76ers", "1610612755"},
            {"Cavs", "1610612739"},
            {"Dubs", kWarriors},
            {"Celts", kCeltics},
            {"Nugs", "1610612743"},
            {"Wolves", kWolves},
            {"T-Wolves", kWolves},
            {"TWolves", kWolves},
            {"Blazers", "1610612757"},
            {"Trail Blazers", "1610612757"},
            {"Mavs", "1610612742"},
            {"Grizz", "1610612763"},
            {"Pels", "1610612740"},
            {"Knicks", "1610612752"},
            {"Hawks", "1610612737"},
            {"Spurs", "1610612759"},
            {"Clips", kClippers},
            {"Lake Show", kLakers},
            {"Bucks", "1610612749"},
            {"Heat", "1610612748"},
            {"OKC", "1610612760"},
            {"Thunder", "1610612760"},
            {"the Lakers", kLakers},
            {"Philly", "1610612755"}});
  const Resolution resolution = resolveTeam("Dubs");
  REQUIRE(resolution.best() != nullptr);
  CHECK(resolution.best()->match == MatchKind::kNickname);
  CHECK(resolution.note == "'Dubs' is a nickname for Golden State Warriors (GSW)");
}

TEST_CASE("the two Los Angeles teams are never confused") {
  checkAll({{"Los Angeles Lakers", kLakers},
            {"LA Lakers", kLakers},
            {"L.A. Lakers", kLakers},
            {"Lakers", kLakers},
            {"LAL", kLakers},
            {"Lake Show", kLakers},
            {"LA Clippers", kClippers},
            {"Los Angeles Clippers", kClippers},
            {"Clippers", kClippers},
            {"LAC", kClippers},
            {"Clips", kClippers}});
}

TEST_CASE("a bare LA or Los Angeles is ambiguous and lists both teams") {
  for (std::string_view query : {"LA", "Los Angeles", "L.A.", "los angeles"}) {
    INFO("query: " << query);
    const Resolution resolution = resolveTeam(query);
    CHECK(resolution.ambiguous);
    CHECK(resolution.best() == nullptr);
    REQUIRE(resolution.candidates.size() == 2);
    CHECK(resolution.candidates[0].id == kClippers);
    CHECK(resolution.candidates[1].id == kLakers);
    CHECK(resolution.candidates[0].confidence == resolution.candidates[1].confidence);
    CHECK(resolution.note.find("ambiguous") != std::string::npos);
    CHECK(resolution.note.find("Los Angeles Lakers (LAL)") != std::string::npos);
    CHECK(resolution.note.find("LA Clippers (LAC)") != std::string::npos);
  }
}

TEST_CASE("an ambiguous result keeps every tied candidate even with limit 1") {
  Result<Resolution> result = fixtureResolver().resolveTeam("LA", 1);
  REQUIRE(result.ok());
  CHECK(result->ambiguous);
  CHECK(result->candidates.size() == 2);
}

TEST_CASE("team typos resolve") {
  checkAll({{"Celtcs", kCeltics},
            {"Lakres", kLakers},
            {"Warriers", kWarriors},
            {"Timberwolfs", kWolves},
            {"Bostn Celtics", kCeltics}});
  CHECK(resolveTeam("Celtcs").best()->match == MatchKind::kFuzzy);
}

TEST_CASE("an abbreviation that does not exist returns no candidates") {
  const Resolution resolution = resolveTeam("XYZ");
  CHECK(resolution.candidates.empty());
  CHECK_FALSE(resolution.ambiguous);
  CHECK(resolution.note == "no player or team matches 'XYZ'");
  CHECK(resolveTeam("LAK").candidates.empty());  // three letters never match by typo
}

TEST_CASE("a team name too far for a match is offered as did you mean") {
  const Resolution resolution = resolveTeam("Celtiqqqs");
  CHECK(resolution.candidates.empty());
  REQUIRE_FALSE(resolution.did_you_mean.empty());
  CHECK(resolution.did_you_mean.front() == "Boston Celtics");
}

}  // namespace
}  // namespace nba::entity
