// --rate-limit-shared (issue 16): one client's per-tool bucket shared by every process on one
// Redis, refilled by Redis's clock; other clients untouched; each process's own bucket decides
// while Redis is down.
#include <doctest/doctest.h>

#include "app/shared_tier.h"
#include "support/redis_server.h"

namespace nba::app {
namespace {

using testing::RedisServer;

// One process: its shared tier and its limiter over the default limits (get_live_scores: 10 a
// minute, bursts of 10).
struct Process {
  explicit Process(const std::string& url) {
    Config config;
    config.redis_url = url;
    tier = connectSharedTier(config, clock).value();
    limiter = std::make_unique<ratelimit::ToolLimiter>(clock, ratelimit::defaultToolLimits(),
                                                       std::vector<std::string>{"get_live_scores"});
    limiter->shareWith(sharedBuckets(*tier));
  }

  int allowed(int calls, std::string_view client) const {
    int allowed = 0;
    for (int i = 0; i < calls; ++i) allowed += limiter->admit("get_live_scores", client)->allowed;
    return allowed;
  }

  FakeClock clock{std::chrono::sys_days{std::chrono::year{2026} / 2 / 22}};
  std::unique_ptr<SharedTier> tier;
  std::unique_ptr<ratelimit::ToolLimiter> limiter;
};

TEST_CASE("shared buckets: one client's calls across processes share one bucket") {
  RedisServer redis;
  Process first(redis.url());
  Process second(redis.url());
  CHECK(first.allowed(6, "claude-desktop") == 6);
  CHECK(second.allowed(6, "claude-desktop") == 4);
  const auto refused = second.limiter->admit("get_live_scores", "claude-desktop");
  REQUIRE(refused.has_value());
  CHECK_FALSE(refused->allowed);
  CHECK(refused->limit == 10);
  CHECK(refused->remaining == 0);
  // 10 a minute: a token every 6 s.
  CHECK(refused->retry_after.count() >= 1);
  CHECK(refused->retry_after.count() <= 6);
  // Another client has a bucket of its own.
  CHECK(first.allowed(3, "vscode") == 3);
  // The bucket's key expires once it would be full again: never left behind.
  const long long ttl =
      std::stoll(redis.command({"PTTL", "nba_mcp:bucket:v1:claude-desktop:get_live_scores"}));
  CHECK(ttl > 0);
  CHECK(ttl <= 61'000);
}

TEST_CASE("shared buckets: with Redis down each process's own bucket decides") {
  RedisServer redis;
  Process process(redis.url());
  CHECK(process.allowed(4, "claude-desktop") == 4);
  redis.kill9();
  // Its own bucket counted the 4 calls too: 6 left of 10.
  CHECK(process.allowed(8, "claude-desktop") == 6);
  CHECK(process.tier->client->stats().state == cache::RedisState::kDown);
}

}  // namespace
}  // namespace nba::app
