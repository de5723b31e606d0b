#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nba::cache {

// A cache key, "nba_mcp:v5:{kind}:{16 hex digits}" (DESIGN §6), over a request kind and its
// canonical parameters: sorted by name, empty values left out, so neither the order the
// caller names them in nor an absent-versus-empty default changes the key. Bump kFormat
// when a stored value's format changes. Value type.
struct CacheKey {
  std::string text;    // "nba_mcp:v5:player_season_stats:9f2c4e1a0b3d5e7f"
  std::string kind;    // "player_season_stats"
  std::string params;  // canonical: "season=2025-26&season_type=Regular Season"
};

// v2: doubles stored compact (cache/byte_codec.h); v3: a table's rows by column; v4: numeric
// columns in fixed width (origin/cached/fixed_column.h); v5: standings rows gain the neutral-site
// record.
inline constexpr std::string_view kFormat = "v5";

using CacheParams = std::vector<std::pair<std::string, std::string>>;

CacheKey cacheKey(std::string_view kind, CacheParams params);

// FNV-1a, 64 bits: stable across runs and machines (std::hash is neither promised to be).
std::uint64_t stableHash(std::string_view text);

}  // namespace nba::cache
