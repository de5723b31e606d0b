// Player name forms from DESIGN.md §3 and issue 3, resolved against real NBA.com ids.
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

constexpr std::string_view kSga = "1628983";
constexpr std::string_view kLebron = "2544";
constexpr std::string_view kCurry = "201939";
constexpr std::string_view kDurant = "201142";
constexpr std::string_view kGiannis = "203507";
constexpr std::string_view kJokic = "203999";
constexpr std::string_view kDoncic = "1629029";
constexpr std::string_view kDavis = "203076";
constexpr std::string_view kJaylenBrown = "1627759";
constexpr std::string_view kSengun = "1630578";
constexpr std::string_view kEmbiid = "203954";

Resolution resolvePlayer(std::string_view query) {
  Result<Resolution> result = fixtureResolver().resolvePlayer(query, 5);
  REQUIRE_MESSAGE(result.ok(), result.status().toString());
  return std::move(result).value();
}

// The id of the chosen player; fails the test when nothing (or an ambiguity) came back.
std::string bestId(std::string_view query) {
  const Resolution resolution = resolvePlayer(query);
  INFO("query: " << query << " note: " << resolution.note);
  REQUIRE(resolution.best() != nullptr);
  CHECK(resolution.best()->kind == EntityKind::kPlayer);
  return resolution.best()->id;
}

void checkAll(const std::vector<std::pair<std::string_view, std::string_view>>& cases) {
  // Not a structured binding: clang 14 cannot capture one in INFO's lambda.
  for (const auto& query_and_id : cases) {
    INFO("query: " << query_and_id.first);
    CHECK(bestId(query_and_id.first) == query_and_id.second);
  }
}

TEST_CASE("exact full names resolve with confidence 1, whatever the case") {
  const Resolution resolution = resolvePlayer("Shai Gilgeous-Alexander");
  REQUIRE(resolution.best() != nullptr);
  CHECK(resolution.best()->id == kSga);
  CHECK(resolution.best()->display_name == "Shai Gilgeous-Alexander");
  CHECK(resolution.best()->team == "OKC");
  CHECK(resolution.best()->confidence == doctest::Approx(1.0));
  CHECK(resolution.best()->match == MatchKind::kExactName);
  CHECK(resolution.note.empty());
  checkAll({{"LEBRON JAMES", kLebron},
            {"stephen curry", kCurry},
            {"Shai Gilgeous Alexander", kSga},
            {"ShaiGilgeousAlexander", kSga},
            {"Karl Anthony Towns", "1626157"},
            {"Nenê", "2403"}});
}

TEST_CASE("accents do not matter in either direction") {
  checkAll({{"Nikola Jokic", kJokic},
            {"Nikola Jokić", kJokic},
            {"Luka Doncic", kDoncic},
            {"Doncic", kDoncic},
            {"Dončić", kDoncic},
            {"Alperen Sengun", kSengun},
            {"Sengun", kSengun},
            {"Şengün", kSengun},
            {"Jonas Valanciunas", "202685"},
            {"Valanciunas", "202685"},
            {"Kristaps Porzingis", "204001"},
            {"Dennis Schroder", "203471"},
            {"Jusuf Nurkic", "203994"},
            {"Nikola Vucevic", "202696"},
            {"Vučević", "202696"},
            {"Davis Bertans", "202722"}});
}

TEST_CASE("punctuation, periods and apostrophes do not matter") {
  checkAll({{"P.J. Washington", "1629023"},
            {"PJ Washington", "1629023"},
            {"P J Washington", "1629023"},
            {"De'Aaron Fox", "1628368"},
            {"DeAaron Fox", "1628368"},
            {"De\xE2\x80\x99"
             "Aaron Fox",
             "1628368"},
            {"Shaquille ONeal", "406"},
            {"O'Neal", "406"},
            {"Karl-Anthony Towns", "1626157"}});
}

TEST_CASE("generational suffixes are optional") {
  checkAll({{"Jimmy Butler", "202710"},
            {"Jimmy Butler III", "202710"},
            {"Jaren Jackson", "1628991"},
            {"Jaren Jackson Jr.", "1628991"},
            {"jaren jackson jr", "1628991"},
            {"Tim Hardaway", "203501"},
            {"Gary Payton", "1627780"},
            {"Michael Porter", "1629008"},
            {"Trey Murphy", "1630530"},
            {"Marcus Morris", "202694"}});
}

TEST_CASE("nicknames resolve through the table to the right player") {
  checkAll({{"KD", kDurant},
            {"Steph", kCurry},
            {"Steph Curry", kCurry},
            {"Chef Curry", kCurry},
            {"Giannis", kGiannis},
            {"Greek Freak", kGiannis},
            {"The Greek Freak", kGiannis},
            {"the greek freak", kGiannis},
            {"AD", kDavis},
            {"SGA", kSga},
            {"Shai", kSga},
            {"CP3", "101108"},
            {"Joker", kJokic},
            {"The Joker", kJokic},
            {"Jokic", kJokic},
            {"LeBron", kLebron},
            {"King James", kLebron},
            {"Bron", kLebron},
            {"Luka", kDoncic},
            {"Dame", "203081"},
            {"Ant", "1630162"},
            {"Ant-Man", "1630162"},
            {"Ant Man", "1630162"},
            {"Wemby", "1641705"},
            {"Embiid", kEmbiid},
            {"The Process", kEmbiid},
            {"Trae", "1629027"},
            {"Ice Trae", "1629027"},
            {"Book", "1626164"},
            {"Devin Booker", "1626164"},
            {"Spida", "1628378"},
            {"Zion", "1629627"},
            {"Ja", "1629630"},
            {"PG13", "202331"},
            {"PG-13", "202331"},
            {"Kawhi", "202695"},
            {"The Klaw", "202695"},
            {"Dray", "203110"},
            {"Klay", "202691"},
            {"Boogie", "202326"},
            {"KAT", "1626157"},
            {"JJJ", "1628991"},
            {"Jimmy Buckets", "202710"},
            {"MPJ", "1629008"},
            {"Shaq", "406"},
            {"MJ", "893"}});
}

TEST_CASE("a nickname match says which player it stands for") {
  const Resolution resolution = resolvePlayer("The Greek Freak");
  REQUIRE(resolution.best() != nullptr);
  CHECK(resolution.best()->match == MatchKind::kNickname);
  CHECK(resolution.best()->confidence == doctest::Approx(0.95));
  CHECK(resolution.note == "'The Greek Freak' is a nickname for Giannis Antetokounmpo (MIL)");
}

TEST_CASE("a unique last name resolves without a note") {
  const Resolution resolution = resolvePlayer("Antetokounmpo");
  CHECK(bestId("Towns") == "1626157");
  CHECK(bestId("Gilgeous-Alexander") == kSga);
  CHECK(bestId("Gilgeous") == kSga);
  REQUIRE(resolution.best() != nullptr);
  CHECK(resolution.best()->id == kGiannis);
}

TEST_CASE("a shared last name picks the active, more prominent player and names the others") {
  const Resolution davis = resolvePlayer("Davis");
  REQUIRE(davis.best() != nullptr);
  CHECK(davis.best()->id == kDavis);
  CHECK(davis.best()->match == MatchKind::kLastName);
  CHECK_FALSE(davis.ambiguous);
  CHECK(davis.note.find("chose Anthony Davis") != std::string::npos);
  CHECK(davis.note.find("Terence Davis") != std::string::npos);
  CHECK(davis.candidates.size() >= 2);

  const Resolution brown = resolvePlayer("Brown");
  REQUIRE(brown.best() != nullptr);
  CHECK(brown.best()->id == kJaylenBrown);
  REQUIRE(brown.candidates.size() == 3);
  CHECK(brown.candidates[1].id == "1628971");  // Bruce Brown: active, ahead of Moses
  CHECK(brown.candidates[2].id == "1629650");
  CHECK(brown.note ==
        "'Brown' matched 3 players; chose Jaylen Brown (BOS), preferring active and more "
        "prominent players (others: Bruce Brown (DEN) or Moses Brown)");

  checkAll({{"Curry", kCurry},
            {"Antetokounmpo", kGiannis},
            {"Wagner", "1630532"},
            {"Bogdanovic", "203992"},
            {"Alexander", kSga}});
}

TEST_CASE("a name two well-known players share is a question, not a guess") {
  // Picked only when one player is far ahead (Stephen over Seth Curry: 7 to 1); within
  // about 2 to 1 people mean either, and a guess would answer about the wrong one.
  const Resolution murray = resolvePlayer("Murray");
  CHECK(murray.ambiguous);
  CHECK(murray.best() == nullptr);
  CHECK(murray.note ==
        "'Murray' is ambiguous: it could be Jamal Murray (DEN), Dejounte Murray (NOP) or "
        "Keegan Murray (SAC); please be more specific");
  const Resolution jalen = resolvePlayer("Jalen");
  CHECK(jalen.ambiguous);
  CHECK(jalen.candidates.size() >= 5);  // Brunson, Williams, Green, Johnson, Suggs
  CHECK(jalen.candidates[0].id == "1628973");
  CHECK(resolvePlayer("Porter").ambiguous);
  CHECK(resolvePlayer("Tyrese").ambiguous);  // Maxey or Haliburton: no nickname decides
}

TEST_CASE("players nothing separates come out ambiguous instead of picked") {
  // Amen (14.1) and Klay Thompson (14.0) are both active and equally prominent.
  const Resolution resolution = resolvePlayer("Thompson");
  CHECK(resolution.ambiguous);
  CHECK(resolution.best() == nullptr);
  REQUIRE(resolution.candidates.size() >= 2);
  CHECK(resolution.candidates[0].id == "1641708");
  CHECK(resolution.candidates[1].id == "202691");
  CHECK(resolution.note.find("ambiguous") != std::string::npos);
}

TEST_CASE("a first name alone resolves, preferring the prominent player") {
  checkAll({{"Kawhi", "202695"}, {"Victor", "1641705"}, {"Giannis", kGiannis}});
  CHECK(bestId("Davis") == kDavis);  // last name Davis beats first name Dāvis Bertāns
}

TEST_CASE("a first-name prefix with the last name resolves") {
  checkAll({{"S. Curry", kCurry}, {"P Washington", "1629023"}, {"Nik Jokic", kJokic}});
}

TEST_CASE("typos within the edit-distance budget resolve and say so") {
  checkAll({{"Giannis Antetokoumpo", kGiannis},
            {"Lebron Jame", kLebron},
            {"Stephan Curry", kCurry},
            {"Jokc", kJokic},
            {"Antetokounmpoo", kGiannis},
            {"Jayson Tatom", "1628369"},
            {"Wembanyana", "1641705"},
            {"Shai Gilgeus-Alexander", kSga},
            {"Kawhi Lenard", "202695"},
            {"Donavan Mitchell", "1628378"},
            {"Wembonyamo", "1641705"},
            {"Valenciunus", "202685"}});
  const Resolution resolution = resolvePlayer("Stephan Curry");
  REQUIRE(resolution.best() != nullptr);
  CHECK(resolution.best()->match == MatchKind::kFuzzy);
  CHECK(resolution.best()->confidence > 0.7);
  CHECK(resolution.best()->confidence < 0.9);
  CHECK(resolution.note == "no exact match for 'Stephan Curry'; closest is Stephen Curry (GSW)");
}

TEST_CASE("a name prefix resolves to the names it starts") {
  const Resolution resolution = resolvePlayer("Antetok");
  REQUIRE(resolution.best() != nullptr);
  CHECK(resolution.best()->id == kGiannis);
  CHECK(resolution.best()->match == MatchKind::kPrefix);
  REQUIRE(resolution.candidates.size() == 2);
  CHECK(resolution.candidates[1].id == "203648");
}

TEST_CASE("a name nothing is close to returns no candidates and suggestions") {
  const Resolution far = resolvePlayer("Qwertyuiop");
  CHECK(far.candidates.empty());
  CHECK_FALSE(far.ambiguous);
  CHECK(far.note == "no player or team matches 'Qwertyuiop'");

  // Too far for a match (4 edits in 10 letters) but close enough to suggest.
  const Resolution near = resolvePlayer("Wxmbxnyxmx");
  CHECK(near.candidates.empty());
  REQUIRE_FALSE(near.did_you_mean.empty());
  CHECK(near.did_you_mean.front() == "Victor Wembanyama");
  CHECK(near.note.find("did you mean Victor Wembanyama?") != std::string::npos);
}

TEST_CASE("limit caps the candidate list") {
  Result<Resolution> result = fixtureResolver().resolvePlayer("Brown", 2);
  REQUIRE(result.ok());
  CHECK(result->candidates.size() == 2);
  CHECK(result->candidates[0].id == kJaylenBrown);
}

}  // namespace
}  // namespace nba::entity
