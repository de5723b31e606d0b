// The daily NBA.com quota shared through Redis by several processes (issue 16): exact under
// concurrency, every key expiring, per-client accounting, and the local store taking over
// while Redis is down.
#include "app/redis_quota_store.h"

#include <doctest/doctest.h>

#include <future>

#include "support/redis_server.h"

namespace nba::app {
namespace {

using std::chrono::hours;
using std::chrono::milliseconds;
using testing::RedisServer;

constexpr char kDay[] = "2026-02-22";

struct Process {
  explicit Process(const std::string& url)
      : client(options(url), clock),
        quota(newRedisQuotaStore(client, clock, ratelimit::newMemoryQuotaStore())) {}

  static cache::RedisOptions options(const std::string& url) {
    cache::RedisOptions options;
    options.endpoint = cache::parseRedisUrl(url).value();
    return options;
  }

  // 17:00 UTC: 7 hours left in the day.
  FakeClock clock{std::chrono::sys_days{std::chrono::year{2026} / 2 / 22} + hours(17)};
  cache::RedisClient client;
  std::unique_ptr<ratelimit::QuotaStore> quota;
};

TEST_CASE("redis quota: processes taking at once never overshoot the day's limit") {
  RedisServer redis;
  std::vector<std::unique_ptr<Process>> processes;
  for (int i = 0; i < 3; ++i) processes.push_back(std::make_unique<Process>(redis.url()));
  std::vector<std::future<int>> takers;
  for (const auto& process : processes) {
    for (int thread = 0; thread < 3; ++thread) {
      takers.push_back(std::async(std::launch::async, [&process, thread] {
        int taken = 0;
        const std::string client = "host-" + std::to_string(thread);
        while (true) {
          auto take = process->quota->take(kDay, client, 40, std::nullopt);
          REQUIRE(take.ok());
          if (!take->taken) return taken;
          ++taken;
        }
      }));
    }
  }
  int total = 0;
  for (auto& taker : takers) total += taker.get();
  CHECK(total == 40);
  CHECK(redis.command({"GET", "nba_mcp:quota:v1:2026-02-22"}) == "40");
  CHECK(processes[0]->quota->used(kDay).value() == 40);
  // The total expires at the end of its UTC day, the per-client rows a week later.
  const long long day_ttl = std::stoll(redis.command({"PTTL", "nba_mcp:quota:v1:2026-02-22"}));
  CHECK(day_ttl > 7 * 3600 * 1000 - 60'000);
  CHECK(day_ttl <= 7 * 3600 * 1000);
  const long long rows_ttl =
      std::stoll(redis.command({"PTTL", "nba_mcp:quota:v1:2026-02-22:requests"}));
  CHECK(rows_ttl > (7 * 24 + 7) * 3600LL * 1000 - 60'000);
  auto refused = processes[1]->quota->take(kDay, "host-9", 40, std::nullopt);
  REQUIRE(refused.ok());
  CHECK_FALSE(refused->taken);
  CHECK(refused->used == 40);
}

TEST_CASE("redis quota: a client's share, and the accounting per client and day") {
  RedisServer redis;
  Process first(redis.url());
  Process second(redis.url());
  for (int i = 0; i < 5; ++i) {
    REQUIRE(first.quota->take(kDay, "claude-desktop", 100, 5)->taken);
  }
  auto over = second.quota->take(kDay, "claude-desktop", 100, 5);
  REQUIRE(over.ok());
  CHECK_FALSE(over->taken);
  CHECK(over->client_used == 5);
  auto other = second.quota->take(kDay, "vscode", 100, 5);
  REQUIRE(other.ok());
  CHECK(other->taken);
  CHECK(other->used == 6);
  CHECK(other->client_used == 1);
  REQUIRE(second.quota->addCacheHits(kDay, "claude-desktop", 12).isOk());
  auto days = first.quota->clientDays("2026-02-16");
  REQUIRE(days.ok());
  REQUIRE(days->size() == 2);
  CHECK(days->at(0).client == "claude-desktop");
  CHECK(days->at(0).day == kDay);
  CHECK(days->at(0).upstream == 5);
  CHECK(days->at(0).cache_hits == 12);
  CHECK(days->at(1).client == "vscode");
  CHECK(days->at(1).upstream == 1);
  CHECK(first.quota->where() ==
        "redis://127.0.0.1:" + std::to_string(redis.port()) + "/0 (shared)");
}

TEST_CASE("redis quota: while Redis is down the local store keeps counting") {
  RedisServer redis;
  Process process(redis.url());
  REQUIRE(process.quota->take(kDay, "host", 3, std::nullopt)->taken);
  redis.kill9();
  // The local (here: memory) store takes over at once, with its own count.
  for (int i = 0; i < 3; ++i) {
    auto take = process.quota->take(kDay, "host", 3, std::nullopt);
    REQUIRE(take.ok());
    CHECK(take->taken);
  }
  auto fourth = process.quota->take(kDay, "host", 3, std::nullopt);
  REQUIRE(fourth.ok());
  CHECK_FALSE(fourth->taken);
  CHECK(process.quota->used(kDay).value() == 3);
  CHECK(process.client.stats().state == cache::RedisState::kDown);
}

}  // namespace
}  // namespace nba::app
