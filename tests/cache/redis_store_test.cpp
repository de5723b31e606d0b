// The shared tier's client and store against a real redis-server (tests/support): entries
// that expire with their TTL, locks that only their holder frees, invalidation by SCAN, and
// every fault the issue names — down at start, killed mid-run and restarted, slow, refusing
// the password, answering errors — each a value, never a wait or a crash.
#include "cache/redis_store.h"

#include <doctest/doctest.h>

#include <thread>

#include "support/redis_server.h"

namespace nba::cache {
namespace {

using std::chrono::milliseconds;
using testing::RedisServer;

constexpr std::int64_t kNow = 1'000'000;

StoredEntry entry(const std::string& key, std::string kind = "standings",
                  std::string params = "season=2025-26", std::string value = "packed-bytes") {
  StoredEntry out;
  out.key = key;
  out.kind = std::move(kind);
  out.params = std::move(params);
  out.tier = TtlTier::kHistorical;
  out.created_at = kNow;
  out.fresh_until = kNow + 60'000;
  out.stale_until = kNow + 120'000;
  out.keep_until = kNow + 300'000;
  out.value = std::move(value);
  return out;
}

// One "process": a client (fast timeouts, a breaker on a clock the test moves) and a store.
struct Process {
  explicit Process(const std::string& url, milliseconds timeout = milliseconds(200))
      : client(options(url, timeout), clock), store(client) {}

  static RedisOptions options(const std::string& url, milliseconds timeout) {
    RedisOptions options;
    options.endpoint = parseRedisUrl(url).value();
    options.connect_timeout = timeout;
    options.command_timeout = timeout;
    options.retry_after = milliseconds(2000);
    return options;
  }

  FakeClock clock{std::chrono::sys_days{std::chrono::year{2026} / 2 / 22}};
  RedisClient client;
  RedisStore store;
};

TEST_CASE("redis store: an entry round-trips and its key expires with the entry") {
  RedisServer redis;
  Process process(redis.url());
  const std::string key = "nba_mcp:v5:standings:00000000000000aa";
  process.store.put(entry(key), kNow);
  const auto read = process.store.get(key);
  REQUIRE(read.has_value());
  CHECK(read->kind == "standings");
  CHECK(read->params == "season=2025-26");
  CHECK(read->tier == TtlTier::kHistorical);
  CHECK(read->fresh_until == kNow + 60'000);
  CHECK(read->keep_until == kNow + 300'000);
  CHECK(read->value == "packed-bytes");
  const long long ttl = std::stoll(redis.command({"PTTL", key}));
  CHECK(ttl > 290'000);
  CHECK(ttl <= 300'000);
  // Missing and foreign values are misses; an entry already past keeping is not written.
  CHECK_FALSE(process.store.get("nba_mcp:v5:standings:nothing").has_value());
  redis.command({"SET", "nba_mcp:v5:standings:foreign", "not an envelope"});
  CHECK_FALSE(process.store.get("nba_mcp:v5:standings:foreign").has_value());
  process.store.put(entry("nba_mcp:v5:standings:old"), kNow + 400'000);
  CHECK(redis.command({"EXISTS", "nba_mcp:v5:standings:old"}) == "0");
  const SharedTierStats stats = process.store.stats();
  CHECK(stats.hits == 1);
  CHECK(stats.misses == 2);
  CHECK(stats.writes == 1);
  CHECK(stats.errors == 0);
  CHECK(stats.redis.state == RedisState::kUp);
  CHECK(stats.redis.connections == 1);
}

TEST_CASE("redis store: a lock has one holder, and only its holder frees it") {
  RedisServer redis;
  Process first(redis.url());
  Process second(redis.url());
  const std::string key = "nba_mcp:v5:standings:lock-test";
  auto held = first.store.lock(key, milliseconds(5000));
  REQUIRE(held.state == RedisStore::LockState::kTaken);
  CHECK_FALSE(held.token.empty());
  CHECK(second.store.lock(key, milliseconds(5000)).state == RedisStore::LockState::kHeldElsewhere);
  CHECK(second.store.locked(key));
  second.store.unlock(key, "someone else's token");
  CHECK(second.store.locked(key));
  first.store.unlock(key, held.token);
  CHECK_FALSE(second.store.locked(key));
  // A lock whose holder died expires by itself.
  auto short_lived = second.store.lock(key, milliseconds(100));
  REQUIRE(short_lived.state == RedisStore::LockState::kTaken);
  std::this_thread::sleep_for(milliseconds(250));
  CHECK_FALSE(first.store.locked(key));
  auto again = first.store.lock(key, milliseconds(5000));
  CHECK(again.state == RedisStore::LockState::kTaken);
  // The late holder's unlock cannot free the new holder's lock.
  second.store.unlock(key, short_lived.token);
  CHECK(first.store.locked(key));
}

TEST_CASE("redis store: invalidation removes by kind and parameters, never locks or quotas") {
  RedisServer redis;
  Process process(redis.url());
  process.store.put(entry("nba_mcp:v5:standings:a", "standings", "season=2025-26"), kNow);
  process.store.put(entry("nba_mcp:v5:standings:b", "standings", "season=2024-25"), kNow);
  process.store.put(entry("nba_mcp:v5:teams:c", "teams", ""), kNow);
  auto lock = process.store.lock("nba_mcp:v5:standings:a", milliseconds(5000));
  REQUIRE(lock.state == RedisStore::LockState::kTaken);
  redis.command({"SET", "nba_mcp:quota:v1:2026-02-22", "17"});

  CHECK(process.store.invalidate("standings", "season=2024-25") == 1);
  CHECK(redis.command({"EXISTS", "nba_mcp:v5:standings:b"}) == "0");
  CHECK(redis.command({"EXISTS", "nba_mcp:v5:standings:a"}) == "1");
  CHECK(process.store.invalidate("standings", "") == 1);
  CHECK(redis.command({"EXISTS", "nba_mcp:v5:teams:c"}) == "1");
  CHECK(process.store.invalidate("", "") == 1);
  CHECK(redis.command({"EXISTS", "nba_mcp:v5:teams:c"}) == "0");
  CHECK(redis.command({"EXISTS", lockKeyOf("nba_mcp:v5:standings:a")}) == "1");
  CHECK(redis.command({"GET", "nba_mcp:quota:v1:2026-02-22"}) == "17");
}

TEST_CASE("redis store: down at start, killed mid-run, restarted — misses, then back") {
  RedisServer redis;
  Process process(redis.url());
  const std::string key = "nba_mcp:v5:standings:restart";
  redis.kill9();
  CHECK_FALSE(process.store.get(key).has_value());
  RedisClientStats stats = process.client.stats();
  CHECK(stats.state == RedisState::kDown);
  CHECK(stats.problem.find("unreachable") != std::string::npos);
  CHECK(stats.connections == 0);
  // The breaker: while it is open nothing is tried, so a dead Redis costs no connect per call.
  redis.restart();
  process.store.put(entry(key), kNow);
  CHECK(process.store.lock(key, milliseconds(1000)).state == RedisStore::LockState::kUnavailable);
  CHECK(process.client.stats().connections == 0);
  CHECK(redis.command({"DBSIZE"}) == "0");
  process.clock.advance(milliseconds(2001));
  process.store.put(entry(key), kNow);
  CHECK(process.store.get(key).has_value());
  stats = process.client.stats();
  CHECK(stats.state == RedisState::kUp);
  CHECK(stats.problem.empty());
  // Killed and restarted between two calls: the pooled connection is dead, a fresh one
  // answers at once (a restart is not an outage).
  redis.kill9();
  redis.restart();
  process.store.put(entry(key), kNow);
  CHECK(process.store.get(key).has_value());
  CHECK(process.client.stats().state == RedisState::kUp);
  CHECK(process.client.stats().connections == 2);
  const SharedTierStats shared = process.store.stats();
  CHECK(shared.errors == 3);  // the get, put and lock while it was down
}

TEST_CASE("redis store: a slow Redis is given up on after the timeout") {
  RedisServer redis;
  Process process(redis.url(), milliseconds(100));
  const std::string key = "nba_mcp:v5:standings:slow";
  process.store.put(entry(key), kNow);
  std::thread sleeper([&redis] { redis.command({"DEBUG", "SLEEP", "1"}); });
  std::this_thread::sleep_for(milliseconds(100));
  const auto began = std::chrono::steady_clock::now();
  CHECK_FALSE(process.store.get(key).has_value());
  const auto took = std::chrono::steady_clock::now() - began;
  sleeper.join();
  CHECK(took < milliseconds(800));
  const RedisClientStats stats = process.client.stats();
  CHECK(stats.state == RedisState::kDown);
  CHECK(stats.problem == "did not answer in time");
  process.clock.advance(milliseconds(2001));
  CHECK(process.store.get(key).has_value());
}

TEST_CASE(
    "redis store: error replies (OOM, READONLY) fail writes, not the reads, and are said once") {
  RedisServer redis;
  Process process(redis.url());
  const std::string key = "nba_mcp:v5:standings:oom";
  process.store.put(entry(key), kNow);
  redis.command({"CONFIG", "SET", "maxmemory", "1"});
  process.store.put(entry("nba_mcp:v5:standings:more"), kNow);
  RedisClientStats stats = process.client.stats();
  CHECK(stats.state == RedisState::kFailing);
  CHECK(stats.problem.find("OOM") != std::string::npos);
  CHECK(process.store.stats().errors == 1);
  // Reads still answer; the state follows the last command.
  CHECK(process.store.get(key).has_value());
  CHECK(process.client.stats().state == RedisState::kUp);
  redis.command({"CONFIG", "SET", "maxmemory", "0"});
  process.store.put(entry("nba_mcp:v5:standings:more"), kNow);
  CHECK(redis.command({"EXISTS", "nba_mcp:v5:standings:more"}) == "1");
  // A replica (a failover left us on one) refuses writes: READONLY, the same way.
  redis.command({"REPLICAOF", "127.0.0.1", "1"});
  process.store.put(entry("nba_mcp:v5:standings:replica"), kNow);
  CHECK(process.client.stats().state == RedisState::kFailing);
  CHECK(process.client.stats().problem.find("READONLY") != std::string::npos);
  CHECK(process.store.get(key).has_value());
  redis.command({"REPLICAOF", "NO", "ONE"});
}

TEST_CASE("redis store: a refused password is said plainly, and the password never is") {
  RedisServer redis({"right-password"});
  Process wrong("redis://:wrong-password@127.0.0.1:" + std::to_string(redis.port()));
  CHECK_FALSE(wrong.store.get("nba_mcp:v5:standings:x").has_value());
  const RedisClientStats stats = wrong.client.stats();
  CHECK(stats.state == RedisState::kDown);
  CHECK(stats.problem.find("refused the credentials") != std::string::npos);
  CHECK(stats.problem.find("wrong-password") == std::string::npos);
  CHECK(stats.endpoint.find("wrong-password") == std::string::npos);
  Process right(redis.url());
  right.store.put(entry("nba_mcp:v5:standings:x"), kNow);
  CHECK(right.store.get("nba_mcp:v5:standings:x").has_value());
}

}  // namespace
}  // namespace nba::cache
