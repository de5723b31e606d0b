// EntityResolver as a whole: mixed player/team queries, bad input, construction errors and
// concurrent use.
#include "nba/entity/entity_resolver.h"

#include <doctest/doctest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "fixtures/entity_fixture.h"

namespace nba::entity {
namespace {

using testing::fixtureResolver;

TEST_CASE("resolve without a kind searches players and teams together") {
  Result<Resolution> team = fixtureResolver().resolve("Celtics", std::nullopt, 5);
  REQUIRE(team.ok());
  REQUIRE(team->best() != nullptr);
  CHECK(team->best()->kind == EntityKind::kTeam);
  CHECK(team->best()->id == "1610612738");

  Result<Resolution> player = fixtureResolver().resolve("Jokic", std::nullopt, 5);
  REQUIRE(player.ok());
  REQUIRE(player->best() != nullptr);
  CHECK(player->best()->kind == EntityKind::kPlayer);
  CHECK(player->best()->id == "203999");
}

TEST_CASE("a player and a team matching equally well are ambiguous") {
  Result<Resolution> result = fixtureResolver().resolve("Washington", std::nullopt, 5);
  REQUIRE(result.ok());
  CHECK(result->ambiguous);
  REQUIRE(result->candidates.size() == 2);
  CHECK(result->candidates[0].id == "1629023");     // P.J. Washington, last name
  CHECK(result->candidates[1].id == "1610612764");  // Washington Wizards, city
  // With a kind, each is unambiguous.
  CHECK(fixtureResolver().resolvePlayer("Washington", 5)->best()->id == "1629023");
  CHECK(fixtureResolver().resolveTeam("Washington", 5)->best()->id == "1610612764");
}

TEST_CASE("findById: an NBA.com id names exactly its player or team, nothing else does") {
  const auto jokic = fixtureResolver().findById("203999", std::nullopt);
  REQUIRE(jokic.has_value());
  CHECK(jokic->kind == EntityKind::kPlayer);
  CHECK(jokic->display_name == "Nikola Jokić");
  CHECK(jokic->match == MatchKind::kId);
  CHECK(jokic->confidence == 1.0);
  const auto celtics = fixtureResolver().findById("1610612738", EntityKind::kTeam);
  REQUIRE(celtics.has_value());
  CHECK(celtics->display_name == "Boston Celtics");
  CHECK(celtics->team == "BOS");
  // The kind is honoured; unknown ids, padded ids and names are not ids.
  CHECK_FALSE(fixtureResolver().findById("203999", EntityKind::kTeam).has_value());
  CHECK_FALSE(fixtureResolver().findById("1610612738", EntityKind::kPlayer).has_value());
  CHECK_FALSE(fixtureResolver().findById("42", std::nullopt).has_value());
  CHECK_FALSE(fixtureResolver().findById("0203999", std::nullopt).has_value());
  CHECK_FALSE(fixtureResolver().findById("Jokic", std::nullopt).has_value());
  // The name search never matches an id: "2544" as words is nobody.
  CHECK(fixtureResolver().resolve("203999", std::nullopt, 5)->candidates.empty());
}

TEST_CASE("resolveNameOrId: digits are looked up as an id, anything else as a name") {
  CHECK(looksLikeId("2544"));
  CHECK(looksLikeId("1610612738"));
  CHECK_FALSE(looksLikeId(""));
  CHECK_FALSE(looksLikeId("76ers"));
  CHECK_FALSE(looksLikeId("2544 "));
  CHECK_FALSE(looksLikeId("-2544"));
  CHECK_FALSE(looksLikeId(std::string(20, '1')));  // past an int64: no id is that long
  const auto by_id = resolveNameOrId(fixtureResolver(), "203999", EntityKind::kPlayer, 5);
  REQUIRE(by_id.ok());
  REQUIRE(by_id->best() != nullptr);
  CHECK(by_id->best()->display_name == "Nikola Jokić");
  const auto unknown = resolveNameOrId(fixtureResolver(), "42", EntityKind::kPlayer, 5);
  REQUIRE(unknown.ok());
  CHECK(unknown->candidates.empty());
  CHECK(unknown->note == "No player has the id 42.");
  CHECK(resolveNameOrId(fixtureResolver(), "99", std::nullopt, 5)->note ==
        "No player or team has the id 99.");
  const auto by_name = resolveNameOrId(fixtureResolver(), "Joker", EntityKind::kPlayer, 5);
  REQUIRE(by_name->best() != nullptr);
  CHECK(by_name->best()->id == "203999");
  CHECK(by_name->best()->match == MatchKind::kNickname);
}

TEST_CASE("an empty or blank query is an InvalidArgument error") {
  for (const std::string& query : {std::string(), std::string("   "), std::string("\t\n")}) {
    Result<Resolution> result = fixtureResolver().resolve(query, std::nullopt, 5);
    REQUIRE_FALSE(result.ok());
    CHECK(result.status().code() == StatusCode::kInvalidArgument);
    CHECK(result.status().message() == "the query is empty; give a player or team name");
  }
}

TEST_CASE("a 10,000-character query is rejected with its length") {
  Result<Resolution> result =
      fixtureResolver().resolvePlayer(std::string(10000, 'a'), EntityResolver::kDefaultLimit);
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().code() == StatusCode::kInvalidArgument);
  CHECK(result.status().message() == "the query is 10000 characters long; names are at most 100");
  // Exactly at the limit is fine.
  CHECK(fixtureResolver().resolvePlayer(std::string(100, 'a'), 5).ok());
}

TEST_CASE("the length limit counts characters, as the schemas' maxLength does (blind audit)") {
  // 100 two-byte letters are 200 bytes, and within the limit; 101 are not.
  std::string accented;
  for (int i = 0; i < 100; ++i) accented += "\xC3\xA9";  // é
  CHECK(fixtureResolver().resolvePlayer(accented, 5).ok());
  Result<Resolution> over = fixtureResolver().resolvePlayer(accented + "\xC3\xA9", 5);
  REQUIRE_FALSE(over.ok());
  CHECK(over.status().message() == "the query is 101 characters long; names are at most 100");
}

TEST_CASE("a query of only punctuation or emoji is an InvalidArgument error") {
  for (const std::string& query :
       {std::string("!!!"), std::string("..."), std::string("\xF0\x9F\x8F\x80\xF0\x9F\x94\xA5"),
        std::string("-- ' --"), std::string("\xFF\xFE\xFD")}) {
    Result<Resolution> result = fixtureResolver().resolve(query, std::nullopt, 5);
    REQUIRE_FALSE(result.ok());
    CHECK(result.status().code() == StatusCode::kInvalidArgument);
    CHECK(result.status().message().find("has no letters or digits") != std::string::npos);
  }
}

TEST_CASE("emoji around a name are ignored") {
  Result<Resolution> result = fixtureResolver().resolvePlayer("\xF0\x9F\x90\x90 LeBron", 5);
  REQUIRE(result.ok());
  REQUIRE(result->best() != nullptr);
  CHECK(result->best()->id == "2544");
}

TEST_CASE("limit must be between 1 and kMaxLimit") {
  CHECK(fixtureResolver().resolvePlayer("KD", 0).status().code() == StatusCode::kInvalidArgument);
  CHECK(fixtureResolver().resolvePlayer("KD", EntityResolver::kMaxLimit + 1).status().message() ==
        "limit must be between 1 and 25, got 26");
  CHECK(fixtureResolver().resolvePlayer("KD", EntityResolver::kMaxLimit).ok());
}

TEST_CASE("parseEntityKind accepts player and team in any case") {
  CHECK(*parseEntityKind("player") == EntityKind::kPlayer);
  CHECK(*parseEntityKind("TEAM") == EntityKind::kTeam);
  CHECK(parseEntityKind("coach").status().message() ==
        "kind must be 'player' or 'team', got 'coach'");
}

TEST_CASE("construction rejects unusable entries with a message naming them") {
  auto no_id = newEntityResolver({{"", "Nobody", "", false, 0}}, {});
  CHECK(no_id.status().message() == "player #0 ('Nobody') has no id");
  auto twice = newEntityResolver({{"1", "A B", "", true, 0}, {"1", "C D", "", true, 0}}, {});
  CHECK(twice.status().message() == "player id 1 is used twice");
  auto nameless = newEntityResolver({{"7", "!!", "", true, 0}}, {});
  CHECK(nameless.status().code() == StatusCode::kInvalidArgument);
  auto bad_team = newEntityResolver({}, {{1, "", "", "Nowhere", "Nobodies", "", ""}});
  CHECK(bad_team.status().code() == StatusCode::kInvalidArgument);
  auto same_abbr = newEntityResolver(
      {}, {{1, "AAA", "AAA", "A", "As", "", ""}, {2, "aaa", "aaa", "B", "Bs", "", ""}});
  CHECK(same_abbr.status().message() == "team abbreviation aaa is used twice");
}

TEST_CASE("an empty resolver answers every query with no candidates") {
  auto resolver = newEntityResolver({}, {});
  REQUIRE(resolver.ok());
  Result<Resolution> result = (*resolver)->resolve("LeBron", std::nullopt, 5);
  REQUIRE(result.ok());
  CHECK(result->candidates.empty());
  CHECK((*resolver)->playerCount() == 0);
}

TEST_CASE("nicknames of players missing from the list are ignored") {
  auto resolver = newEntityResolver({{"1", "Kevin Durant", "HOU", true, 26}}, {});
  REQUIRE(resolver.ok());
  CHECK((*resolver)->resolvePlayer("KD", 5)->best()->id == "1");
  CHECK((*resolver)->resolvePlayer("SGA", 5)->candidates.empty());
}

TEST_CASE("concurrent readers get the same answers") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"KD", "201142"}, {"Jokc", "203999"}, {"LAL", "1610612747"}, {"Davis", "203076"}};
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 500; ++i) {
        const auto& [query, id] = cases[static_cast<std::size_t>(i) % cases.size()];
        Result<Resolution> result = fixtureResolver().resolve(query, std::nullopt, 5);
        if (!result.ok() || result->best() == nullptr || result->best()->id != id) {
          ++wrong;
        }
      }
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  CHECK(wrong.load() == 0);
}

}  // namespace
}  // namespace nba::entity
