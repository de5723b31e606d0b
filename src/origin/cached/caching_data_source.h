#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cache/redis_store.h"
#include "cache/sqlite_store.h"
#include "cache/ttl_tier.h"
#include "core/clock.h"
#include "core/data_version.h"
#include "origin/data_source.h"

namespace nba {

struct CacheOptions {
  std::size_t capacity_bytes = std::size_t{64} << 20;  // L1, charged by approximate bytes
  cache::TtlPolicy ttl;
  // The L2 SQLite file (cache/sqlite_store.h), ":memory:", or empty for no L2.
  std::string db_path;
  cache::StoreOptions store;
  // Bumped whenever a stored table may change an answer (a table stored, entries
  // invalidated), for the tool-result memo; may be null.
  DataVersion* version = nullptr;
  // The shared tier (issue 16): Redis, between L1 and the SQLite file, shared by every
  // process on it; null: none. Not owned; must outlive the cache.
  const cache::RedisStore* shared = nullptr;
  // A miss takes the key's lock in Redis for this long while it asks NBA.com; other
  // processes missing the key wait for the value up to this long, then fetch by themselves.
  std::chrono::milliseconds shared_lock{10000};
  // How many times its stored length an entry stays fresh (and then stale-while-revalidate),
  // asked at every lookup: 4 once the daily NBA.com quota is 80 % used (DESIGN §7). Unset: 1.
  std::function<int()> ttl_stretch;
};

// What the cache did since the process started (DESIGN §6), and what it holds now.
struct CacheStats {
  struct Tier {
    std::uint64_t hits = 0;    // served fresh
    std::uint64_t stale = 0;   // served stale (being refreshed, or the origin failing)
    std::uint64_t misses = 0;  // asked the origin (once per key however many waited)
    std::uint64_t entries = 0;
    std::uint64_t bytes = 0;
  };
  std::array<Tier, cache::kTierCount> tiers;
  std::uint64_t joined = 0;          // misses that waited on another call's origin request
  std::uint64_t refreshes = 0;       // background refreshes of stale entries, done
  std::uint64_t stale_on_error = 0;  // stale entries served because the origin failed
  std::uint64_t evictions = 0;
  std::uint64_t capacity_bytes = 0;
  std::uint64_t l2_hits = 0;     // misses of L1 answered by the SQLite file
  std::uint64_t l2_dropped = 0;  // stored values that failed to decode, dropped and refetched
  std::optional<cache::StoreStats> l2;           // empty without L2
  std::optional<cache::SharedTierStats> shared;  // empty without Redis

  // Origin requests the cache saved: hits, stale serves and joined misses.
  std::uint64_t upstreamCallsAvoided() const;
  // hits + stale over every lookup; 0 before any.
  double hitRatio() const;
};

// The request kinds the cache keys name ("player_season_stats", "standings", ...), for
// invalidation patterns.
const std::vector<std::string_view>& cachedKinds();

// A DataSource decorator that keeps `origin`'s tables in an in-memory LRU (DESIGN §6).
//
// * One upstream table serves many requests: a season's player lines, games or schedule are
//   cached whole and each request's filters (player, team, dates) applied on the way out
//   (origin/request_filters.h), so the keys name what NBA.com was asked, never a filter.
// * Tiers: today's scoreboard, the schedule ahead and this season's box scores are live;
//   the season in progress is daily; past seasons and other dates historical; teams and
//   players static. Freshness per tier from CacheOptions::ttl, on the context's monotonic
//   clock.
// * A fresh entry is a hit (TableMeta::cache kHit; the rows are shared, not copied). A stale
//   one (up to one more TTL) is served at once, kStale, and refreshed once in the background.
//   Past that, the origin is asked; if it fails (unreachable, refused, out of time, an
//   unreadable answer) an entry up to max_stale old is served kStale with a note giving its
//   age ("NBA.com could not answer; these figures were cached 2 h 5 min ago.").
// * Single-flight: concurrent misses of one key make one origin request; the others wait
//   (giving up on their own cancellation or deadline).
// * L2: with a db_path, every stored table is also written behind to SQLite, and an L1 miss
//   looks there before asking the origin (a restart keeps what was cached). Its times are
//   wall-clock, so they mean the same after a restart. A stored value that fails to decode is
//   dropped and refetched. A broken database only costs L2 (cache/sqlite_store.h).
// * Shared tier: with options.shared, an L1 miss looks in Redis before the SQLite file (a
//   hit fills L1), and a table fetched from the origin is written to Redis before its lock
//   is released; a miss takes the key's lock in Redis, so processes missing one key at once
//   make one origin request, the others waiting for its value (cache/redis_store.h). Redis
//   failing only costs the shared tier.
// * Errors are not cached. seasons() goes straight to the origin (it asks nothing).
//
// `origin` and `clock` must outlive this. Thread-safe. The destructor waits for a background
// refresh in progress.
class CachingDataSource : public DataSource {
 public:
  CachingDataSource(const DataSource& origin, const Clock& clock, const CacheOptions& options);
  ~CachingDataSource() override;
  CachingDataSource(const CachingDataSource&) = delete;
  CachingDataSource& operator=(const CachingDataSource&) = delete;

  Result<std::vector<SeasonCoverage>> seasons(const CallContext& context) const override;
  Result<Table<Team>> teams(const CallContext& context) const override;
  Result<Table<Player>> players(const CallContext& context) const override;
  Result<Player> player(const CallContext& context, const std::string& player_id) const override;
  Result<Table<PlayerSeasonLine>> playerSeasonStats(
      const CallContext& context, const PlayerSeasonStatsRequest& request) const override;
  Result<Table<PlayerSeasonLine>> playerCareer(const CallContext& context,
                                               const std::string& player_id) const override;
  Result<Table<TeamSeasonLine>> teamSeasonStats(const CallContext& context, Season season,
                                                SeasonType season_type) const override;
  Result<Table<Game>> games(const CallContext& context, const GamesRequest& request) const override;
  Result<Table<StandingRow>> standings(const CallContext& context, Season season) const override;
  Result<Table<AwardEntry>> awards(const CallContext& context,
                                   std::optional<Season> season) const override;
  Result<Table<AwardEntry>> playerAwards(const CallContext& context,
                                         const std::string& player_id) const override;
  Result<Table<ScoreboardGame>> scoreboard(const CallContext& context,
                                           const ScoreboardRequest& request) const override;
  Result<Table<ScoreboardGame>> upcomingGames(const CallContext& context,
                                              const UpcomingGamesRequest& request) const override;
  Result<Table<BoxScorePlayer>> boxScore(const CallContext& context,
                                         const BoxScoreRequest& request) const override;
  Result<Table<GameLogRow>> playerGameLog(const CallContext& context, const std::string& player_id,
                                          Season season) const override;
  Result<Table<GameLogRow>> seasonGameLogs(const CallContext& context,
                                           Season season) const override;

  CacheStats stats() const;
  const CacheOptions& options() const;
  // Drops the entries of request kind `kind` ("" = every kind) whose canonical parameters
  // contain `params_part` ("" = all), e.g. ("player_season_stats", "season=2025-26").
  // Returns how many.
  std::size_t invalidate(std::string_view kind, std::string_view params_part) const;

 private:
  class Core;
  std::unique_ptr<Core> core_;
};

}  // namespace nba
