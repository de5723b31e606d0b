// resolveWithoutSuggestions: the same matches as resolve(), minus the "did you mean" work.
#include <doctest/doctest.h>

#include "support/nba_env.h"

namespace nba::entity {
namespace {

TEST_CASE("a quiet resolve matches like resolve but skips did-you-mean suggestions") {
  const EntityResolver& resolver = nba::testing::snapshotEnv().resolver;
  auto loud = resolver.resolve("Jokicc", std::nullopt, 5);
  auto quiet = resolver.resolveWithoutSuggestions("Jokicc", std::nullopt, 5);
  REQUIRE(loud.ok());
  REQUIRE(quiet.ok());
  REQUIRE_FALSE(quiet->candidates.empty());
  CHECK(quiet->candidates.front().display_name == loud->candidates.front().display_name);
  CHECK(quiet->candidates.front().display_name == "Nikola Jokić");

  auto miss = resolver.resolve("Jokicc Nikolla", std::nullopt, 5);
  auto quiet_miss = resolver.resolveWithoutSuggestions("Jokicc Nikolla", std::nullopt, 5);
  REQUIRE(miss.ok());
  REQUIRE(quiet_miss.ok());
  CHECK(miss->candidates.empty());
  CHECK(quiet_miss->candidates.empty());
  CHECK(miss->did_you_mean.front() == "Nikola Jokić");
  CHECK(quiet_miss->did_you_mean.empty());
  CHECK_FALSE(resolver.resolveWithoutSuggestions("", std::nullopt, 5).ok());
}

}  // namespace
}  // namespace nba::entity
