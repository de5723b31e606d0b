// The cache with a shared tier: several "processes" (each its own cache, origin and Redis
// client) on one real redis-server. What one fetched the others serve; N missing one table
// at once make one origin request; a lock holder that dies or overruns holds the others up
// only until its lock expires; Redis dying mid-run costs no call, and it is found again.
#include <doctest/doctest.h>

#include <future>
#include <thread>

#include "origin/cached/caching_data_source.h"
#include "origin/forwarding_data_source.h"
#include "origin/snapshot_fixture.h"
#include "support/redis_server.h"

namespace nba {
namespace {

using std::chrono::milliseconds;
using testing::RedisServer;

constexpr char kShai[] = "1628983";

// The snapshot's player lines, counted, each request taking `delay` (NBA.com is slow).
class SlowSource : public ForwardingDataSource {
 public:
  Result<Table<PlayerSeasonLine>> playerSeasonStats(
      const CallContext& context, const PlayerSeasonStatsRequest& request) const override {
    ++calls;
    std::this_thread::sleep_for(delay);
    return ForwardingDataSource::playerSeasonStats(context, request);
  }

  mutable std::atomic<int> calls{0};
  milliseconds delay{0};

 protected:
  Result<const DataSource*> target(const CallContext&) const override {
    return &testing::embeddedSnapshot();
  }
};

// One server process's cache: its own origin, Redis client and cache, no SQLite file.
struct Process {
  Process(const std::string& url, milliseconds lock = milliseconds(5000),
          milliseconds delay = milliseconds(0))
      : client(redisOptions(url), *clock), store(client) {
    origin.delay = delay;
    CacheOptions options;
    options.shared = &store;
    options.shared_lock = lock;
    cached = std::make_unique<CachingDataSource>(origin, *clock, options);
  }

  static cache::RedisOptions redisOptions(const std::string& url) {
    cache::RedisOptions options;
    options.endpoint = cache::parseRedisUrl(url).value();
    options.retry_after = milliseconds(200);
    return options;
  }

  Result<Table<PlayerSeasonLine>> shai(int start_year) const {
    PlayerSeasonStatsRequest request;
    request.season = Season{start_year};
    request.player_id = kShai;
    return cached->playerSeasonStats(CallContext(*clock, Caller::kClient), request);
  }

  std::shared_ptr<Clock> clock = newSystemClock();
  SlowSource origin;
  cache::RedisClient client;
  cache::RedisStore store;
  std::unique_ptr<CachingDataSource> cached;
};

TEST_CASE("shared tier: what one process fetched, another serves from Redis") {
  RedisServer redis;
  Process first(redis.url());
  Process second(redis.url());
  auto fetched = first.shai(2024);
  REQUIRE(fetched.ok());
  CHECK(fetched->meta.cache == CacheState::kMiss);
  CHECK(first.origin.calls == 1);

  auto shared = second.shai(2024);
  REQUIRE(shared.ok());
  REQUIRE(shared->rows.size() == 1);
  CHECK(shared->rows[0].pts_pg == doctest::Approx(32.7));
  CHECK(shared->meta.cache == CacheState::kHit);
  CHECK(second.origin.calls == 0);
  const CacheStats stats = second.cached->stats();
  REQUIRE(stats.shared.has_value());
  CHECK(stats.shared->hits == 1);
  CHECK(stats.shared->redis.state == cache::RedisState::kUp);
  // The hit filled the second process's memory: Redis is not asked again.
  REQUIRE(second.shai(2024).ok());
  CHECK(second.cached->stats().shared->hits == 1);
  // The key expires with the entry: 2024-25 is a past season, kept the historical tier's
  // two days (the 7-day max-stale is longer), never without an expiry.
  const std::string keys = redis.command({"KEYS", "nba_mcp:v5:player_season_stats:*"});
  REQUIRE(keys.find('\n') == std::string::npos);
  const long long ttl = std::stoll(redis.command({"PTTL", keys}));
  CHECK(ttl > 0);
  CHECK(ttl <= 7LL * 24 * 3600 * 1000);
}

TEST_CASE("shared tier: three processes missing one table at once make one origin request") {
  RedisServer redis;
  std::vector<std::unique_ptr<Process>> processes;
  for (int i = 0; i < 3; ++i) {
    processes.push_back(
        std::make_unique<Process>(redis.url(), milliseconds(5000), milliseconds(300)));
  }
  std::vector<std::future<Result<Table<PlayerSeasonLine>>>> answers;
  for (const auto& process : processes) {
    answers.push_back(std::async(std::launch::async, [&process] { return process->shai(2024); }));
  }
  for (auto& answer : answers) {
    auto lines = answer.get();
    REQUIRE(lines.ok());
    REQUIRE(lines->rows.size() == 1);
    CHECK(lines->rows[0].pts_pg == doctest::Approx(32.7));
  }
  int origin_calls = 0;
  std::uint64_t waits = 0;
  for (const auto& process : processes) {
    origin_calls += process->origin.calls;
    waits += process->cached->stats().shared->lock_waits;
  }
  CHECK(origin_calls == 1);
  CHECK(waits == 2);
}

TEST_CASE(
    "shared tier: a lock holder that died or overran holds the others up only until "
    "its lock expires") {
  RedisServer redis;
  // The holder's lock lasts 300 ms but its request takes 3 s: to the others it is gone.
  Process holder(redis.url(), milliseconds(300), milliseconds(3000));
  Process waiter(redis.url(), milliseconds(10000));
  auto held = std::async(std::launch::async, [&holder] { return holder.shai(2024); });
  while (holder.origin.calls == 0) std::this_thread::sleep_for(milliseconds(1));
  const auto began = std::chrono::steady_clock::now();
  auto lines = waiter.shai(2024);
  const auto waited = std::chrono::steady_clock::now() - began;
  REQUIRE(lines.ok());
  CHECK(lines->rows[0].pts_pg == doctest::Approx(32.7));
  CHECK(waiter.origin.calls == 1);  // it fetched by itself once the lock was gone
  CHECK(waited >= milliseconds(200));
  CHECK(waited < milliseconds(2000));
  REQUIRE(held.get().ok());
  // One wait, given up on when the lock went without a value.
  CHECK(waiter.cached->stats().shared->lock_waits == 1);
  CHECK(waiter.cached->stats().shared->lock_timeouts == 1);
}

TEST_CASE("shared tier: Redis killed mid-run and restarted — no call fails, and it reconnects") {
  RedisServer redis;
  Process process(redis.url());
  REQUIRE(process.shai(2024).ok());
  redis.kill9();
  auto while_down = process.shai(2023);
  REQUIRE(while_down.ok());
  CHECK(while_down->rows[0].pts_pg == doctest::Approx(30.1));
  CHECK(process.cached->stats().shared->redis.state == cache::RedisState::kDown);
  redis.restart();
  std::this_thread::sleep_for(milliseconds(250));  // the breaker's 200 ms
  auto refetched = process.shai(2025);
  REQUIRE(refetched.ok());
  CHECK(process.cached->stats().shared->redis.state == cache::RedisState::kUp);
  CHECK(redis.command({"DBSIZE"}) == "1");  // the 2025-26 table, written after the restart
}

TEST_CASE("shared tier: invalidation reaches Redis, so no process serves what was dropped") {
  RedisServer redis;
  Process first(redis.url());
  REQUIRE(first.shai(2024).ok());
  REQUIRE(first.shai(2023).ok());
  CHECK(first.cached->invalidate("player_season_stats", "season=2024-25") == 1);
  Process second(redis.url());
  REQUIRE(second.shai(2023).ok());
  CHECK(second.origin.calls == 0);
  REQUIRE(second.shai(2024).ok());
  CHECK(second.origin.calls == 1);
}

}  // namespace
}  // namespace nba
