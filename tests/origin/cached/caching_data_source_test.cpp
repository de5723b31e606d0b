// The cache in front of a source, on a clock that moves only when told to: tiers, fresh →
// stale → expired, one background refresh, stale-if-error, single-flight, filters on the way
// out. The source behind it is the embedded snapshot, counted and made to fail or wait.
#include "origin/cached/caching_data_source.h"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <random>
#include <thread>

#include "origin/forwarding_data_source.h"
#include "origin/snapshot_fixture.h"

namespace nba {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr char kShai[] = "1628983";

// The snapshot, counting the requests that reach it; it can fail them or hold them at a gate.
class CountingSource : public ForwardingDataSource {
 public:
  Result<Table<PlayerSeasonLine>> playerSeasonStats(
      const CallContext& context, const PlayerSeasonStatsRequest& request) const override {
    ++season_stats_calls;
    waitAtGate();
    if (failing) {
      return Status(failure_code, "cannot reach stats.nba.com leaguedashplayerstats");
    }
    return ForwardingDataSource::playerSeasonStats(context, request);
  }
  Result<Table<Team>> teams(const CallContext& context) const override {
    ++teams_calls;
    return ForwardingDataSource::teams(context);
  }
  Result<Table<Game>> games(const CallContext& context,
                            const GamesRequest& request) const override {
    ++games_calls;
    return ForwardingDataSource::games(context, request);
  }

  void closeGate() {
    std::lock_guard lock(gate_mutex_);
    gate_closed_ = true;
  }
  void openGate() {
    {
      std::lock_guard lock(gate_mutex_);
      gate_closed_ = false;
    }
    gate_.notify_all();
  }

  mutable std::atomic<int> season_stats_calls{0};
  mutable std::atomic<int> teams_calls{0};
  mutable std::atomic<int> games_calls{0};
  std::atomic<bool> failing{false};
  StatusCode failure_code = StatusCode::kUnavailable;

 protected:
  Result<const DataSource*> target(const CallContext&) const override {
    return &testing::embeddedSnapshot();
  }

 private:
  void waitAtGate() const {
    std::unique_lock lock(gate_mutex_);
    gate_.wait(lock, [this] { return !gate_closed_; });
  }
  mutable std::mutex gate_mutex_;
  mutable std::condition_variable gate_;
  bool gate_closed_ = false;
};

struct Rig {
  FakeClock clock{std::chrono::sys_days{std::chrono::year{2026} / 2 / 22} + hours(17)};
  CountingSource origin;
  CallContext call{clock, Caller::kClient};
  std::unique_ptr<CachingDataSource> cached =
      std::make_unique<CachingDataSource>(origin, clock, CacheOptions{});

  Result<Table<PlayerSeasonLine>> lines(int start_year, std::optional<std::string> player = {}) {
    PlayerSeasonStatsRequest request;
    request.season = Season{start_year};
    request.player_id = std::move(player);
    return cached->playerSeasonStats(call, request);
  }
  const CacheStats::Tier& tier(cache::TtlTier tier) {
    stats = cached->stats();
    return stats.tiers[static_cast<std::size_t>(tier)];
  }
  CacheStats stats;
};

// Waits (up to 10 s) for background work to show.
template <typename Done>
bool eventually(Done done) {
  for (int i = 0; i < 10000 && !done(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return done();
}

TEST_CASE("cache: one upstream table serves every filter, and a hit shares its rows") {
  Rig rig;
  auto shai = rig.lines(2024, kShai);
  REQUIRE(shai.ok());
  REQUIRE(shai->rows.size() == 1);
  CHECK(shai->rows[0].pts_pg == doctest::Approx(32.7));
  CHECK(shai->meta.cache == CacheState::kMiss);
  auto everyone = rig.lines(2024);
  REQUIRE(everyone.ok());
  CHECK(everyone->meta.cache == CacheState::kHit);
  CHECK(rig.origin.season_stats_calls == 1);
  // The same rows as the snapshot gives for each request.
  PlayerSeasonStatsRequest boston;
  boston.season = Season{2024};
  boston.team = "BOS";
  boston.season_lines_only = true;
  auto direct = testing::embeddedSnapshot().playerSeasonStats(rig.call, boston);
  auto via_cache = rig.cached->playerSeasonStats(rig.call, boston);
  REQUIRE(via_cache.ok());
  REQUIRE(via_cache->rows.size() == direct->rows.size());
  CHECK(via_cache->rows.size() > 10);
  for (std::size_t i = 0; i < direct->rows.size(); ++i) {
    CHECK(&via_cache->rows[i] == &direct->rows[i]);  // the very rows: nothing was copied
  }
  CHECK(rig.origin.season_stats_calls == 1);
  CHECK(rig.tier(cache::TtlTier::kHistorical).hits == 2);
  CHECK(rig.stats.tiers[static_cast<std::size_t>(cache::TtlTier::kHistorical)].misses == 1);
  CHECK(rig.stats.upstreamCallsAvoided() == 2);
  CHECK(rig.stats.hitRatio() == doctest::Approx(2.0 / 3.0));
}

TEST_CASE("cache: the season in progress is daily — fresh for an hour, stale for one more") {
  Rig rig;
  REQUIRE(rig.lines(2025).ok());
  rig.clock.advance(minutes(59));
  CHECK(rig.lines(2025)->meta.cache == CacheState::kHit);
  CHECK(rig.origin.season_stats_calls == 1);

  rig.clock.advance(minutes(2));  // 61 min: stale, served at once, refreshed behind
  rig.origin.closeGate();         // the refresh waits until the five reads are done
  for (int i = 0; i < 5; ++i) {
    CHECK(rig.lines(2025)->meta.cache == CacheState::kStale);
  }
  rig.origin.openGate();
  REQUIRE(eventually([&] { return rig.cached->stats().refreshes == 1; }));
  CHECK(rig.lines(2025)->meta.cache == CacheState::kHit);
  CHECK(rig.origin.season_stats_calls == 2);  // five stale reads, one refresh
  CHECK(rig.tier(cache::TtlTier::kDaily).stale == 5);

  rig.clock.advance(hours(3));  // past fresh and stale: asked again, in the call
  CHECK(rig.lines(2025)->meta.cache == CacheState::kMiss);
  CHECK(rig.origin.season_stats_calls == 3);
}

TEST_CASE("cache: each table says how much longer it stays fresh (ttlMs of resource reads)") {
  Rig rig;
  CHECK(rig.lines(2025)->meta.fresh_for == std::chrono::milliseconds(hours(1)));  // a miss
  rig.clock.advance(minutes(20));
  CHECK(rig.lines(2025)->meta.fresh_for == std::chrono::milliseconds(minutes(40)));  // a hit
  rig.clock.advance(minutes(50));
  CHECK(rig.lines(2025)->meta.fresh_for == std::chrono::milliseconds(0));  // stale
  CHECK(rig.cached->teams(rig.call)->meta.fresh_for == std::chrono::milliseconds(hours(24 * 7)));
  // The snapshot keeps no freshness: its figures never change.
  CHECK_FALSE(testing::embeddedSnapshot().teams(rig.call)->meta.fresh_for.has_value());
}

TEST_CASE("cache: a past season is historical (24 h), the team list static (7 d)") {
  Rig rig;
  REQUIRE(rig.lines(2023).ok());
  REQUIRE(rig.cached->teams(rig.call).ok());
  rig.clock.advance(hours(23));
  CHECK(rig.lines(2023)->meta.cache == CacheState::kHit);
  CHECK(rig.cached->teams(rig.call)->meta.cache == CacheState::kHit);
  rig.clock.advance(hours(2));
  CHECK(rig.lines(2023)->meta.cache == CacheState::kStale);
  rig.clock.advance(hours(24 * 6 - 2));  // 167 h
  CHECK(rig.cached->teams(rig.call)->meta.cache == CacheState::kHit);
  CHECK(rig.origin.teams_calls == 1);
  CHECK(rig.tier(cache::TtlTier::kStatic).entries == 1);
}

TEST_CASE("cache: TTLs are configurable per tier") {
  Rig rig;
  CacheOptions options;
  options.ttl.fresh[static_cast<std::size_t>(cache::TtlTier::kHistorical)] = seconds(10);
  rig.cached = std::make_unique<CachingDataSource>(rig.origin, rig.clock, options);
  REQUIRE(rig.lines(2023).ok());
  rig.clock.advance(seconds(9));
  CHECK(rig.lines(2023)->meta.cache == CacheState::kHit);
  rig.clock.advance(seconds(2));
  CHECK(rig.lines(2023)->meta.cache == CacheState::kStale);
}

TEST_CASE("cache: the daily quota nearly used up keeps figures fresh 4 times longer") {
  Rig rig;
  std::atomic<int> stretch{1};
  CacheOptions options;
  options.ttl_stretch = [&stretch] { return stretch.load(); };
  rig.cached = std::make_unique<CachingDataSource>(rig.origin, rig.clock, options);
  REQUIRE(rig.lines(2025).ok());  // daily: an hour
  rig.clock.advance(minutes(70));
  stretch = 4;  // 80 % of the quota: entries already kept stretch too
  CHECK(rig.lines(2025)->meta.cache == CacheState::kHit);
  CHECK(rig.lines(2025)->meta.fresh_for == std::chrono::milliseconds(minutes(170)));
  rig.clock.advance(minutes(171));  // past 4 h: stale (stretched too), refreshed behind
  rig.origin.closeGate();
  CHECK(rig.lines(2025)->meta.cache == CacheState::kStale);
  rig.origin.openGate();
  REQUIRE(eventually([&] { return rig.cached->stats().refreshes == 1; }));
  CHECK(rig.origin.season_stats_calls == 2);  // the first fetch and the one refresh
  stretch = 1;                                // a new day: back to an hour
  rig.clock.advance(minutes(61));
  CHECK(rig.lines(2025)->meta.cache == CacheState::kStale);
}

TEST_CASE("cache: the daily quota used up — a cached entry answers, saying when it resets") {
  Rig rig;
  REQUIRE(rig.lines(2025).ok());
  rig.origin.failing = true;
  rig.origin.failure_code = StatusCode::kResourceExhausted;
  rig.clock.advance(hours(3));
  auto stale = rig.lines(2025, kShai);
  REQUIRE_MESSAGE(stale.ok(), stale.status().message());
  CHECK(stale->meta.cache == CacheState::kStale);
  CHECK(stale->rows[0].pts_pg == doctest::Approx(31.8));
  CHECK(rig.cached->stats().stale_on_error == 1);
}

TEST_CASE("cache: NBA.com failing — an expired entry is served stale with its age, up to 7 d") {
  Rig rig;
  REQUIRE(rig.lines(2025).ok());
  rig.origin.failing = true;
  rig.clock.advance(hours(2) + minutes(5));
  auto stale = rig.lines(2025, kShai);
  REQUIRE_MESSAGE(stale.ok(), stale.status().message());
  CHECK(stale->meta.cache == CacheState::kStale);
  REQUIRE(stale->rows.size() == 1);
  CHECK(stale->rows[0].pts_pg == doctest::Approx(31.8));  // SGA 2025-26 in the snapshot
  REQUIRE(!stale->meta.notes.empty());
  CHECK(stale->meta.notes.back() ==
        "NBA.com could not answer (cannot reach stats.nba.com leaguedashplayerstats); these "
        "figures were cached 2 h 5 min ago.");
  CHECK(rig.cached->stats().stale_on_error == 1);

  // Past the 7 days, or for an answer about the request itself, the error stands.
  rig.clock.advance(hours(24 * 7));
  CHECK(rig.lines(2025).status().code() == StatusCode::kUnavailable);
  REQUIRE(rig.lines(2024).status().code() == StatusCode::kUnavailable);  // never cached
  rig.origin.failing = false;
  REQUIRE(rig.lines(2024).ok());
  rig.origin.failing = true;
  rig.origin.failure_code = StatusCode::kNotFound;
  rig.clock.advance(hours(49));
  CHECK(rig.lines(2024).status().code() == StatusCode::kNotFound);
}

TEST_CASE("cache: 32 concurrent misses of one key make one request (single-flight)") {
  Rig rig;
  rig.origin.closeGate();
  std::vector<std::thread> callers;
  std::atomic<int> answered{0};
  for (int i = 0; i < 32; ++i) {
    callers.emplace_back([&] {
      auto lines = rig.lines(2024, kShai);
      if (lines.ok() && lines->rows.size() == 1 && lines->rows[0].pts_pg > 32.6) ++answered;
    });
  }
  REQUIRE(eventually([&] { return rig.cached->stats().joined == 31; }));
  rig.origin.openGate();
  for (auto& caller : callers) caller.join();
  CHECK(answered == 32);
  CHECK(rig.origin.season_stats_calls == 1);
  CHECK(rig.tier(cache::TtlTier::kHistorical).misses == 1);
}

TEST_CASE("cache: a waiting call gives up on its own cancel; the request it waited on goes on") {
  Rig rig;
  rig.origin.closeGate();
  std::thread leader([&] { CHECK(rig.lines(2024).ok()); });
  REQUIRE(eventually([&] { return rig.origin.season_stats_calls == 1; }));
  std::atomic<bool> cancel{false};
  CallContext impatient = rig.call;
  impatient.withCancelProbe([&cancel] { return cancel.load(); });
  PlayerSeasonStatsRequest request;
  request.season = Season{2024};
  std::thread waiter([&] {
    CHECK(rig.cached->playerSeasonStats(impatient, request).status().code() ==
          StatusCode::kCancelled);
  });
  REQUIRE(eventually([&] { return rig.cached->stats().joined == 1; }));
  cancel = true;
  waiter.join();
  rig.origin.openGate();
  leader.join();
  CHECK(rig.lines(2024)->meta.cache == CacheState::kHit);
  CHECK(rig.origin.season_stats_calls == 1);
}

TEST_CASE("cache: games are cached per season and filtered by team and dates on the way out") {
  Rig rig;
  GamesRequest celtics;
  celtics.season = Season{2024};
  celtics.team = "BOS";
  celtics.date_from = "2025-01-01";
  celtics.date_to = "2025-01-31";
  auto direct = testing::embeddedSnapshot().games(rig.call, celtics);
  auto cached = rig.cached->games(rig.call, celtics);
  REQUIRE(cached.ok());
  CHECK(cached->rows.size() == direct->rows.size());
  CHECK(cached->rows.size() >= 12);
  for (const Game& game : cached->rows) {
    CHECK((game.home == "BOS" || game.away == "BOS"));
    CHECK(game.date >= "2025-01-01");
    CHECK(game.date <= "2025-01-31");
  }
  GamesRequest all;
  all.season = Season{2024};
  CHECK(rig.cached->games(rig.call, all)->rows.size() == 1231);  // 1,230 + the Cup final
  CHECK(rig.origin.games_calls == 1);
}

TEST_CASE("cache: invalidation by kind and parameters; eviction by bytes") {
  Rig rig;
  REQUIRE(rig.lines(2023).ok());
  REQUIRE(rig.lines(2024).ok());
  REQUIRE(rig.cached->teams(rig.call).ok());
  CHECK(rig.cached->invalidate("player_season_stats", "season=2023-24") == 1);
  CHECK(rig.lines(2023)->meta.cache == CacheState::kMiss);
  CHECK(rig.lines(2024)->meta.cache == CacheState::kHit);
  CHECK(rig.cached->invalidate("", "") == 3);
  CHECK(rig.cached->teams(rig.call)->meta.cache == CacheState::kMiss);

  CacheOptions small;
  small.capacity_bytes = 8 * 400 * 1024;  // 400 KiB a shard: one season's lines at most
  rig.cached = std::make_unique<CachingDataSource>(rig.origin, rig.clock, small);
  for (int year : {2023, 2024, 2025, 2023, 2024, 2025}) REQUIRE(rig.lines(year).ok());
  const CacheStats stats = rig.cached->stats();
  CHECK(stats.tiers[static_cast<std::size_t>(cache::TtlTier::kHistorical)].bytes +
            stats.tiers[static_cast<std::size_t>(cache::TtlTier::kDaily)].bytes <=
        small.capacity_bytes);
  CHECK(stats.capacity_bytes == small.capacity_bytes);
}

// A cache file of this test's own, removed afterwards.
struct CacheFile {
  CacheFile() {
    std::random_device seed;
    path = (std::filesystem::temp_directory_path() /
            ("nba-mcp-cache-" + std::to_string(seed()) + ".db"))
               .string();
  }
  ~CacheFile() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
  }
  CacheOptions options() const {
    CacheOptions options;
    options.db_path = path;
    return options;
  }
  std::string path;
};

TEST_CASE("cache L2: a restart answers from the file, without asking the origin") {
  CacheFile file;
  Rig rig;
  rig.cached = std::make_unique<CachingDataSource>(rig.origin, rig.clock, file.options());
  REQUIRE(rig.lines(2024).ok());
  REQUIRE(rig.cached->teams(rig.call).ok());
  REQUIRE(rig.cached->player(rig.call, kShai).ok());
  rig.cached.reset();  // the process ends: what was queued is written

  rig.clock.advance(hours(2));
  rig.cached = std::make_unique<CachingDataSource>(rig.origin, rig.clock, file.options());
  auto shai = rig.lines(2024, kShai);
  REQUIRE(shai.ok());
  CHECK(shai->meta.cache == CacheState::kHit);  // 2 h into a 24 h freshness
  REQUIRE(shai->rows.size() == 1);
  CHECK(shai->rows[0].pts_pg == doctest::Approx(32.7));
  CHECK(shai->meta.as_of == "2025-04-13");
  CHECK(rig.cached->player(rig.call, kShai)->name == "Shai Gilgeous-Alexander");
  CHECK(rig.cached->teams(rig.call)->rows.size() == 30);
  CHECK(rig.origin.season_stats_calls == 1);
  CHECK(rig.origin.teams_calls == 1);
  const CacheStats stats = rig.cached->stats();
  CHECK(stats.l2_hits == 3);
  REQUIRE(stats.l2.has_value());
  CHECK(stats.l2->available);
  CHECK(stats.l2->entries[static_cast<std::size_t>(cache::TtlTier::kHistorical)] == 1);
  // Teams, the player index, and the player looked up in it.
  CHECK(stats.l2->entries[static_cast<std::size_t>(cache::TtlTier::kStatic)] == 3);

  // Past its freshness, the stored entry is stale: served, and refreshed behind.
  rig.cached.reset();
  rig.clock.advance(hours(23));
  rig.cached = std::make_unique<CachingDataSource>(rig.origin, rig.clock, file.options());
  CHECK(rig.lines(2024)->meta.cache == CacheState::kStale);
  REQUIRE(eventually([&] { return rig.cached->stats().refreshes == 1; }));
  CHECK(rig.origin.season_stats_calls == 2);
}

TEST_CASE("cache L2: a stored value that does not decode is dropped and asked for again") {
  CacheFile file;
  Rig rig;
  rig.cached = std::make_unique<CachingDataSource>(rig.origin, rig.clock, file.options());
  REQUIRE(rig.lines(2024).ok());
  rig.cached.reset();
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(file.path.c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, "UPDATE cache_entries SET value = x'5a01ff'", nullptr, nullptr,
                       nullptr) == SQLITE_OK);
  sqlite3_close(db);

  rig.cached = std::make_unique<CachingDataSource>(rig.origin, rig.clock, file.options());
  auto lines = rig.lines(2024, kShai);
  REQUIRE(lines.ok());
  CHECK(lines->meta.cache == CacheState::kMiss);
  CHECK(lines->rows[0].pts_pg == doctest::Approx(32.7));
  CHECK(rig.origin.season_stats_calls == 2);
  CHECK(rig.cached->stats().l2_dropped == 1);
}

TEST_CASE("cache L2: a broken database costs only L2 — answers go on from memory and the origin") {
  CacheFile file;
  {
    std::FILE* garbage = std::fopen(file.path.c_str(), "wb");
    REQUIRE(garbage != nullptr);
    for (int i = 0; i < 4096; ++i) std::fputc((i * 37) & 0xff, garbage);
    std::fclose(garbage);
  }
  Rig rig;
  rig.cached = std::make_unique<CachingDataSource>(rig.origin, rig.clock, file.options());
  REQUIRE(rig.lines(2024).ok());
  CHECK(rig.lines(2024)->meta.cache == CacheState::kHit);  // L1 still works
  const CacheStats stats = rig.cached->stats();
  REQUIRE(stats.l2.has_value());
  CHECK_FALSE(stats.l2->available);
  CHECK(stats.l2->problem.find("file is not a database") != std::string::npos);
}

}  // namespace
}  // namespace nba
