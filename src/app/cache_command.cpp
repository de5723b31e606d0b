#include "app/cache_command.h"

#include <algorithm>
#include <cstdio>
#include <iostream>

#include "app/shared_tier.h"
#include "cache/sqlite_store.h"
#include "origin/cached/caching_data_source.h"

namespace nba::app {
namespace {

std::string cacheDbPath(const Config& config) {
  return config.cache_db.empty() ? cache::defaultCacheDbPath() : config.cache_db;
}

struct Pattern {
  std::string kind;  // "" = every kind
  std::string text;
};

Result<Pattern> parsePattern(const std::string& pattern) {
  const auto colon = pattern.find(':');
  Pattern out{pattern.substr(0, colon),
              colon == std::string::npos ? "" : pattern.substr(colon + 1)};
  if (out.kind == "*") {
    out.kind.clear();
  } else {
    const auto& kinds = cachedKinds();
    if (std::find(kinds.begin(), kinds.end(), out.kind) == kinds.end()) {
      std::string known;
      for (std::string_view kind : kinds) known += (known.empty() ? "" : ", ") + std::string(kind);
      return invalidArgument("'" + out.kind + "' is not a cached kind; use one of " + known +
                             ", or * for every kind (PATTERN is KIND[:TEXT])");
    }
  }
  return out;
}

std::string removed(std::size_t count) {
  return "removed " + std::to_string(count) + (count == 1 ? " entry\n" : " entries\n");
}

int printStats(cache::SqliteStore& store) {
  const cache::StoreStats stats = store.stats();
  std::cout << "cache database: " << stats.path << "\n";
  if (!stats.available) {
    std::cout << "not usable: " << stats.problem << "\n";
    return 1;
  }
  std::uint64_t entries = 0;
  std::uint64_t bytes = 0;
  for (std::size_t i = 0; i < cache::kTierCount; ++i) {
    std::printf("%-10s %8llu entries %12llu bytes\n",
                std::string(cache::tierName(static_cast<cache::TtlTier>(i))).c_str(),
                static_cast<unsigned long long>(stats.entries[i]),
                static_cast<unsigned long long>(stats.bytes[i]));
    entries += stats.entries[i];
    bytes += stats.bytes[i];
  }
  std::printf("%-10s %8llu entries %12llu bytes\n", "total",
              static_cast<unsigned long long>(entries), static_cast<unsigned long long>(bytes));
  return 0;
}

// Invalidation and clearing reach the shared tier too (--redis): otherwise another process
// would refill the file from Redis. Returns false when Redis could not be asked.
bool alsoInRedis(const Config& config, const Pattern& pattern) {
  const auto clock = newSystemClock();
  auto shared = connectSharedTier(config, *clock);
  if (!shared.ok()) {
    std::cerr << "nba-mcp cache: " << shared.status().message() << "\n";
    return false;
  }
  if (shared.value() == nullptr) return true;
  const cache::RedisStore& store = *shared.value()->store;
  const std::size_t count = store.invalidate(pattern.kind, pattern.text);
  const cache::SharedTierStats stats = store.stats();
  if (stats.errors > 0) {
    std::cerr << "nba-mcp cache: Redis at " << stats.redis.endpoint
              << " could not be cleared: " << stats.redis.problem << "\n";
    return false;
  }
  std::cout << "Redis at " << stats.redis.endpoint << ": " << removed(count);
  return true;
}

}  // namespace

int runCacheCommand(const Config& config, CacheAction action, const std::string& pattern) {
  Pattern parsed;
  if (action == CacheAction::kInvalidate) {
    auto valid = parsePattern(pattern);
    if (!valid.ok()) {
      std::cerr << "nba-mcp cache invalidate: " << valid.status().message() << "\n";
      return 2;
    }
    parsed = valid.value();
  }
  cache::SqliteStore store(cacheDbPath(config));
  if (action == CacheAction::kStats) {
    return printStats(store);
  }
  if (!store.stats().available) {
    std::cerr << "nba-mcp cache: " << store.stats().problem << "\n";
    return 1;
  }
  switch (action) {
    case CacheAction::kInvalidate:
      std::cout << removed(store.invalidate(parsed.kind, parsed.text));
      if (!alsoInRedis(config, parsed)) return 1;
      break;
    case CacheAction::kClear:
      std::cout << removed(store.clear());
      if (!alsoInRedis(config, Pattern{})) return 1;
      break;
    case CacheAction::kVacuum:
      if (!store.vacuum()) {
        std::cerr << "nba-mcp cache vacuum: " << store.stats().problem << "\n";
        return 1;
      }
      std::cout << "vacuumed " << store.stats().path << "\n";
      break;
    case CacheAction::kStats:
      break;
  }
  return store.stats().problem.empty() ? 0 : 1;
}

}  // namespace nba::app
