// The JSON shape of a resolution, as the resolve_entity tool returns it.
#include <doctest/doctest.h>

#include "fixtures/entity_fixture.h"
#include "nba/entity/entity_resolver.h"
#include "nba/entity/resolution_json.h"

namespace nba::entity {
namespace {

TEST_CASE("a resolution serializes candidates, ambiguity, note and suggestions") {
  Result<Resolution> result = testing::fixtureResolver().resolvePlayer("KD", 5);
  REQUIRE(result.ok());
  const nlohmann::json json = *result;
  nlohmann::json expected = {{"ambiguous", false},
                             {"note", "'KD' is a nickname for Kevin Durant (HOU)"},
                             {"did_you_mean", nlohmann::json::array()}};
  expected["candidates"] = nlohmann::json::array({{{"kind", "player"},
                                                   {"id", "201142"},
                                                   {"name", "Kevin Durant"},
                                                   {"team", "HOU"},
                                                   {"confidence", 0.95},
                                                   {"match", "nickname"}}});
  CHECK(json == expected);
}

TEST_CASE("an ambiguous team query serializes both teams and the flag") {
  Result<Resolution> result = testing::fixtureResolver().resolveTeam("LA", 5);
  REQUIRE(result.ok());
  const nlohmann::json json = *result;
  CHECK(json["ambiguous"] == true);
  REQUIRE(json["candidates"].size() == 2);
  CHECK(json["candidates"][0]["id"] == "1610612746");
  CHECK(json["candidates"][1]["id"] == "1610612747");
  CHECK(json["candidates"][1]["match"] == "city");
  CHECK(json["candidates"][1]["confidence"] == 0.9);
}

}  // namespace
}  // namespace nba::entity
