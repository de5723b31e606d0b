#include "cache/cache_key.h"

#include <doctest/doctest.h>

namespace nba::cache {
namespace {

TEST_CASE("cache key: versioned, kind-named, independent of parameter order and empty defaults") {
  const CacheKey key =
      cacheKey("player_season_stats", {{"season_type", "Regular Season"}, {"season", "2025-26"}});
  CHECK(key.kind == "player_season_stats");
  CHECK(key.params == "season=2025-26&season_type=Regular Season");
  CHECK(key.text.rfind("nba_mcp:v5:player_season_stats:", 0) == 0);
  CHECK(key.text.size() == std::string("nba_mcp:v5:player_season_stats:").size() + 16);

  const CacheKey reordered =
      cacheKey("player_season_stats",
               {{"season", "2025-26"}, {"team", ""}, {"season_type", "Regular Season"}});
  CHECK(reordered.text == key.text);
  CHECK(cacheKey("player_season_stats", {{"season", "2024-25"}, {"season_type", "Regular Season"}})
            .text != key.text);
  // The same parameters under another kind are another entry.
  CHECK(cacheKey("team_season_stats", {{"season", "2025-26"}, {"season_type", "Regular Season"}})
            .text != key.text);
  // A value holding the separators cannot pose as two parameters.
  CHECK(cacheKey("k", {{"a", "1&b=2"}}).text != cacheKey("k", {{"a", "1"}, {"b", "2"}}).text);
  CHECK(cacheKey("k", {{"a", "1&b=2%"}}).params == "a=1%26b%3D2%25");
}

TEST_CASE("stable hash: FNV-1a 64, the same on every run and machine") {
  CHECK(stableHash("") == 14695981039346656037ULL);
  CHECK(stableHash("a") == 0xaf63dc4c8601ec8cULL);
}

}  // namespace
}  // namespace nba::cache
