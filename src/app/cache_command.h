#pragma once

#include <string>

#include "app/config.h"

namespace nba::app {

enum class CacheAction { kStats, kInvalidate, kClear, kVacuum };

// `nba-mcp cache stats|invalidate PATTERN|clear|vacuum` on the cache's SQLite file
// (--cache-db, or $XDG_CACHE_HOME/nba-mcp/cache.db). PATTERN is KIND[:TEXT]: the entries of
// one request kind ("*" for every kind) whose canonical parameters contain TEXT, e.g.
// "player_season_stats:season=2025-26" or "*:player_id=1628983". A running server's memory
// keeps what it holds until its TTL. With --redis, invalidate and clear also remove the
// entries from the shared tier (SCAN + UNLINK), exit 1 when Redis cannot be asked. Prints what it
// did on stdout; returns the exit code: 0 done, 1 the database cannot be used (the message says
// why), 2 a bad PATTERN.
int runCacheCommand(const Config& config, CacheAction action, const std::string& pattern);

}  // namespace nba::app
