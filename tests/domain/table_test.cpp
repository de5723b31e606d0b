// TableMeta's cache state: its names, read back, and how an answer over several tables combines
// them.
#include "domain/table.h"

#include <doctest/doctest.h>

namespace nba {
namespace {

TEST_CASE("cache states read back from the names _meta carries") {
  for (CacheState state : {CacheState::kMiss, CacheState::kHit, CacheState::kStale}) {
    CHECK(cacheStateFromName(cacheStateName(state)) == state);
  }
  CHECK(std::string(cacheStateName(CacheState::kStale)) == "stale");
  CHECK_FALSE(cacheStateFromName("HIT").has_value());
  CHECK_FALSE(cacheStateFromName("").has_value());
}

TEST_CASE("an answer over several tables is stale if any was, a hit only if all were") {
  CHECK(combineCacheStates(CacheState::kHit, CacheState::kHit) == CacheState::kHit);
  CHECK(combineCacheStates(CacheState::kHit, CacheState::kMiss) == CacheState::kMiss);
  CHECK(combineCacheStates(CacheState::kMiss, CacheState::kStale) == CacheState::kStale);
  CHECK(combineCacheStates(CacheState::kStale, CacheState::kHit) == CacheState::kStale);
  CHECK(coverageName(Coverage::kPartial) == "partial");
}

}  // namespace
}  // namespace nba
